/**
 * Where partitions and their leaders sit: the latest fresh reading per broker of the leader and
 * partition counts. A broker whose reading is stale (down) is left out: skew is judged among the
 * brokers that are up, and a down broker has its own finding.
 */
import type { Timelines } from './brokerSignals';

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

export function beyond(count: number, expected: number, share: number): boolean {
  return share > 0 && Math.abs(count - expected) > Math.max(share * expected, 1);
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
