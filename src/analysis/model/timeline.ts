/**
 * Time in the model: one step grid for every series of every role, the moment judged ("now"),
 * the recent window and the staleness limit.
 *
 * - The grid's step is the query interval (the median spacing within each query's series), and
 *   every sample falls into the step that contains it. Series with their own offsets (each
 *   broker scraped at its own moment) land on the same steps, and the axis grows with the range,
 *   not with the number of distinct timestamps.
 * - The judge time is `min(now, timeRange.to)`: a dashboard range that ends in the future (Today,
 *   This week, now+1h) is judged now, not at midnight. Without `now`, `timeRange.to`; without
 *   either, the latest sample. Samples a little after it (clock skew) move it to them.
 * - The recent window is a wall-clock span ending at the judge time (default 5 minutes, at least
 *   two steps, at most half the data), whatever the range: 5 minutes or 7 days alike.
 * - A series is stale when its latest sample is older than max(2 steps, 1 minute) at the judge time.
 */
import type { TimeRangeMs } from '../types';
import { median, room } from '../stats';
import { Arena } from '../arena';
import { keepShape, Releasable } from '../shapes';
import { readingOrder } from '../read/seriesSet';

/** Default span of the recent window. */
export const RECENT_MS = 5 * 60_000;
/** A series is stale after this long without a sample, and never before two steps. */
export const STALE_MIN_MS = 60_000;
/** Bound on the empty steps added between the last sample and the judge time. */
const MAX_EXTENSION_STEPS = 10_000;
/**
 * Most steps the data part of an axis may have. Prometheus answers at most 11,000 points per
 * series; data spread wider than this on its own spacing (hand-made or broken timestamps) gets a
 * coarser step, so memory stays bounded whatever the timestamps.
 */
export const MAX_AXIS_STEPS = 20_000;
/** Floating-point slack when a timestamp sits exactly on a step boundary. */
const ON_GRID = 1e-6;

/** Any series the axis places: times in ms, ascending; instant samples are "now". */
export interface TimedSeries {
  times: Float64Array;
  instant: boolean;
}

export interface Axis {
  kind: 'range' | 'instant';
  /** The steps: origin + k × step, the last one holding the judge time. */
  times: Float64Array;
  /** Step in ms (0 for instant data). */
  step: number;
  /** First step of the recent window. */
  recentStart: number;
  /** First step whose samples are still fresh at the judge time: "current" values come from here on. */
  freshStart: number;
  /** For each series, the step of each of its samples (non-decreasing). Shared between series: never written to. */
  index: Int32Array[];
  /** Index arrays that place one sample on each of consecutive steps (summed without per-sample tests). */
  contiguous: ReadonlySet<Int32Array>;
  /** The moment judged, in ms. */
  judgeAt: number;
  /** A series whose latest sample is older than this (ms) at the judge time is stale. */
  staleAfter: number;
}

/** The grid every series of one analysis shares: built once from all of them. */
export interface TimeGrid {
  kind: 'range' | 'instant';
  origin: number;
  step: number;
  /** Latest sample time of any series (−Infinity without samples). */
  latest: number;
  judgeAt: number;
  recentMs: number;
}

export interface TimeOptions {
  timeRange?: TimeRangeMs;
  now?: number;
  /** Span of the recent window (ms). */
  recentMs?: number;
  /** The query step the data source declared (ms); else the step is read from the spacing. */
  interval?: number;
}

/** Series of one query share their timestamps; each distinct array is placed once. */
class DistinctTimes implements Releasable {
  private buckets = new Map<string, Float64Array[]>();
  private lastSeen: Float64Array | undefined;
  private lastInterned: Float64Array | undefined;

  constructor() {
    keepShape(this);
  }

  release(): void {
    this.buckets = new Map();
    this.lastSeen = undefined;
    this.lastInterned = undefined;
  }

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

/**
 * The regular spacing of one series' timestamps: the median of the spacings up to 1.5× the
 * smallest. Gaps (missed scrapes, absent steps) only widen spacings and are left out; scrape
 * jitter stays within the band, so its median is still the step.
 */
function medianSpacing(times: Float64Array): number {
  if (times.length < 2) {
    return NaN;
  }
  let smallest = Infinity;
  for (let i = 1; i < times.length; i++) {
    const d = times[i] - times[i - 1];
    if (d > 0 && d < smallest) {
      smallest = d;
    }
  }
  if (smallest === Infinity) {
    return NaN;
  }
  // In a reused list: this runs once per distinct time axis (per broker, when each is scraped at
  // its own moment), and two fresh lists each time added up.
  spacings = room(spacings, times.length);
  let n = 0;
  for (let i = 1; i < times.length; i++) {
    const d = times[i] - times[i - 1];
    if (d > 0 && d <= 1.5 * smallest) {
      spacings[n++] = d;
    }
  }
  return median(spacings.subarray(0, n));
}

let spacings: Float64Array = new Float64Array(256);

function minOf(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) {
    m = v < m ? v : m;
  }
  return m;
}

function finiteOr(v: number | undefined, fallback: number): number {
  return v !== undefined && Number.isFinite(v) ? v : fallback;
}

/**
 * The judge time: min(now, to), else to, else now, else the latest sample — never before the
 * latest sample (a clock a little behind the data must not make fresh samples "future").
 */
export function judgeTime(latest: number, options: TimeOptions): number {
  const to = options.timeRange?.to;
  const now = options.now;
  const wanted = to !== undefined && now !== undefined ? Math.min(to, now) : finiteOr(to, finiteOr(now, latest));
  return Number.isFinite(latest) ? Math.max(wanted, latest) : wanted;
}

/**
 * The latest sample time of the series and the earliest first time of the range ones, their time
 * lists interned on the way. A function of its own so that V8 compiles this loop over up to 100k
 * series alone: compiled inside timeGrid (on-stack, mid-loop), it took the rest of timeGrid along
 * before that rest had run in the call, and was thrown away at its first option read after each
 * major collection (the instant row: 8 deoptimizations in 16 analyses).
 */
function scanTimes(series: readonly TimedSeries[], distinct: DistinctTimes): { latest: number; origin: number } {
  let latest = -Infinity;
  let origin = Infinity;
  // Nothing here depends on the order: visited as they lie in memory (see readingOrder).
  const visit = readingOrder(series);
  for (let k = 0; k < series.length; k++) {
    const s = series[visit ? visit[k] : k];
    const n = s.times.length;
    if (n === 0) {
      continue;
    }
    latest = Math.max(latest, s.times[n - 1]);
    if (!s.instant) {
      distinct.intern(s.times);
      origin = Math.min(origin, s.times[0]);
    }
  }
  return { latest, origin };
}

/** The grid for these series: step, origin and judge time. */
export function timeGrid(series: readonly TimedSeries[], options: TimeOptions = {}): TimeGrid {
  const distinct = new DistinctTimes();
  const { latest, origin } = scanTimes(series, distinct);
  const recentMs = Math.max(0, finiteOr(options.recentMs, RECENT_MS));
  const lists = distinct.all();
  let spacings = lists.map(medianSpacing).filter((v) => v > 0);
  if (spacings.length === 0 && lists.length > 1) {
    // Series of one sample each, at different times: the spacing between them.
    const union = Float64Array.from(new Set(lists.map((l) => l[0]))).sort();
    spacings = [medianSpacing(union)].filter((v) => v > 0);
  }
  if (spacings.length === 0) {
    const at = Number.isFinite(latest) ? latest : finiteOr(options.now, finiteOr(options.timeRange?.to, 0));
    return { kind: 'instant', origin: at, step: 0, latest, judgeAt: at, recentMs };
  }
  // The declared query step; else the finest spacing within a query (gaps only widen spacings,
  // so the smallest per-query median is the step even where series miss samples).
  const declared = options.interval !== undefined && options.interval > 0 && Number.isFinite(options.interval);
  const span = latest - origin;
  if (!Number.isFinite(span)) {
    return { kind: 'instant', origin: latest, step: 0, latest, judgeAt: latest, recentMs };
  }
  const step = Math.max(declared ? options.interval! : minOf(spacings), span / MAX_AXIS_STEPS);
  return { kind: 'range', origin, step, latest, judgeAt: judgeTime(latest, options), recentMs };
}

/** The step of time `t` on the grid. */
export function stepOf(grid: TimeGrid, t: number): number {
  return Math.floor((t - grid.origin) / grid.step + ON_GRID);
}

/**
 * Indexes that put every sample of a series on one step (instant samples are "now"). Read-only
 * and shared by every series of the same length: 100k instant series need one, not 100k.
 */
function indexesAt(step: number): (s: TimedSeries) => Int32Array {
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
 * The step of each time of a grid: a view of `stepNumbers` when the times fall on consecutive
 * steps (the same view for every grid on the same run of steps), else indexes of its own.
 */
function placeOnSteps(
  times: Float64Array,
  grid: TimeGrid,
  last: number,
  stepNumbers: Int32Array,
  runs: Map<number, Int32Array>,
  arena: Arena
): Int32Array {
  const n = times.length;
  // Times before the first step or after the last are placed on it.
  const stepAt = (t: number) => Math.min(last, Math.max(0, stepOf(grid, t)));
  const first = stepAt(times[0]);
  let i = 1;
  while (i < n && stepAt(times[i]) === first + i) {
    i++;
  }
  if (i === n) {
    const key = first * (last + 2) + n;
    let run = runs.get(key);
    if (!run) {
      run = stepNumbers.subarray(first, first + n);
      runs.set(key, run);
    }
    return run;
  }
  const idx = arena.int32(n);
  for (let k = 0; k < n; k++) {
    idx[k] = k < i ? first + k : stepAt(times[k]);
  }
  return idx;
}

/** Staleness limit of a grid: two steps, and never under a minute. */
export function staleAfter(step: number): number {
  return Math.max(2 * step, STALE_MIN_MS);
}

/**
 * The axis of `series` on `grid` (built from these series and maybe others: every role shares one
 * grid). Steps run from the grid's origin to the judge time; samples after the judge time fall
 * on its step.
 */
export function buildAxis(series: readonly TimedSeries[], grid: TimeGrid = timeGrid(series)): Axis {
  if (grid.kind === 'instant') {
    return {
      kind: 'instant',
      times: Float64Array.of(grid.judgeAt),
      step: 0,
      recentStart: 0,
      freshStart: 0,
      index: series.map(indexesAt(0)),
      contiguous: new Set(),
      judgeAt: grid.judgeAt,
      staleAfter: Infinity,
    };
  }
  let dataSteps = 0;
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    if (!s.instant && s.times.length > 0) {
      dataSteps = Math.max(dataSteps, stepOf(grid, s.times[s.times.length - 1]) + 1);
    }
  }
  const wanted = stepOf(grid, grid.judgeAt) + 1;
  // Silence at the end stays visible, within a bound: a range reaching far past its data does not
  // allocate a step per interval of emptiness.
  const length = Math.max(1, Math.min(wanted, dataSteps + Math.min(MAX_EXTENSION_STEPS, Math.max(dataSteps, 100))));
  const times = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    times[k] = grid.origin + k * grid.step;
  }
  const last = length - 1;
  const atLast = indexesAt(last);
  const distinct = new DistinctTimes();
  const placed = new Map<Float64Array, Int32Array>();
  // A grid per scrape offset at times: the indexes of each are views into shared buffers, and a
  // grid that puts one sample on each of consecutive steps — every grid but a gappy one — is a
  // view of the step numbers themselves, shared by every grid on the same steps (a thousand
  // brokers at their own offsets land on one or two such runs).
  const arena = new Arena();
  const stepNumbers = arena.int32(length);
  for (let k = 0; k < length; k++) {
    stepNumbers[k] = k;
  }
  // Runs of consecutive steps by first step and length: their views are the contiguous indexes.
  const runs = new Map<number, Int32Array>();
  const index = series.map((s) => {
    if (s.instant || s.times.length === 0) {
      return atLast(s);
    }
    const own = distinct.intern(s.times);
    let idx = placed.get(own);
    if (!idx) {
      idx = placeOnSteps(own, grid, last, stepNumbers, runs, arena);
      placed.set(own, idx);
    }
    return idx;
  });
  return {
    kind: 'range',
    times,
    step: grid.step,
    recentStart: recentStartOf(times, grid),
    freshStart: freshStartOf(times, grid),
    index,
    contiguous: new Set(runs.values()),
    judgeAt: grid.judgeAt,
    staleAfter: staleAfter(grid.step),
  };
}

/**
 * The recent window: steps within `recentMs` before the judge time, at least two steps, and at
 * most half of the steps so a baseline remains before it.
 */
function recentStartOf(times: Float64Array, grid: TimeGrid): number {
  const n = times.length;
  const span = Math.max(grid.recentMs, 2 * grid.step);
  let start = n;
  while (start > 0 && times[start - 1] > grid.judgeAt - span - ON_GRID) {
    start--;
  }
  const atMost = Math.max(2, Math.floor(n / 2));
  return Math.max(0, Math.max(Math.min(start, n - 2), n - atMost));
}

/** First step a fresh sample can be on: its span ends after judge time − staleness limit. */
function freshStartOf(times: Float64Array, grid: TimeGrid): number {
  const limit = grid.judgeAt - staleAfter(grid.step);
  let start = times.length;
  while (start > 0 && times[start - 1] + grid.step > limit + ON_GRID) {
    start--;
  }
  return start;
}
