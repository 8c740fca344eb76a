/**
 * Every tunable number of the analysis, declared once. The core's defaults and validation, the
 * panel's defaults, editors, validation and saved-options migration, and the documentation tests
 * are all derived from these declarations: adding a threshold is adding an entry here.
 *
 * - `ceiling`: a warning/critical pair the value must stay below (warning < critical);
 * - `floor`: a pair the value must stay above (warning > critical);
 * - `single`: one number.
 * 0 switches a level off. `positive` numbers must be above 0 (a window cannot be empty).
 */
import type { CheckId, LevelThresholds } from './types';

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
  /** The checks that read it. */
  checks: readonly CheckId[];
}

interface LevelDeclaration extends Declaration {
  kind: 'ceiling' | 'floor';
  default: LevelThresholds;
}

interface SingleDeclaration extends Declaration {
  kind: 'single';
  default: number;
}

export type ThresholdDeclaration = LevelDeclaration | SingleDeclaration;

/** The thresholds of the checks (`HealthOptions.thresholds`), in the order the editor lists them. */
export const THRESHOLDS = {
  imbalance: {
    kind: 'ceiling',
    default: { warning: 0.25, critical: 0.5 },
    label: 'Imbalance',
    description: 'Max |broker rate − mean| ÷ mean across brokers. 0 disables a level.',
    step: 0.05,
    checks: ['imbalance', 'bytes-imbalance'],
  },
  lowThroughput: {
    kind: 'floor',
    default: { warning: 0, critical: 0 },
    label: 'Low throughput',
    description: 'Fires when the average rate per broker falls below these floors (msg/s). 0 disables.',
    unit: 'msg/s',
    checks: ['low-throughput'],
  },
  brokerOverload: {
    kind: 'ceiling',
    default: { warning: 0, critical: 0 },
    label: 'Broker capacity',
    description: "Fires when one broker's rate rises above these ceilings (msg/s). 0 disables.",
    unit: 'msg/s',
    checks: ['broker-overload'],
  },
  drop: {
    kind: 'ceiling',
    default: { warning: 0.5, critical: 0.9 },
    label: 'Drop',
    description:
      'Fall of the cluster rate against the level before the latest abrupt change, as a fraction (0.5 = 50%).',
    step: 0.05,
    checks: ['drop'],
  },
  spikeFactor: {
    kind: 'single',
    default: 3,
    label: 'Spike factor',
    description: 'Cluster rate ÷ the level before the latest abrupt change that counts as a spike. 0 disables.',
    unit: '×',
    step: 0.5,
    checks: ['spike'],
  },
  topicSkew: {
    kind: 'single',
    default: 0.8,
    label: 'Topic skew',
    description: "Share of a busy topic's traffic on one broker that counts as skewed (0–1). 0 disables.",
    step: 0.05,
    checks: ['topic-skew'],
  },
  requestHandlerIdle: {
    kind: 'floor',
    default: { warning: 0.3, critical: 0.1 },
    label: 'Request-handler idle',
    description:
      "Fires when a broker's request handlers are idle less than this share of the time (0–1). Needs the idle query.",
    step: 0.05,
    checks: ['request-handlers'],
  },
  underReplicatedMinutes: {
    kind: 'single',
    default: 5,
    label: 'Under-replicated for',
    description: 'Under-replicated partitions are a warning; critical once they last this many minutes.',
    unit: 'min',
    checks: ['under-replicated'],
  },
  consumerLagFloor: {
    kind: 'single',
    default: 1000,
    label: 'Consumer lag floor',
    description: 'A growing lag below this many messages is not reported.',
    unit: 'msgs',
    step: 100,
    checks: ['consumer-lag'],
  },
} as const satisfies Record<string, ThresholdDeclaration>;

/** Settings several checks share (top-level `HealthOptions` fields), listed after the thresholds. */
export const SHARED_SETTINGS = {
  minRate: {
    kind: 'single',
    default: 1,
    label: 'Minimum rate',
    description: 'Average rate per broker (msg/s) below which balance, drop and stall have nothing to judge.',
    unit: 'msg/s',
    checks: ['imbalance', 'drop', 'spike', 'broker-stalled'],
  },
  recentMinutes: {
    kind: 'single',
    default: 5,
    label: 'Recent window',
    description: 'What "now" looks at: the last minutes before the moment judged (at least two steps of the query).',
    unit: 'min',
    positive: true,
    checks: ['under-replicated', 'request-handlers', 'consumer-lag', 'drop', 'spike'],
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
    checks: ['drop', 'spike', 'broker-stalled'],
  },
} as const satisfies Record<string, SingleDeclaration>;

type ValueOf<D> = D extends { kind: 'single' } ? number : LevelThresholds;

export type ThresholdKey = keyof typeof THRESHOLDS;
export type SharedSettingKey = keyof typeof SHARED_SETTINGS;
/** Thresholds of the checks, typed from their declarations. */
export type HealthThresholds = { -readonly [K in ThresholdKey]: ValueOf<(typeof THRESHOLDS)[K]> };
export type SharedSettings = { -readonly [K in SharedSettingKey]: number };

/** Every declaration, thresholds then shared settings: the editor's order. */
export const ALL_DECLARATIONS: ReadonlyArray<[ThresholdKey | SharedSettingKey, ThresholdDeclaration]> = [
  ...Object.entries(THRESHOLDS),
  ...Object.entries(SHARED_SETTINGS),
] as Array<[ThresholdKey | SharedSettingKey, ThresholdDeclaration]>;

function copy(v: number | LevelThresholds): number | LevelThresholds {
  return typeof v === 'number' ? v : { warning: v.warning, critical: v.critical };
}

/** Fresh copies of the declared defaults. */
export function defaultThresholds(): HealthThresholds {
  return Object.fromEntries(Object.entries(THRESHOLDS).map(([k, d]) => [k, copy(d.default)])) as HealthThresholds;
}

export function defaultSharedSettings(): SharedSettings {
  return Object.fromEntries(Object.entries(SHARED_SETTINGS).map(([k, d]) => [k, d.default])) as SharedSettings;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
    Object.entries(THRESHOLDS).map(([k, d]) => [k, resolveDeclared(t[k], d as ThresholdDeclaration)])
  ) as HealthThresholds;
}
