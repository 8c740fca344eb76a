/**
 * `network-processors`: a broker whose network threads are rarely idle queues requests before the
 * request handlers even see them: connections time out while the handlers look fine. Floor on
 * the idle ratio, like the request handlers: warning 0.3, critical 0.1.
 */
import type { BrokerStatus, Finding } from '../types';
import { latest } from '../signals/brokerSignals';
import { say } from '../messages';
import { brokerCodes, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { condition } from './stability';

export const networkProcessors = defineCheck({
  id: 'network-processors',
  scope: 'broker',
  summary: "a broker's network processors rarely idle",
  unit: 'fraction',
  roles: ['networkProcessorIdle'],
  settings: ['recentMinutes'],
  thresholds: {
    networkProcessorIdle: {
      kind: 'floor',
      default: { warning: 0.3, critical: 0.1 },
      label: 'Network-processor idle',
      description:
        "Fires when a broker's network processors are idle less than this share of the time (0–1). Needs the network-processor query.",
      step: 0.05,
    },
  },
  history: ({ signals, messages }, { networkProcessorIdle: floor }) =>
    signals.networkIdle && messages
      ? {
          brokers: brokerCodes(messages.axis, signals.networkIdle, (v) =>
            floor.critical > 0 && v < floor.critical
              ? STATE.critical
              : floor.warning > 0 && v < floor.warning
                ? STATE.warning
                : STATE.none
          ),
        }
      : {},
  evaluate({ signals }, { networkProcessorIdle: floor }): CheckResult {
    const t = signals.networkIdle;
    if (!t) {
      return result();
    }
    const findings: Finding[] = [];
    const statuses = new Map<string, BrokerStatus>();
    for (const [broker, values] of t.byName) {
      for (const [severity, limit] of [
        ['critical', floor.critical],
        ['warning', floor.warning],
      ] as const) {
        if (limit <= 0 || !condition(values, t.axis, (v) => v < limit).holds) {
          continue;
        }
        const idle = latest(values);
        statuses.set(broker, 'saturated');
        findings.push({
          check: 'network-processors',
          severity,
          subject: broker,
          subjectKind: 'broker',
          ...say('network-processors', { broker, idle, floor: limit }),
          value: idle,
          threshold: limit,
        });
        break;
      }
    }
    return result(findings, [], statuses);
  },
});
