import type { PanelModel } from '@grafana/data';
import type { HealthOptionsInput } from '../analysis';
import { isRecord, readPanelOptions } from './read';
import { OPTIONS_VERSION, PanelOptions } from './types';

type Saved = Record<string, unknown>;

/** v0 (0.1.0 preview): everything under `analysis`, in the analysis core's own shape. */
function fromV0(saved: Saved): Saved {
  const a = (isRecord(saved.analysis) ? saved.analysis : {}) as HealthOptionsInput;
  return {
    version: 1,
    // The preview kept the pairs under `thresholds` and the minimum rate beside them.
    thresholds: { ...(isRecord(a.thresholds) ? a.thresholds : {}), minRate: a.minRate },
    labels: {
      broker: a.brokerLabel,
      topic: a.topicLabel,
      metricName: a.metricName,
      rateReducer: a.rateReducer,
    },
  };
}

/**
 * Brings options saved by any earlier version to the current shape, every value read by type
 * (read.ts): sections missing from a save keep their defaults. Never throws.
 */
export function migrateOptions(saved: unknown): PanelOptions {
  const options: Saved = isRecord(saved) ? saved : {};
  const version = typeof options.version === 'number' ? options.version : 0;
  if (version < 1 && ('analysis' in options || !('thresholds' in options))) {
    return readPanelOptions(fromV0(options));
  }
  return readPanelOptions(options);
}

export function panelMigrationHandler(panel: PanelModel<Partial<PanelOptions>>): PanelOptions {
  return migrateOptions(panel.options);
}

/** Only migrate when the saved options are not of the current version. */
export function shouldMigrate(panel: PanelModel): boolean {
  const options = panel.options as { version?: unknown } | undefined;
  return options?.version !== OPTIONS_VERSION;
}
