import type { PanelModel } from '@grafana/data';
import { HealthOptionsInput, isMetricRole, MetricRole } from '../analysis';
import { DEFAULT_DISPLAY, DEFAULT_LABELS, DEFAULT_THRESHOLDS } from './defaults';
import { OPTIONS_VERSION, PanelOptions } from './types';

type Saved = Record<string, unknown>;

function isRecord(v: unknown): v is Saved {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** v0 (0.1.0 preview): everything under `analysis`, in the analysis core's own shape. */
function fromV0(saved: Saved): PanelOptions {
  const a = (isRecord(saved.analysis) ? saved.analysis : {}) as HealthOptionsInput;
  const t = a.thresholds ?? {};
  return {
    version: 1,
    thresholds: {
      imbalance: { ...DEFAULT_THRESHOLDS.imbalance, ...t.imbalance },
      lowThroughput: { ...DEFAULT_THRESHOLDS.lowThroughput, ...t.lowThroughput },
      brokerOverload: { ...DEFAULT_THRESHOLDS.brokerOverload, ...t.brokerOverload },
      drop: { ...DEFAULT_THRESHOLDS.drop, ...t.drop },
      spikeFactor: t.spikeFactor ?? DEFAULT_THRESHOLDS.spikeFactor,
      topicSkew: t.topicSkew ?? DEFAULT_THRESHOLDS.topicSkew,
      minRate: a.minRate ?? DEFAULT_THRESHOLDS.minRate,
      requestHandlerIdle: { ...DEFAULT_THRESHOLDS.requestHandlerIdle },
      underReplicatedMinutes: DEFAULT_THRESHOLDS.underReplicatedMinutes,
      consumerLagFloor: DEFAULT_THRESHOLDS.consumerLagFloor,
      recentMinutes: DEFAULT_THRESHOLDS.recentMinutes,
      shiftMinutes: DEFAULT_THRESHOLDS.shiftMinutes,
    },
    labels: {
      broker: a.brokerLabel ?? DEFAULT_LABELS.broker,
      topic: a.topicLabel ?? DEFAULT_LABELS.topic,
      metricName: a.metricName ?? DEFAULT_LABELS.metricName,
      rateReducer: a.rateReducer ?? DEFAULT_LABELS.rateReducer,
      roles: {},
      cluster: DEFAULT_LABELS.cluster,
    },
    display: { ...DEFAULT_DISPLAY },
  };
}

/** Saved refId → role pairs, with anything that is not one dropped. */
function rolesOf(v: unknown): Record<string, MetricRole> {
  const out: Record<string, MetricRole> = {};
  if (isRecord(v)) {
    for (const [refId, role] of Object.entries(v)) {
      if (isMetricRole(role)) {
        out[refId] = role;
      }
    }
  }
  return out;
}

/** Fills sections missing from a current-version save (options added later keep their defaults). */
function withDefaults(saved: Saved): PanelOptions {
  const section = <T extends object>(v: unknown, d: T): T => ({ ...d, ...(isRecord(v) ? v : {}) });
  const t = section(saved.thresholds, DEFAULT_THRESHOLDS);
  return {
    version: OPTIONS_VERSION,
    thresholds: {
      ...t,
      imbalance: section(t.imbalance, DEFAULT_THRESHOLDS.imbalance),
      lowThroughput: section(t.lowThroughput, DEFAULT_THRESHOLDS.lowThroughput),
      brokerOverload: section(t.brokerOverload, DEFAULT_THRESHOLDS.brokerOverload),
      drop: section(t.drop, DEFAULT_THRESHOLDS.drop),
      requestHandlerIdle: section(t.requestHandlerIdle, DEFAULT_THRESHOLDS.requestHandlerIdle),
    },
    labels: {
      ...section(saved.labels, DEFAULT_LABELS),
      roles: rolesOf(isRecord(saved.labels) ? saved.labels.roles : undefined),
    },
    display: section(saved.display, DEFAULT_DISPLAY),
  };
}

/** Brings options saved by any earlier version to the current shape. Never throws. */
export function migrateOptions(saved: unknown): PanelOptions {
  const options: Saved = isRecord(saved) ? saved : {};
  const version = typeof options.version === 'number' ? options.version : 0;
  if (version < 1 && ('analysis' in options || !('thresholds' in options))) {
    return withDefaults(fromV0(options) as unknown as Saved);
  }
  return withDefaults(options);
}

export function panelMigrationHandler(panel: PanelModel<Partial<PanelOptions>>): PanelOptions {
  return migrateOptions(panel.options);
}

/** Only migrate when the saved options are not of the current version. */
export function shouldMigrate(panel: PanelModel): boolean {
  const options = panel.options as { version?: unknown } | undefined;
  return options?.version !== OPTIONS_VERSION;
}
