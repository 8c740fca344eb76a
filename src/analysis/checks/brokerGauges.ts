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

/** A floor fires below its levels (idle ratios), a ceiling above them (disk usage). */
type Direction = 'floor' | 'ceiling';
const past = (direction: Direction, v: number, limit: number) =>
  limit > 0 && (direction === 'floor' ? v < limit : v >= limit);

/** Each broker whose reading holds past a level now, the critical level first. */
function pastLevels(
  direction: Direction,
  t: Timelines,
  levels: LevelThresholds,
  make: (broker: string, value: number, severity: 'critical' | 'warning', limit: number) => Finding
): Finding[] {
  const findings: Finding[] = [];
  for (const [broker, values] of t.byName) {
    for (const [severity, limit] of [
      ['critical', levels.critical],
      ['warning', levels.warning],
    ] as const) {
      if (limit > 0 && condition(values, t.axis, (v) => past(direction, v, limit)).holds) {
        findings.push(make(broker, latest(values), severity, limit));
        break;
      }
    }
  }
  return findings;
}

/** Timeline codes of a level pair: critical past the critical level, warning past the warning one. */
function levelHistory(direction: Direction, axis: Axis, t: Timelines, levels: LevelThresholds) {
  return brokerCodes(axis, t, (v) =>
    past(direction, v, levels.critical)
      ? STATE.critical
      : past(direction, v, levels.warning)
        ? STATE.warning
        : STATE.none
  );
}

/** Each broker whose idle ratio holds below a floor now, the critical floor first. */
export const belowFloor = (
  t: Timelines,
  floor: LevelThresholds,
  make: (broker: string, idle: number, severity: 'critical' | 'warning', limit: number) => Finding
) => pastLevels('floor', t, floor, make);

/** Each broker whose reading holds at or above a ceiling now (disk usage), the critical one first. */
export const aboveCeiling = (
  t: Timelines,
  ceiling: LevelThresholds,
  make: (broker: string, value: number, severity: 'critical' | 'warning', limit: number) => Finding
) => pastLevels('ceiling', t, ceiling, make);

export const floorHistory = (axis: Axis, t: Timelines, floor: LevelThresholds): Map<string, Uint8Array> =>
  levelHistory('floor', axis, t, floor);

export const ceilingHistory = (axis: Axis, t: Timelines, ceiling: LevelThresholds): Map<string, Uint8Array> =>
  levelHistory('ceiling', axis, t, ceiling);
