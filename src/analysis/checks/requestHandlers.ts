/**
 * `request-handlers`: a broker whose request-handler threads are rarely idle cannot take more
 * requests; latency rises before anything fails. Floor on the idle ratio: warning 0.3, critical 0.1.
 */
import type { Finding, LevelThresholds } from '../types';
import { latest, Timelines } from '../signals/brokerSignals';
import { formatPercent, quote } from '../format';
import { CheckResult, result } from './context';
import { condition } from './stability';

/** The MeanRate gauge averages since the broker started, so it hides what happens now. */
export function isLifetimeAverage(names: string[]): boolean {
  return names.some((n) => /_percent$|meanrate/i.test(n));
}

export function checkRequestHandlers(t: Timelines | undefined, floor: LevelThresholds): CheckResult {
  if (!t) {
    return result();
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
  return result(findings);
}
