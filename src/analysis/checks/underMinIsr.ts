import type { BrokerStatus, Finding } from '../types';
import { latest } from '../signals/brokerSignals';
import { say } from '../messages';
import { brokerCodes, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { condition } from './stability';

/**
 * `under-min-isr`: a broker leading partitions with fewer in-sync replicas than
 * min.insync.replicas. Producers with acks=all get NotEnoughReplicas errors on them: critical at
 * once, with the same stability rule as under-replicated partitions (held at the latest fresh
 * sample and another in the recent window).
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
    const t = signals.underMinIsr;
    if (!t) {
      return result();
    }
    const findings: Finding[] = [];
    const statuses = new Map<string, BrokerStatus>();
    for (const [broker, values] of t.byName) {
      if (!condition(values, t.axis, (v) => v > 0).holds) {
        continue;
      }
      const count = latest(values);
      statuses.set(broker, 'under-replicated');
      findings.push({
        check: 'under-min-isr',
        severity: 'critical',
        subject: broker,
        subjectKind: 'broker',
        ...say('under-min-isr', { broker, count }),
        value: count,
        threshold: 0,
      });
    }
    return result(findings, [], statuses);
  },
});
