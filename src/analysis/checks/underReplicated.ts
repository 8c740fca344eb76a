import type { Finding } from '../types';
import { latest } from '../signals/brokerSignals';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { condition } from './stability';
import { brokerCodes, STATE } from '../history';

/**
 * `under-replicated`: a broker leading under-replicated partitions now (held at the latest fresh
 * sample and another in the recent window) is a warning; critical once it has lasted the limit.
 */
export const underReplicated = defineCheck({
  id: 'under-replicated',
  scope: 'broker',
  summary: 'under-replicated partitions, critical once they last',
  unit: 'count',
  roles: ['underReplicated'],
  settings: ['recentMinutes'],
  thresholds: {
    underReplicatedMinutes: {
      kind: 'single',
      default: 5,
      label: 'Under-replicated for',
      description: 'Under-replicated partitions are a warning; critical once they last this many minutes.',
      unit: 'min',
    },
  },
  // A step with under-replicated partitions is a warning on the timeline.
  history: ({ signals, messages }) =>
    signals.underReplicated && messages
      ? { brokers: brokerCodes(messages.axis, signals.underReplicated, (v) => (v > 0 ? STATE.warning : STATE.none)) }
      : {},
  evaluate({ signals }, { underReplicatedMinutes: persistMinutes }): CheckResult {
    const t = signals.underReplicated;
    if (!t) {
      return result();
    }
    const findings: Finding[] = [];
    for (const [broker, values] of t.byName) {
      const c = condition(values, t.axis, (v) => v > 0);
      if (!c.holds) {
        continue;
      }
      const count = latest(values);
      const persistent = persistMinutes > 0 && c.heldMs >= persistMinutes * 60_000;
      findings.push({
        check: 'under-replicated',
        severity: persistent ? 'critical' : 'warning',
        subject: broker,
        subjectKind: 'broker',
        ...(persistent
          ? say('under-replicated.persistent', { broker, count, heldMs: c.heldMs, limitMinutes: persistMinutes })
          : c.heldMs > 0
            ? say('under-replicated.held', { broker, count, heldMs: c.heldMs })
            : say('under-replicated', { broker, count })),
        value: count,
        threshold: 0,
      });
    }
    // The row of each broker with a finding says so, whatever its traffic.
    return result(findings, [], new Map(findings.map((f) => [f.subject!, 'under-replicated' as const])));
  },
});
