import type { PanelModel } from '@grafana/data';
import { ALL_DECLARATIONS, HealthOptionsInput, isMetricRole, LevelThresholds, MetricRole } from '../analysis';
import { DEFAULT_DISPLAY, DEFAULT_LABELS, DEFAULT_THRESHOLDS } from './defaults';
import { OPTIONS_VERSION, PanelOptions, ThresholdOptions } from './types';

type Saved = Record<string, unknown>;

function isRecord(v: unknown): v is Saved {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** v0 (0.1.0 preview): everything under `analysis`, in the analysis core's own shape. */
function fromV0(saved: Saved): PanelOptions {
  const a = (isRecord(saved.analysis) ? saved.analysis : {}) as HealthOptionsInput;
  // The preview kept the pairs under `thresholds` and the minimum rate beside them.
  const previewThresholds: Saved = { ...(isRecord(a.thresholds) ? a.thresholds : {}), minRate: a.minRate };
  return {
    version: 1,
    thresholds: declaredThresholds(previewThresholds),
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

/**
 * Every declared threshold (analysis/thresholds.ts) from a saved section: pairs completed level by
 * level from the defaults, numbers kept as saved (toAnalysisOptions validates them), the rest defaulted.
 */
function declaredThresholds(saved: Saved): ThresholdOptions {
  return Object.fromEntries(
    ALL_DECLARATIONS.map(([key, d]) => {
      const fallback = DEFAULT_THRESHOLDS[key];
      const value = saved[key];
      if (d.kind === 'single') {
        return [key, value ?? fallback];
      }
      return [key, { ...(fallback as LevelThresholds), ...(isRecord(value) ? value : {}) }];
    })
  ) as ThresholdOptions;
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
  return {
    version: OPTIONS_VERSION,
    thresholds: declaredThresholds(isRecord(saved.thresholds) ? saved.thresholds : {}),
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
