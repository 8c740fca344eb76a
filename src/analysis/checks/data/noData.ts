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
    const { prepared, seriesRead, notices, query } = reading;
    if (prepared.rates.length > 0) {
      return result();
    }
    const fromSource = notices.length ? ` The data source said: ${notices.map(quote).join('; ')}.` : '';
    const words =
      seriesRead === 0
        ? say('no-data.none', { query, fromSource })
        : prepared.unusableCounterCount > 0 && prepared.unusableCounterCount + prepared.ignoredCount >= seriesRead
          ? say('no-data.instant-counters', { query, fromSource })
          : prepared.otherMetricNames.length > 0 && prepared.emptyCount === 0
            ? say('no-data.other-metrics', {
                query,
                fromSource,
                series: seriesRead,
                found: prepared.otherMetricNames.slice(0, 5).map(quote).join(', '),
              })
            : say('no-data.empty', { query, fromSource, series: seriesRead });
    return single({ check: 'no-data', severity: 'critical', ...words });
  },
});
