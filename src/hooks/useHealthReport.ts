import { useMemo } from 'react';
import type { DataFrame, TimeRange } from '@grafana/data';
import { analyze, HealthReport } from '../analysis';
import { PanelOptions, toAnalysisOptions } from '../options';

/**
 * Runs the analysis once per data or option change. Components below only render the report,
 * so a refresh with unchanged options analyses once, not once per component.
 */
export function useHealthReport(series: DataFrame[], options: PanelOptions, timeRange: TimeRange): HealthReport {
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const { thresholds, labels } = options;
  return useMemo(
    () => analyze(series, toAnalysisOptions({ thresholds, labels }, { from, to })),
    [series, thresholds, labels, from, to]
  );
}
