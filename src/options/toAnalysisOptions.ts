import type { HealthOptionsInput, LevelThresholds, TimeRangeMs } from '../analysis';
import { DEFAULT_THRESHOLDS } from './defaults';
import type { NumberThresholdKey, PanelOptions, ThresholdOptions } from './types';
import { LEVEL_KINDS, levelsError, numberError } from './validate';

type LevelKey = keyof typeof LEVEL_KINDS;

function validLevels(thresholds: Partial<ThresholdOptions> | undefined, key: LevelKey): LevelThresholds {
  const value = thresholds?.[key];
  return levelsError(value, LEVEL_KINDS[key]) ? { ...DEFAULT_THRESHOLDS[key] } : { ...(value as LevelThresholds) };
}

function validNumber(thresholds: Partial<ThresholdOptions> | undefined, key: NumberThresholdKey): number {
  const value = thresholds?.[key];
  return numberError(value) ? DEFAULT_THRESHOLDS[key] : (value as number);
}

/**
 * Panel options → analysis options. A pair the editor would reject (hand-edited JSON, an old
 * dashboard) is never applied: the default stands in for it.
 */
export function toAnalysisOptions(
  options: Partial<PanelOptions> | undefined,
  timeRange?: TimeRangeMs
): HealthOptionsInput {
  const t = options?.thresholds;
  const labels = options?.labels;
  return {
    brokerLabel: labels?.broker || 'auto',
    topicLabel: labels?.topic || 'auto',
    metricName: labels?.metricName ?? '',
    rateReducer: labels?.rateReducer,
    clusterLabel: typeof labels?.cluster === 'string' && labels.cluster.trim() ? labels.cluster : 'auto',
    recentMinutes: validNumber(t, 'recentMinutes'),
    shiftMinutes: validNumber(t, 'shiftMinutes'),
    minRate: validNumber(t, 'minRate'),
    thresholds: {
      imbalance: validLevels(t, 'imbalance'),
      lowThroughput: validLevels(t, 'lowThroughput'),
      brokerOverload: validLevels(t, 'brokerOverload'),
      drop: validLevels(t, 'drop'),
      spikeFactor: validNumber(t, 'spikeFactor'),
      topicSkew: validNumber(t, 'topicSkew'),
      requestHandlerIdle: validLevels(t, 'requestHandlerIdle'),
      underReplicatedMinutes: validNumber(t, 'underReplicatedMinutes'),
      consumerLagFloor: validNumber(t, 'consumerLagFloor'),
    },
    roles: { ...labels?.roles },
    timeRange,
  };
}
