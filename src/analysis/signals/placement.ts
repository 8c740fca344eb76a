/**
 * Where partitions and their leaders sit: the latest fresh reading per broker of the leader and
 * partition counts. A broker whose reading is stale (down) is left out: skew is judged among the
 * brokers that are up, and a down broker has its own finding.
 */
import type { BrokerStatus } from '../types';
import type { Timelines } from './brokerSignals';
import { compareNames } from '../names';

/** The latest reading of each broker, when it is fresh at the judge time. */
export function currentCounts(t: Timelines | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!t) {
    return out;
  }
  for (const [broker, values] of t.byName) {
    for (let i = values.length - 1; i >= Math.max(0, t.axis.freshStart); i--) {
      if (Number.isFinite(values[i])) {
        out.set(broker, values[i]);
        break;
      }
    }
  }
  return out;
}

/** Skewed when the count is off what it should be by more than the share, with one partition of tolerance. */
export function skewOf(count: number, expected: number): number {
  return expected > 0 ? (count - expected) / expected : count > 0 ? Infinity : 0;
}

export function beyond(count: number, expected: number, share: number, tolerance = 1): boolean {
  return share > 0 && Math.abs(count - expected) > Math.max(share * expected, tolerance);
}

/** Below this many partitions in the cluster, one partition more or less is no skew worth a finding. */
export const MIN_PARTITIONS = 10;

export function total(values: Iterable<number>): number {
  let sum = 0;
  for (const v of values) {
    sum += v;
  }
  return sum;
}

/**
 * Leaders now per broker and what each should lead: its share of the replicas (a broker with
 * twice the replicas leading twice as much is not skewed), or an even share without them.
 */
export function leaderShares(leadersT: Timelines | undefined, partitionsT: Timelines | undefined) {
  const leaders = currentCounts(leadersT);
  const partitions = total(leaders.values());
  const replicas = currentCounts(partitionsT);
  const replicaTotal = total(Array.from(leaders.keys(), (b) => replicas.get(b) ?? 0));
  const expectedOf = (broker: string) =>
    replicaTotal > 0 ? (partitions * (replicas.get(broker) ?? 0)) / replicaTotal : partitions / leaders.size;
  return { leaders, partitions, expectedOf };
}

export interface Skewed {
  /** Hot above what it should hold, idle below, for every broker beyond the warning or critical share. */
  statuses: Map<string, BrokerStatus>;
  /** The broker farthest from what it should hold, and how severe: the one finding. */
  worst?: { broker: string; count: number; expected: number; severity: 'critical' | 'warning' };
}

/**
 * Like the imbalance check: one finding, about the broker farthest from what it should hold (the
 * others off it follow from it — three brokers cannot all sit below the mean), statuses for all.
 * Brokers in name order, so ties go to the first name.
 */
export function skewed(
  counts: ReadonlyMap<string, number>,
  expectedOf: (broker: string) => number,
  levels: { warning: number; critical: number },
  /** What is never skew: one partition for counts; 0 for sizes and fractions. */
  tolerance = 1
): Skewed {
  const statuses = new Map<string, BrokerStatus>();
  let worst: Skewed['worst'];
  for (const [broker, count] of Array.from(counts).sort(([a], [b]) => compareNames(a, b))) {
    const expected = expectedOf(broker);
    if (!beyond(count, expected, levels.warning, tolerance) && !beyond(count, expected, levels.critical, tolerance)) {
      continue;
    }
    statuses.set(broker, count > expected ? 'hot' : 'idle');
    if (!worst || Math.abs(count - expected) > Math.abs(worst.count - worst.expected)) {
      const severity = beyond(count, expected, levels.critical, tolerance) ? 'critical' : 'warning';
      worst = { broker, count, expected, severity };
    }
  }
  return { statuses, worst };
}
