import { quote } from '../../format';
import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result, single } from '../context';

/** `no-data`: no usable messages-in series, said as specifically as the data allows. */
export const noData = defineCheck({
  id: 'no-data',
  scope: 'data',
  summary: 'no usable messages-in series, and why',
  roles: [],
  thresholds: {},
  evaluate({ reading }): CheckResult {
    const { prepared, seriesRead, query } = reading;
    if (prepared.rates.length > 0) {
      return result();
    }
    // What the data source said is its own finding (query-notice), not repeated here.
    const words =
      seriesRead === 0
        ? say('no-data.none', { query })
        : prepared.unusableCounterCount > 0 && prepared.unusableCounterCount + prepared.ignoredCount >= seriesRead
          ? say('no-data.instant-counters', { query })
          : prepared.otherMetricNames.length > 0 && prepared.emptyCount === 0
            ? say('no-data.other-metrics', {
                query,
                series: seriesRead,
                found: prepared.otherMetricNames.slice(0, 5).map(quote).join(', '),
              })
            : say('no-data.empty', { query, series: seriesRead });
    return single({ check: 'no-data', severity: 'critical', ...words });
  },
});
