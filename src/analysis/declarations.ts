/**
 * The shape of a tunable number. A check declares its thresholds with these (checks/check.ts);
 * the shared settings of thresholds.ts use them too. From one declaration come the core's default
 * and validation, the panel's default, editor, validation and saved-options migration, and the
 * documentation tests.
 *
 * - `ceiling`: a warning/critical pair the value must stay below (warning < critical);
 * - `floor`: a pair the value must stay above (warning > critical);
 * - `single`: one number.
 * 0 switches a level off. `positive` numbers must be above 0 (a window cannot be empty).
 */
import type { LevelThresholds } from './types';

export type ThresholdKind = 'ceiling' | 'floor' | 'single';

interface Declaration {
  kind: ThresholdKind;
  /** Editor name and documentation label. */
  label: string;
  description: string;
  unit?: string;
  step?: number;
  /** Must be above 0 (else ≥ 0). */
  positive?: boolean;
}

export interface LevelDeclaration extends Declaration {
  kind: 'ceiling' | 'floor';
  default: LevelThresholds;
}

export interface SingleDeclaration extends Declaration {
  kind: 'single';
  default: number;
}

export type ThresholdDeclaration = LevelDeclaration | SingleDeclaration;

/** Declarations by option key. */
export type Declarations = Readonly<Record<string, ThresholdDeclaration>>;

/** The value a declaration holds: a number, or a warning/critical pair. */
export type ValueOf<D> = D extends { kind: 'single' } ? number : LevelThresholds;

/** The values of a set of declarations, by key. */
export type ValuesOf<T> = { -readonly [K in keyof T]: ValueOf<T[K]> };
