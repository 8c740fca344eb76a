import type { HealthOptions, HealthOptionsInput, MetricRole, RateReducer, TimeRangeMs } from './types';
import { isMetricRole } from './signals/roles';
import {
  defaultSharedSettings,
  defaultThresholds,
  resolveDeclared,
  resolveThresholds,
  SHARED_SETTINGS,
} from './thresholds';
import { isRecord } from './records';

const shared = defaultSharedSettings();

export const DEFAULT_HEALTH_OPTIONS: Readonly<HealthOptions> = Object.freeze({
  brokerLabel: 'auto',
  topicLabel: 'auto',
  minRate: shared.minRate,
  metricName: '',
  rateReducer: 'last',
  recentMinutes: shared.recentMinutes,
  shiftMinutes: shared.shiftMinutes,
  clusterLabel: 'auto',
  thresholds: defaultThresholds(),
  roles: {},
});

const REDUCERS: RateReducer[] = ['last', 'mean', 'max'];

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
  const reducer = REDUCERS.includes(o.rateReducer as RateReducer) ? (o.rateReducer as RateReducer) : 'last';
  const setting = (key: keyof typeof SHARED_SETTINGS) => resolveDeclared(o[key], SHARED_SETTINGS[key]) as number;
  return {
    brokerLabel: labelOption(o.brokerLabel),
    topicLabel: labelOption(o.topicLabel),
    minRate: setting('minRate'),
    metricName: typeof o.metricName === 'string' ? o.metricName.trim() : '',
    rateReducer: reducer,
    thresholds: resolveThresholds(o.thresholds),
    roles: roles(o.roles),
    timeRange: timeRange(o.timeRange),
    now: typeof o.now === 'number' && Number.isFinite(o.now) ? o.now : undefined,
    recentMinutes: setting('recentMinutes'),
    shiftMinutes: setting('shiftMinutes'),
    clusterLabel: labelOption(o.clusterLabel),
  };
}
