import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, single } from './context';

/**
 * `data-delayed`: every series stops at the same moment, shortly before now — ingestion lag. The
 * model then judges at the latest data (model/freshness.ts); this says so.
 */
export const dataDelayed = defineCheck({
  id: 'data-delayed',
  scope: 'data',
  summary: 'every series lags alike: ingestion lag, judged at the latest data',
  unit: 'duration',
  roles: ['messagesIn'],
  thresholds: {},
  evaluate({ messages }): CheckResult {
    const delayMs = messages?.freshness.delayedMs;
    if (!messages || delayMs === undefined || messages.freshness.clusterSilentMs !== undefined) {
      return result();
    }
    return single({
      check: 'data-delayed',
      severity: 'warning',
      ...say('data-delayed', { delayMs }),
      value: delayMs,
      threshold: messages.axis.staleAfter,
    });
  },
});
