import { say } from '../messages';
import { brokerCodes, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { aboveZero } from './brokerGauges';

/**
 * `under-min-isr`: a broker leading partitions with fewer in-sync replicas than
 * min.insync.replicas. Producers with acks=all get NotEnoughReplicas errors on them: critical at
 * once, with the same stability rule as under-replicated partitions.
 */
export const underMinIsr = defineCheck({
  id: 'under-min-isr',
  scope: 'broker',
  summary: 'partitions below min.insync.replicas: acks=all producers fail',
  unit: 'count',
  roles: ['underMinIsr'],
  settings: ['recentMinutes'],
  thresholds: {},
  history: ({ signals, messages }) =>
    signals.underMinIsr && messages
      ? { brokers: brokerCodes(messages.axis, signals.underMinIsr, (v) => (v > 0 ? STATE.critical : STATE.none)) }
      : {},
  evaluate({ signals }): CheckResult {
    if (!signals.underMinIsr) {
      return result();
    }
    const { findings, statuses } = aboveZero(signals.underMinIsr, 'under-replicated', (broker, count) => ({
      check: 'under-min-isr',
      severity: 'critical',
      subject: broker,
      subjectKind: 'broker',
      ...say('under-min-isr', { broker, count }),
      value: count,
      threshold: 0,
    }));
    return result(findings, [], statuses);
  },
});
