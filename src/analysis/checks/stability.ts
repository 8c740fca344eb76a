/**
 * The verdict stays stable: a gauge condition (under-replicated partitions, offline partitions,
 * controllers, idle handlers) counts only when it holds at the latest sample and at least one
 * other sample of the recent window. A one-sample blip, or anything that happened before the
 * recent window and is over, does not turn the verdict red. Instant data has one sample: it counts.
 * The latest sample must be fresh too (axis.freshStart): a stale reading says nothing about now.
 */
import type { Axis } from '../model/timeline';

export interface Condition {
  /** Holds now, by the rule above. */
  holds: boolean;
  /** How long it has held without a break up to the latest sample (ms); 0 for instant data. */
  heldMs: number;
}

export function condition(
  values: Float64Array,
  axis: Axis,
  test: (v: number) => boolean,
  /** Every sample of the recent window must pass, not only two (a rate that must not pause). */
  throughout = false
): Condition {
  let last = -1;
  for (let i = values.length - 1; i >= 0; i--) {
    if (Number.isFinite(values[i])) {
      last = i;
      break;
    }
  }
  // A stale reading (a broker that stopped reporting) says nothing about now.
  if (last < 0 || last < axis.freshStart || !test(values[last])) {
    return { holds: false, heldMs: 0 };
  }
  if (axis.kind === 'instant' || values.length === 1) {
    return { holds: true, heldMs: 0 };
  }
  let inRecent = 0;
  let failed = 0;
  for (let i = Math.max(0, axis.recentStart); i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      if (test(values[i])) {
        inRecent++;
      } else {
        failed++;
      }
    }
  }
  let start = last;
  for (let i = last - 1; i >= 0; i--) {
    if (!Number.isFinite(values[i])) {
      continue;
    }
    if (!test(values[i])) {
      break;
    }
    start = i;
  }
  return { holds: inRecent >= 2 && !(throughout && failed > 0), heldMs: axis.times[last] - axis.times[start] };
}
