import { useMemo } from 'react';
import type { DataFrame, TimeRange } from '@grafana/data';
import { analyze, HealthReport } from '../analysis';
import { PanelOptions, toAnalysisOptions } from '../options';

/**
 * Runs the analysis once per data or option change. Components below only render the report,
 * so a refresh with unchanged options analyses once, not once per component. `now` is when the
 * query ran (`data.request.startTime`): the report judges that moment — a range ending at
 * midnight ("Today") is judged when it was asked, not at midnight — and stays a pure function of
 * the panel's props.
 */
export function useHealthReport(
  series: DataFrame[],
  options: Pick<PanelOptions, 'thresholds' | 'labels'>,
  timeRange: TimeRange,
  now?: number
): HealthReport {
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const { thresholds, labels } = options;
  return useMemo(
    () => analyze(series, { ...toAnalysisOptions({ thresholds, labels }, { from, to }), now }),
    [series, thresholds, labels, from, to, now]
  );
}
