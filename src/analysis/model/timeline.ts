import type { TimeRangeMs } from '../types';
import { median } from '../stats';
import type { RateSeries } from './prepare';

/** The recent window is the last 10% of the steps, at least 3 and at most 20. */
export const RECENT_SHARE = 0.1;
export const RECENT_MIN_STEPS = 3;
export const RECENT_MAX_STEPS = 20;
/** Bound on the steps added to reach the end of the dashboard range. */
const MAX_EXTENSION_STEPS = 10_000;

export interface Axis {
  kind: 'range' | 'instant';
  times: Float64Array;
  /** Median spacing in ms (0 for instant data). */
  step: number;
  recentStart: number;
  /** For each series, the axis index of each of its samples. Shared between series: never written to. */
  index: Int32Array[];
}

/** Series from one Prometheus query share their timestamps; aligning each distinct list once keeps big inputs cheap. */
class DistinctTimes {
  private readonly buckets = new Map<string, Float64Array[]>();

  private lastSeen: Float64Array | undefined;
  private lastInterned: Float64Array | undefined;

  intern(times: Float64Array): Float64Array {
    // The reader already shares one array between series on the same grid: most calls end here.
    if (times !== this.lastSeen) {
      this.lastSeen = times;
      this.lastInterned = this.lookUp(times);
    }
    return this.lastInterned!;
  }

  private lookUp(times: Float64Array): Float64Array {
    const key = `${times.length}:${times[0]}:${times[times.length - 1]}`;
    const bucket = this.buckets.get(key);
    if (!bucket) {
      this.buckets.set(key, [times]);
      return times;
    }
    for (const candidate of bucket) {
      if (candidate === times || sameValues(candidate, times)) {
        return candidate;
      }
    }
    bucket.push(times);
    return times;
  }

  all(): Float64Array[] {
    return Array.from(this.buckets.values()).flat();
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

function unionSorted(lists: Float64Array[]): Float64Array {
  let total = 0;
  for (const l of lists) {
    total += l.length;
  }
  const all = new Float64Array(total);
  let o = 0;
  for (const l of lists) {
    all.set(l, o);
    o += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) {
    if (i === 0 || all[i] !== all[n - 1]) {
      all[n++] = all[i];
    }
  }
  return all.slice(0, n);
}

/** Index of each of `times` (sorted) on `axis` (sorted superset), walking both once. */
function alignTo(axis: Float64Array, times: Float64Array): Int32Array {
  const out = new Int32Array(times.length);
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    while (j < axis.length - 1 && axis[j] < times[i]) {
      j++;
    }
    out[i] = j;
  }
  return out;
}

function medianStep(times: Float64Array): number {
  if (times.length < 2) {
    return 0;
  }
  const diffs: number[] = [];
  for (let i = 1; i < times.length; i++) {
    diffs.push(times[i] - times[i - 1]);
  }
  return median(diffs);
}

/** Adds steps after the last sample up to the end of the dashboard range, so silence at the end is visible. */
function extendTo(times: Float64Array, step: number, to: number | undefined): Float64Array {
  if (to === undefined || step <= 0 || times.length === 0) {
    return times;
  }
  const extra: number[] = [];
  let t = times[times.length - 1] + step;
  while (t <= to && extra.length < Math.min(MAX_EXTENSION_STEPS, times.length)) {
    extra.push(t);
    t += step;
  }
  if (extra.length === 0) {
    return times;
  }
  const out = new Float64Array(times.length + extra.length);
  out.set(times);
  out.set(extra, times.length);
  return out;
}

export function recentWindowStart(steps: number): number {
  const recent = Math.min(RECENT_MAX_STEPS, Math.max(RECENT_MIN_STEPS, Math.round(steps * RECENT_SHARE)));
  return Math.max(0, steps - recent);
}

/**
 * Indexes that put every sample of a series on one step (instant samples are "now"). Read-only
 * and shared by every series of the same length: 100k instant series need one, not 100k.
 */
function indexesAt(step: number): (s: RateSeries) => Int32Array {
  const byLength = new Map<number, Int32Array>();
  return (s) => {
    let idx = byLength.get(s.times.length);
    if (!idx) {
      idx = new Int32Array(s.times.length).fill(step);
      byLength.set(s.times.length, idx);
    }
    return idx;
  };
}

/**
 * The common time axis: every timestamp of every range series, extended to the end of the
 * dashboard range. Instant samples sit on the last step (they are "now"). Instant-only data
 * gets a one-step axis.
 */
export function buildAxis(series: RateSeries[], timeRange?: TimeRangeMs): Axis {
  const distinct = new DistinctTimes();
  const interned = series.map((s) => (s.instant || s.times.length === 0 ? undefined : distinct.intern(s.times)));
  let times = unionSorted(distinct.all());
  if (times.length < 2) {
    const latest = series.reduce((m, s) => (s.times.length ? Math.max(m, s.times[s.times.length - 1]) : m), -Infinity);
    const t = Number.isFinite(latest) ? latest : times.length ? times[0] : 0;
    return {
      kind: 'instant',
      times: Float64Array.of(t),
      step: 0,
      recentStart: 0,
      index: series.map(indexesAt(0)),
    };
  }
  const step = medianStep(times);
  times = extendTo(times, step, timeRange?.to);
  const aligned = new Map<Float64Array, Int32Array>();
  const last = times.length - 1;
  const atLast = indexesAt(last);
  const index = series.map((s, i) => {
    const own = interned[i];
    if (!own) {
      return atLast(s);
    }
    let idx = aligned.get(own);
    if (!idx) {
      idx = alignTo(times, own);
      aligned.set(own, idx);
    }
    return idx;
  });
  return { kind: 'range', times, step, recentStart: recentWindowStart(times.length), index };
}
