/**
 * `request-handlers`: a broker whose request-handler threads are rarely idle cannot take more
 * requests; latency rises before anything fails. Floor on the idle ratio: warning 0.3, critical 0.1.
 */
import type { Finding, LevelThresholds } from '../types';
import { latest, Timelines } from '../signals/brokerSignals';
import { formatNumber, formatPercent, quote } from '../format';
import { CheckResult, result } from './context';
import { condition } from './stability';

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
        message:
          `The request-handler idle ratio reads ${formatNumber(level)}, above 1, so it is not judged: ` +
          "in KRaft combined mode (process.roles=broker,controller) Kafka before 4.2 adds the broker's and the controller's " +
          'handler pools into one meter, each divided by its own thread count (KAFKA-19606).',
        value: level,
        threshold: 1,
        suggestion:
          'Run dedicated controllers (process.roles=controller) and brokers (process.roles=broker), as production clusters do, ' +
          'or upgrade to Kafka 4.2 or later, where the meter averages over all handler threads. ' +
          'If the query is a percentage (0–100), say so in its text (… * 100) and it is read as one.',
      },
    ],
    [{ check: 'request-handlers', reason: `idle ratio above 1 in query ${refIds.join(', ')} (combined-mode meter)` }]
  );
}

export function checkRequestHandlers(
  t: Timelines | undefined,
  floor: LevelThresholds,
  doubleCounted?: { level: number; refIds: string[] }
): CheckResult {
  const notice = doubleCounted ? doubleCountNotice(doubleCounted.level, doubleCounted.refIds) : result();
  if (!t) {
    return notice;
  }
  const lifetime = isLifetimeAverage(t.names);
  const caveat = lifetime
    ? " Note: this gauge (MeanRate) averages over the broker's lifetime; rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m]) / 1e9 gives the current ratio."
    : '';
  const findings: Finding[] = [];
  for (const [broker, values] of t.byName) {
    for (const [severity, limit] of [
      ['critical', floor.critical],
      ['warning', floor.warning],
    ] as const) {
      if (limit <= 0 || !condition(values, t.axis, (v) => v < limit).holds) {
        continue;
      }
      const idle = latest(values);
      findings.push({
        check: 'request-handlers',
        severity,
        subject: broker,
        subjectKind: 'broker',
        message: `Broker ${quote(broker)}'s request handlers are idle only ${formatPercent(idle)} of the time (below ${formatPercent(limit)}).${caveat}`,
        value: idle,
        threshold: limit,
        suggestion:
          'The broker is saturated: spread partition leadership (it may also be the hot broker), raise num.io.threads if CPU and disks have room, and look for slow disks or large produce batches.',
      });
      break;
    }
  }
  return result([...notice.findings, ...findings], notice.notEvaluated);
}
