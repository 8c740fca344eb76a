import type { BrokerStatus, Finding } from '../types';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';

/** `broker-overload`: one broker's rate above a capacity ceiling; it is `overloaded`. */
export const brokerOverload = defineCheck({
  id: 'broker-overload',
  scope: 'broker',
  summary: "a broker's rate above its capacity",
  unit: 'rate',
  roles: ['messagesIn'],
  thresholds: {
    brokerOverload: {
      kind: 'ceiling',
      default: { warning: 0, critical: 0 },
      label: 'Broker capacity',
      description: "Fires when one broker's rate rises above these ceilings (msg/s). 0 disables.",
      unit: 'msg/s',
    },
  },
  evaluate({ messages }, { brokerOverload: { warning, critical } }): CheckResult {
    if (!messages) {
      return result();
    }
    if (warning <= 0 && critical <= 0) {
      return skipped('broker-overload', 'disabled: no capacity set');
    }
    const findings: Finding[] = [];
    const statuses = new Map<string, BrokerStatus>();
    for (const b of messages.reporting) {
      const severity =
        critical > 0 && b.rate > critical ? 'critical' : warning > 0 && b.rate > warning ? 'warning' : undefined;
      if (!severity) {
        continue;
      }
      statuses.set(b.name, 'overloaded');
      const threshold = severity === 'critical' ? critical : warning;
      findings.push({
        check: 'broker-overload',
        severity,
        subject: b.name,
        subjectKind: 'broker',
        ...say('broker-overload', { broker: b.name, rate: b.rate, capacity: threshold }),
        value: b.rate,
        threshold,
      });
    }
    return result(findings, [], statuses);
  },
});
