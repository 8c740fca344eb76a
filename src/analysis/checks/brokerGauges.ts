/**
 * The shape several broker checks share: a per-broker gauge judged at each broker with the
 * stability rule (`condition`: the latest fresh sample and another in the recent window), one
 * finding per broker that holds, and a state per step for the timeline.
 */
import type { BrokerStatus, Finding, LevelThresholds } from '../types';
import type { Axis } from '../model/timeline';
import { latest, type Timelines } from '../signals/brokerSignals';
import { brokerCodes, STATE } from '../history';
import { condition } from './stability';

/** Each broker whose reading holds above 0 now: its finding (from `make`) and the status it gives. */
export function aboveZero(
  t: Timelines,
  status: BrokerStatus,
  make: (broker: string, count: number) => Finding
): { findings: Finding[]; statuses: Map<string, BrokerStatus> } {
  const findings: Finding[] = [];
  const statuses = new Map<string, BrokerStatus>();
  for (const [broker, values] of t.byName) {
    if (condition(values, t.axis, (v) => v > 0).holds) {
      statuses.set(broker, status);
      findings.push(make(broker, latest(values)));
    }
  }
  return { findings, statuses };
}

/** Each broker whose idle ratio holds below a floor now, the critical floor first. */
export function belowFloor(
  t: Timelines,
  floor: LevelThresholds,
  make: (broker: string, idle: number, severity: 'critical' | 'warning', limit: number) => Finding
): Finding[] {
  const findings: Finding[] = [];
  for (const [broker, values] of t.byName) {
    for (const [severity, limit] of [
      ['critical', floor.critical],
      ['warning', floor.warning],
    ] as const) {
      if (limit > 0 && condition(values, t.axis, (v) => v < limit).holds) {
        findings.push(make(broker, latest(values), severity, limit));
        break;
      }
    }
  }
  return findings;
}

/** Timeline codes of a floor pair: critical below the critical floor, warning below the warning one. */
export function floorHistory(axis: Axis, t: Timelines, floor: LevelThresholds): Map<string, Uint8Array> {
  return brokerCodes(axis, t, (v) =>
    floor.critical > 0 && v < floor.critical
      ? STATE.critical
      : floor.warning > 0 && v < floor.warning
        ? STATE.warning
        : STATE.none
  );
}
