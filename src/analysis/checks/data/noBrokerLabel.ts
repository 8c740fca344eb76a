import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result, single } from '../context';

/** `no-broker-label` (info): series without a broker label, shown as one group. */
export const noBrokerLabel = defineCheck({
  id: 'no-broker-label',
  scope: 'data',
  summary: 'series without a broker label, shown as one group',
  roles: [],
  thresholds: {},
  evaluate: ({ reading }): CheckResult =>
    reading.unlabelled
      ? single({ check: 'no-broker-label', severity: 'info', ...say('no-broker-label', { query: reading.query }) })
      : result(),
});
