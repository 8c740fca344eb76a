import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result, single } from '../context';

/** `ignored-series` (info): series left out beside usable ones, with the first reason. */
export const ignoredSeries = defineCheck({
  id: 'ignored-series',
  scope: 'data',
  summary: 'series left out, with the reason',
  unit: 'count',
  roles: [],
  thresholds: {},
  evaluate({ reading: { prepared } }): CheckResult {
    // With nothing usable, no-data explains the whole picture.
    if (prepared.ignoredCount === 0 || prepared.rates.length === 0) {
      return result();
    }
    return single({
      check: 'ignored-series',
      severity: 'info',
      ...say('ignored-series', { count: prepared.ignoredCount, reason: prepared.ignored[0].reason }),
      value: prepared.ignoredCount,
    });
  },
});
