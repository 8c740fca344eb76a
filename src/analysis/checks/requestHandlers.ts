/**
 * `request-handlers`: a broker whose request-handler threads are rarely idle cannot take more
 * requests; latency rises before anything fails. Floor on the idle ratio: warning 0.3, critical 0.1.
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { belowFloor, floorHistory } from './brokerGauges';

/** The MeanRate gauge averages since the broker started, so it hides what happens now. */
export function isLifetimeAverage(names: string[]): boolean {
  return names.some((n) => /_percent$|meanrate/i.test(n));
}

/**
 * An idle meter that reads above 1 is the KRaft combined-mode double count: said once, as
 * information, and not judged — a 1.95 read as 2% idle would call every healthy broker saturated.
 */
function doubleCountNotice(level: number, refIds: string[]): CheckResult {
  return result(
    [
      {
        check: 'request-handlers',
        severity: 'info',
        ...say('request-handlers.double-counted', { level }),
        value: level,
        threshold: 1,
      },
    ],
    [{ check: 'request-handlers', reason: `idle ratio above 1 in query ${refIds.join(', ')} (combined-mode meter)` }]
  );
}

export const requestHandlers = defineCheck({
  id: 'request-handlers',
  scope: 'broker',
  summary: "a broker's request handlers rarely idle",
  unit: 'fraction',
  roles: ['requestHandlerIdle'],
  settings: ['recentMinutes'],
  // Requests that wait for a busy thread are slow requests: the same broker's latency follows.
  explains: { 'request-latency': 'subject' },
  thresholds: {
    requestHandlerIdle: {
      kind: 'floor',
      default: { warning: 0.3, critical: 0.1 },
      label: 'Request-handler idle',
      description:
        "Fires when a broker's request handlers are idle less than this share of the time (0–1). Needs the idle query.",
      step: 0.05,
    },
  },
  history: ({ signals, messages }, { requestHandlerIdle: floor }) =>
    signals.idle && messages ? { brokers: floorHistory(messages.axis, signals.idle, floor) } : {},
  evaluate({ signals }, { requestHandlerIdle: floor }): CheckResult {
    const doubleCounted = signals.idleDoubleCounted;
    const notice = doubleCounted ? doubleCountNotice(doubleCounted.level, doubleCounted.refIds) : result();
    const t = signals.idle;
    if (!t) {
      return notice;
    }
    // The MeanRate gauge averages since the broker started: the finding says so (1) or not (0).
    const lifetime = isLifetimeAverage(t.names) ? 1 : 0;
    const judged = belowFloor(t, floor, (broker, idle, severity, limit) => ({
      check: 'request-handlers',
      severity,
      subject: broker,
      subjectKind: 'broker',
      ...say(lifetime ? 'request-handlers.lifetime' : 'request-handlers', { broker, idle, floor: limit }),
      value: idle,
      threshold: limit,
    }));
    const findings: Finding[] = [...notice.findings, ...judged];
    const statuses = new Map(judged.map((f) => [f.subject!, 'saturated' as const]));
    return result(findings, notice.notEvaluated, statuses);
  },
});
