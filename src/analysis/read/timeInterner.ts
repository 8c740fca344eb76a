import { Arena } from '../arena';
import { toTimeMs } from './values';
import { keepShape, Releasable } from '../shapes';

/**
 * Reads time fields, sharing one typed array between fields with equal timestamps.
 *
 * A Prometheus range query puts every series on the same step grid, but each frame carries its
 * own copy of the timestamps. Comparing against an already-read copy costs no allocation, and
 * later stages recognise shared arrays by identity (alignment, sortedness) instead of re-reading.
 */
export class TimeInterner implements Releasable {
  private buckets = new Map<string, Float64Array[]>();
  /** Per array read here (the interner lives for one read): a map, not a weak map, whose entries cost the GC. */
  private increasing = new Map<Float64Array, boolean>();
  // One grid per scrape offset at times (a thousand brokers, a thousand grids): views, not an allocation each.
  private readonly arena = new Arena();
  private last: Float64Array | undefined;
  private lastAsked: Float64Array | undefined;
  private lastAnswer = false;

  constructor() {
    keepShape(this);
  }

  release(): void {
    this.buckets = new Map();
    this.increasing = new Map();
    this.arena.release();
    this.last = undefined;
    this.lastAsked = undefined;
  }

  read(values: ArrayLike<unknown> | undefined, length: number): Float64Array {
    if (!values) {
      return new Float64Array(length); // no time field: every row at t=0
    }
    // Consecutive frames nearly always share the grid: try the last answer before hashing.
    if (this.last && sameTimes(this.last, values, length)) {
      return this.last;
    }
    const key = length === 0 ? '0' : `${length}:${toTimeMs(values[0])}:${toTimeMs(values[length - 1])}`;
    const bucket = this.buckets.get(key);
    if (bucket) {
      for (const candidate of bucket) {
        if (sameTimes(candidate, values, length)) {
          this.last = candidate;
          return candidate;
        }
      }
    }
    const out = this.arena.float64(length);
    for (let i = 0; i < length; i++) {
      const v = values[i];
      out[i] = typeof v === 'number' ? (Number.isFinite(v) ? v : NaN) : toTimeMs(v);
    }
    if (bucket) {
      bucket.push(out);
    } else {
      this.buckets.set(key, [out]);
    }
    this.last = out;
    return out;
  }

  /**
   * The grid read last, when it has this length and is strictly increasing: the one the next series
   * most likely shares (see readOnGrid in extractSeries.ts).
   */
  lastGrid(length: number): Float64Array | undefined {
    const last = this.last;
    return last && last.length === length && this.isStrictlyIncreasing(last) ? last : undefined;
  }

  /** Strictly increasing with no NaN: the series can be used without sorting. Cached per array. */
  isStrictlyIncreasing(times: Float64Array): boolean {
    // Consecutive series nearly always share their times: the last answer before the map.
    if (times === this.lastAsked) {
      return this.lastAnswer;
    }
    let known = this.increasing.get(times);
    if (known === undefined) {
      known = true;
      for (let i = 0; i < times.length; i++) {
        if (!(times[i] > (i === 0 ? -Infinity : times[i - 1]))) {
          known = false;
          break;
        }
      }
      this.increasing.set(times, known);
    }
    this.lastAsked = times;
    this.lastAnswer = known;
    return known;
  }
}

function sameTimes(candidate: Float64Array, values: ArrayLike<unknown>, length: number): boolean {
  if (candidate.length !== length) {
    return false;
  }
  // Numeric timestamps compare as they are: a loop without conversions, run once per sample.
  let i = 0;
  while (i < length && values[i] === candidate[i]) {
    i++;
  }
  // Text or Date timestamps (snapshots, hand-written JSON) compare once converted.
  for (; i < length; i++) {
    const v = values[i];
    if ((typeof v === 'number' ? v : toTimeMs(v)) !== candidate[i]) {
      return false;
    }
  }
  return true;
}
