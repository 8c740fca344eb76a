import { t } from '@grafana/i18n';
import { ALL_DECLARATIONS, LevelThresholds } from '../analysis';
import type { LevelKey } from './types';

/**
 * Direction of a warning/critical pair: a ceiling fires above its levels (warning < critical),
 * a floor below them (warning > critical).
 */
export type LevelKind = 'ceiling' | 'floor';

/** Why a pair cannot be applied, or undefined when it can. 0 switches a level off and never conflicts. */
export function levelsError(levels: Partial<LevelThresholds> | undefined, kind: LevelKind): string | undefined {
  const warning = levels?.warning;
  const critical = levels?.critical;
  for (const [level, v] of [
    ['warning', warning],
    ['critical', critical],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return level === 'warning'
        ? t('options.validation.warning-number', 'Warning must be a number')
        : t('options.validation.critical-number', 'Critical must be a number');
    }
    if (v < 0) {
      return level === 'warning'
        ? t('options.validation.warning-negative', 'Warning must not be negative')
        : t('options.validation.critical-negative', 'Critical must not be negative');
    }
  }
  const w = warning as number;
  const c = critical as number;
  if (w > 0 && c > 0) {
    if (kind === 'ceiling' && w >= c) {
      return t(
        'options.validation.ceiling-order',
        'Warning must be below critical: this check fires when the value rises'
      );
    }
    if (kind === 'floor' && w <= c) {
      return t(
        'options.validation.floor-order',
        'Warning must be above critical: this check fires when the value falls'
      );
    }
  }
  return undefined;
}

/** Why a number cannot be applied: not a number, negative, or 0 where it must be positive (a window). */
export function numberError(v: unknown, positive = false): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return t('options.validation.number', 'Must be a number');
  }
  if (positive && v <= 0) {
    return t('options.validation.positive', 'Must be above 0');
  }
  return v < 0 ? t('options.validation.negative', 'Must not be negative') : undefined;
}

/** The direction of every declared pair (analysis/thresholds.ts). */
export const LEVEL_KINDS = Object.fromEntries(
  ALL_DECLARATIONS.flatMap(([key, d]) => (d.kind === 'single' ? [] : [[key, d.kind]]))
) as Record<LevelKey, LevelKind>;
