import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result, single } from '../context';

/** `all-zero`: every broker at 0 over the whole range (nothing produces, or the wrong JVM is scraped). */
export const allZero = defineCheck({
  id: 'all-zero',
  scope: 'data',
  summary: 'every broker at 0 msg/s over the whole range',
  roles: ['messagesIn'],
  thresholds: {},
  evaluate: ({ messages }): CheckResult =>
    messages?.allZero ? single({ check: 'all-zero', severity: 'warning', ...say('all-zero', {}) }) : result(),
});
