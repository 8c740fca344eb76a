import type { HealthOptions, HealthOptionsInput, LevelThresholds, MetricRole, RateReducer, TimeRangeMs } from './types';
import { isMetricRole } from './signals/roles';

export const DEFAULT_HEALTH_OPTIONS: Readonly<HealthOptions> = Object.freeze({
  brokerLabel: 'auto',
  topicLabel: 'auto',
  minRate: 1,
  metricName: '',
  rateReducer: 'last',
  recentMinutes: 5,
  shiftMinutes: 30,
  clusterLabel: 'auto',
  thresholds: {
    lowThroughput: { warning: 0, critical: 0 },
    brokerOverload: { warning: 0, critical: 0 },
    imbalance: { warning: 0.25, critical: 0.5 },
    topicSkew: 0.8,
    spikeFactor: 3,
    drop: { warning: 0.5, critical: 0.9 },
    requestHandlerIdle: { warning: 0.3, critical: 0.1 },
    underReplicatedMinutes: 5,
    consumerLagFloor: 1000,
  },
  roles: {},
});

const REDUCERS: RateReducer[] = ['last', 'mean', 'max'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A usable threshold is a finite number ≥ 0; anything else falls back to the default. */
function nonNegative(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : fallback;
}

function levels(v: unknown, fallback: LevelThresholds): LevelThresholds {
  const r = isRecord(v) ? v : {};
  return { warning: nonNegative(r.warning, fallback.warning), critical: nonNegative(r.critical, fallback.critical) };
}

function labelOption(v: unknown): string {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : 'auto';
}

function timeRange(v: unknown): TimeRangeMs | undefined {
  if (!isRecord(v)) {
    return undefined;
  }
  const from = typeof v.from === 'number' ? v.from : NaN;
  const to = typeof v.to === 'number' ? v.to : NaN;
  return Number.isFinite(from) && Number.isFinite(to) && to > from ? { from, to } : undefined;
}

/** refId → role; unknown roles and empty refIds are dropped. */
function roles(v: unknown): Record<string, MetricRole> {
  const out: Record<string, MetricRole> = Object.create(null);
  if (isRecord(v)) {
    for (const [refId, role] of Object.entries(v)) {
      if (refId !== '' && isMetricRole(role)) {
        out[refId] = role;
      }
    }
  }
  return out;
}

/**
 * Deep-merges caller options over the defaults. Invalid values (negative, NaN, wrong type)
 * fall back to the default instead of throwing: options come from saved dashboards.
 */
export function resolveOptions(input?: HealthOptionsInput | null): HealthOptions {
  const o: Record<string, unknown> = isRecord(input) ? input : {};
  const t: Record<string, unknown> = isRecord(o.thresholds) ? o.thresholds : {};
  const d = DEFAULT_HEALTH_OPTIONS.thresholds;
  const reducer = REDUCERS.includes(o.rateReducer as RateReducer) ? (o.rateReducer as RateReducer) : 'last';
  return {
    brokerLabel: labelOption(o.brokerLabel),
    topicLabel: labelOption(o.topicLabel),
    minRate: nonNegative(o.minRate, DEFAULT_HEALTH_OPTIONS.minRate),
    metricName: typeof o.metricName === 'string' ? o.metricName.trim() : '',
    rateReducer: reducer,
    thresholds: {
      lowThroughput: levels(t.lowThroughput, d.lowThroughput),
      brokerOverload: levels(t.brokerOverload, d.brokerOverload),
      imbalance: levels(t.imbalance, d.imbalance),
      topicSkew: nonNegative(t.topicSkew, d.topicSkew),
      spikeFactor: nonNegative(t.spikeFactor, d.spikeFactor),
      drop: levels(t.drop, d.drop),
      requestHandlerIdle: levels(t.requestHandlerIdle, d.requestHandlerIdle),
      underReplicatedMinutes: nonNegative(t.underReplicatedMinutes, d.underReplicatedMinutes),
      consumerLagFloor: nonNegative(t.consumerLagFloor, d.consumerLagFloor),
    },
    roles: roles(o.roles),
    timeRange: timeRange(o.timeRange),
    now: typeof o.now === 'number' && Number.isFinite(o.now) ? o.now : undefined,
    recentMinutes: positive(o.recentMinutes, DEFAULT_HEALTH_OPTIONS.recentMinutes),
    shiftMinutes: positive(o.shiftMinutes, DEFAULT_HEALTH_OPTIONS.shiftMinutes),
    clusterLabel: labelOption(o.clusterLabel),
  };
}
