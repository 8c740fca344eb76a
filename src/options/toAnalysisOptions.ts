import {
  HealthOptionsInput,
  LevelThresholds,
  SHARED_SETTINGS,
  THRESHOLDS,
  ThresholdDeclaration,
  TimeRangeMs,
} from '../analysis';
import { DEFAULT_THRESHOLDS } from './defaults';
import type { PanelOptions, ThresholdOptions } from './types';
import { levelsError, numberError } from './validate';

/** A saved value the editor would accept, else the default: a pair in the wrong order is never applied. */
function valid(
  thresholds: Partial<ThresholdOptions> | undefined,
  key: keyof ThresholdOptions,
  d: ThresholdDeclaration
): number | LevelThresholds {
  const value = thresholds?.[key];
  const fallback = DEFAULT_THRESHOLDS[key];
  if (d.kind === 'single') {
    return numberError(value, d.positive) ? fallback : (value as number);
  }
  return levelsError(value as Partial<LevelThresholds>, d.kind)
    ? { ...(fallback as LevelThresholds) }
    : { ...(value as LevelThresholds) };
}

/** Every declared key of one group, validated. */
function validGroup(
  thresholds: Partial<ThresholdOptions> | undefined,
  group: Record<string, ThresholdDeclaration>
): Record<string, number | LevelThresholds> {
  return Object.fromEntries(
    Object.entries(group).map(([key, d]) => [key, valid(thresholds, key as keyof ThresholdOptions, d)])
  );
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
    ...validGroup(t, SHARED_SETTINGS),
    thresholds: validGroup(t, THRESHOLDS),
    roles: { ...labels?.roles },
    timeRange,
  };
}
