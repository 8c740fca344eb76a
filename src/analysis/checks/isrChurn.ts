/**
 * `isr-churn`: a broker whose leaders keep shrinking their in-sync replica sets. One shrink is a
 * follower that fell behind once (a restart, a GC pause) and is nothing an hour later; shrinks
 * through the whole recent window are followers dropping out again and again. Warning; critical
 * when the same broker leads under-replicated partitions now (they fall out and stay out).
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { latest } from '../signals/brokerSignals';
import { brokerCodes, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { condition } from './stability';

/** Shrinks per second below this are rate() extrapolation noise. */
const NOISE = 1e-6;

export const isrChurn = defineCheck({
  id: 'isr-churn',
  scope: 'broker',
  summary: "a broker's in-sync replica sets keep shrinking; critical with under-replicated partitions",
  unit: 'count',
  roles: ['isrShrinks'],
  settings: ['recentMinutes'],
  thresholds: {},
  explains: { 'under-replicated': 'subject' },
  history: ({ signals, messages }) =>
    signals.isrShrinks && messages
      ? { brokers: brokerCodes(messages.axis, signals.isrShrinks, (v) => (v > NOISE ? STATE.warning : STATE.none)) }
      : {},
  evaluate({ signals }): CheckResult {
    const t = signals.isrShrinks;
    if (!t) {
      return result();
    }
    const findings: Finding[] = [];
    for (const [broker, values] of t.byName) {
      const { holds, heldMs } = condition(values, t.axis, (v) => v > NOISE, true);
      if (!holds) {
        continue;
      }
      const perMinute = latest(values) * 60;
      const urpValues = signals.underReplicated?.byName.get(broker);
      const urp =
        urpValues && signals.underReplicated && condition(urpValues, signals.underReplicated.axis, (v) => v > 0).holds
          ? latest(urpValues)
          : 0;
      findings.push({
        check: 'isr-churn',
        severity: urp > 0 ? 'critical' : 'warning',
        subject: broker,
        subjectKind: 'broker',
        ...(urp > 0
          ? say('isr-churn.under-replicated', { broker, perMinute, heldMs, count: urp })
          : say('isr-churn', { broker, perMinute, heldMs })),
      });
    }
    return result(findings, [], new Map(findings.map((f) => [f.subject!, 'under-replicated' as const])));
  },
});
