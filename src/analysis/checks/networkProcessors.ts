/**
 * `network-processors`: a broker whose network threads are rarely idle queues requests before the
 * request handlers even see them: connections time out while the handlers look fine. Floor on
 * the idle ratio, like the request handlers: warning 0.3, critical 0.1.
 */
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { belowFloor, floorHistory } from './brokerGauges';

export const networkProcessors = defineCheck({
  id: 'network-processors',
  scope: 'broker',
  summary: "a broker's network processors rarely idle",
  unit: 'fraction',
  roles: ['networkProcessorIdle'],
  settings: ['recentMinutes'],
  // Requests that wait for a busy thread are slow requests: the same broker's latency follows.
  explains: { 'request-latency': 'subject' },
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
    signals.networkIdle && messages ? { brokers: floorHistory(messages.axis, signals.networkIdle, floor) } : {},
  evaluate({ signals }, { networkProcessorIdle: floor }): CheckResult {
    if (!signals.networkIdle) {
      return result();
    }
    const findings = belowFloor(signals.networkIdle, floor, (broker, idle, severity, limit) => ({
      check: 'network-processors',
      severity,
      subject: broker,
      subjectKind: 'broker',
      ...say('network-processors', { broker, idle, floor: limit }),
      value: idle,
      threshold: limit,
    }));
    return result(findings, [], new Map(findings.map((f) => [f.subject!, 'saturated' as const])));
  },
});
