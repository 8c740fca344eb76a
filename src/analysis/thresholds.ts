/**
 * Every tunable number of the analysis. A check declares its own thresholds (checks/*.ts); the
 * settings several checks share are declared here. `THRESHOLDS` gathers the checks' declarations
 * in registry order, and from it and `SHARED_SETTINGS` come the core's defaults and validation, the
 * panel's defaults, editors, validation and saved-options migration, and the documentation tests.
 */
import type { LevelThresholds } from './types';
import type { Declarations, SingleDeclaration, ThresholdDeclaration, ValuesOf } from './declarations';
import { ALL_CHECKS, CHECKS } from './checks/registry';
import { isRecord } from './records';

export type { ThresholdDeclaration, ThresholdKind } from './declarations';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type DeclaredByChecks = UnionToIntersection<(typeof CHECKS)[number]['thresholds']>;

/**
 * The checks' thresholds (`HealthOptions.thresholds`), in registry order. A declaration two checks
 * share (imbalance and bytes-imbalance) is one object, listed once.
 */
export const THRESHOLDS = Object.freeze(
  Object.fromEntries(ALL_CHECKS.flatMap((c) => Object.entries(c.thresholds)))
) as unknown as DeclaredByChecks;

/** Which checks read each threshold or shared setting (for the documentation). */
export function readersOf(key: string): string[] {
  return ALL_CHECKS.filter(
    (c) => key in c.thresholds || (c.settings as readonly string[] | undefined)?.includes(key)
  ).map((c) => c.id);
}

/** Settings several checks share (top-level `HealthOptions` fields), listed after the thresholds. */
export const SHARED_SETTINGS = {
  minRate: {
    kind: 'single',
    default: 1,
    label: 'Minimum rate',
    description: 'Average rate per broker (msg/s) below which balance, drop and stall have nothing to judge.',
    unit: 'msg/s',
  },
  recentMinutes: {
    kind: 'single',
    default: 5,
    label: 'Recent window',
    description: 'What "now" looks at: the last minutes before the moment judged (at least two steps of the query).',
    unit: 'min',
    positive: true,
  },
  shiftMinutes: {
    kind: 'single',
    default: 30,
    label: 'Level before a change',
    description:
      'Drop, spike and stall compare the present with this many minutes before the latest abrupt change, wherever it is in the range.',
    unit: 'min',
    step: 5,
    positive: true,
  },
} as const satisfies Record<string, SingleDeclaration>;

export type ThresholdKey = keyof DeclaredByChecks & string;
export type SharedSettingKey = keyof typeof SHARED_SETTINGS;
/** Thresholds of the checks, typed from their declarations. */
export type HealthThresholds = ValuesOf<DeclaredByChecks>;
export type SharedSettings = { -readonly [K in SharedSettingKey]: number };

/** Every declaration, thresholds then shared settings: the editor's order. */
export const ALL_DECLARATIONS: ReadonlyArray<[ThresholdKey | SharedSettingKey, ThresholdDeclaration]> = [
  ...Object.entries(THRESHOLDS as Declarations),
  ...Object.entries(SHARED_SETTINGS),
] as Array<[ThresholdKey | SharedSettingKey, ThresholdDeclaration]>;

function copy(v: number | LevelThresholds): number | LevelThresholds {
  return typeof v === 'number' ? v : { warning: v.warning, critical: v.critical };
}

/** Fresh copies of the declared defaults. */
export function defaultThresholds(): HealthThresholds {
  return Object.fromEntries(
    Object.entries(THRESHOLDS as Declarations).map(([k, d]) => [k, copy(d.default)])
  ) as HealthThresholds;
}

export function defaultSharedSettings(): SharedSettings {
  return Object.fromEntries(Object.entries(SHARED_SETTINGS).map(([k, d]) => [k, d.default])) as SharedSettings;
}

function usableNumber(v: unknown, d: ThresholdDeclaration): v is number {
  return typeof v === 'number' && Number.isFinite(v) && (d.positive ? v > 0 : v >= 0);
}

/**
 * A saved or passed value, or the default when it is not one the declaration allows: a number
 * of the right sign; for a pair, two such numbers (each level falls back on its own). The order
 * of a pair is the editor's business: the core takes what it is given.
 */
export function resolveDeclared(v: unknown, d: ThresholdDeclaration): number | LevelThresholds {
  if (d.kind === 'single') {
    return usableNumber(v, d) ? v : d.default;
  }
  const r = isRecord(v) ? v : {};
  return {
    warning: usableNumber(r.warning, d) ? r.warning : d.default.warning,
    critical: usableNumber(r.critical, d) ? r.critical : d.default.critical,
  };
}

/** Thresholds from anything (saved JSON, API input): declared values kept, the rest defaulted. */
export function resolveThresholds(input: unknown): HealthThresholds {
  const t = isRecord(input) ? input : {};
  return Object.fromEntries(
    Object.entries(THRESHOLDS as Declarations).map(([k, d]) => [k, resolveDeclared(t[k], d)])
  ) as HealthThresholds;
}
