import type { MetricRole } from '../types';
import type { Labels } from './decodeFrame';
import type { SummedRun } from './summedRuns';

/**
 * Sample values: NaN marks a missing sample, ±Infinity never occurs. Often the caller's own
 * array, reused when it already meets that rule (copying 24M samples costs more than analysing
 * them), so it is never written to.
 */
export type Samples = ArrayLike<number>;

/** One numeric series read from the frames, sorted by time with unique timestamps. */
export interface RawSeries {
  refId: string;
  labels: Labels;
  /** `__name__`, or '' once PromQL functions dropped it. */
  name: string;
  times: Float64Array;
  /** NaN marks a missing sample (null, NaN, ±Inf, text). */
  values: Samples;
  /** From an instant query: only the latest value is meaningful. */
  instant: boolean;
  /** The signal it carries, when known (signals/roles.ts); unknown series are read as messages-in. */
  role?: MetricRole;
  /**
   * What the reader learnt of the valid samples while it checked each one anyway; absent when not
   * known. Stages that judge every sample's range skip their own pass when this settles it.
   */
  range?: SampleRange;
  /** The run of series the reader summed this one into (see summedRuns.ts), and its place in it. */
  run?: SummedRun;
  runIndex?: number;
}

/** No Kafka cluster takes a trillion messages a second: above this a value is broken data. */
export const ABSURD_RATE = 1e12;

/**
 * Of a series' valid samples: there are none, all lie in [0, ABSURD_RATE] (plain) and none is
 * missing either (full), or some lie outside (wide). A word rather than the bounds themselves:
 * number fields that hold fractions are boxed, one allocation per field on each of 100k series.
 */
export type SampleRange = 'none' | 'plain' | 'full' | 'wide';

/**
 * The range of samples whose smallest and largest valid values are these (±Infinity when none),
 * `gapless` when no sample is missing (NaN).
 */
export function sampleRange(lowest: number, highest: number, gapless: boolean): SampleRange {
  return lowest > highest ? 'none' : lowest >= 0 && highest <= ABSURD_RATE ? (gapless ? 'full' : 'plain') : 'wide';
}

/** Ends each name and value in a key; a NUL inside one is written NUL + U+0001. */
const END = '\u0000\u0000';

function escapeNul(text: string): string {
  return text.indexOf('\u0000') === -1 ? text : text.replace(/\u0000/g, '\u0000\u0001');
}

/**
 * Stable identity of a series: its label names and values in name order, each escaped and
 * terminated so that any text untrusted label values hold stays unambiguous. Keys also compare
 * (with <) the way Prometheus orders series — by name, then value, pair by pair — so results
 * that arrive sorted, as range queries do, are recognised as such and need no sorting.
 */
export function seriesKey(labels: Labels): string {
  const n = namesInto(labels, NAMES_A);
  // Joined rather than concatenated: one flat string, which hashing and comparing need anyway.
  // The parts list is reused: one allocation per key (the key), not two.
  if (KEY_PARTS.length !== 4 * n) {
    KEY_PARTS.length = 4 * n;
  }
  for (let i = 0; i < n; i++) {
    const name = NAMES_A[i];
    KEY_PARTS[4 * i] = escapeNul(name);
    KEY_PARTS[4 * i + 1] = END;
    KEY_PARTS[4 * i + 2] = escapeNul(labels[name]);
    KEY_PARTS[4 * i + 3] = END;
  }
  return KEY_PARTS.join('');
}

/*
 * Scratch lists for label names. Reading a label set's names runs once or twice per series (100k
 * at a time), and Object.keys would allocate a list each time: these are filled and read at once,
 * never kept, so one pair serves every call.
 */
const NAMES_A: string[] = [];
const NAMES_B: string[] = [];
const KEY_PARTS: string[] = [];

/**
 * Fills `out` with the label names in order and returns how many there are. Prometheus and
 * Grafana hand them over sorted; otherwise an insertion sort (label sets are small).
 */
function namesInto(labels: Labels, out: string[]): number {
  let n = 0;
  for (const name in labels) {
    out[n++] = name;
  }
  if (n > 64) {
    // A hostile label set: sort it properly rather than in quadratic time.
    const sorted = out.slice(0, n).sort();
    for (let i = 0; i < n; i++) {
      out[i] = sorted[i];
    }
    return n;
  }
  for (let i = 1; i < n; i++) {
    const name = out[i];
    let j = i - 1;
    while (j >= 0 && out[j] > name) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = name;
  }
  return n;
}

/**
 * Compares two label sets as their keys compare, without building keys: Prometheus' order, pair
 * by pair, name then value; the shorter set first.
 */
export function compareLabels(a: Labels, b: Labels): number {
  const na = namesInto(a, NAMES_A);
  const nb = namesInto(b, NAMES_B);
  const n = Math.min(na, nb);
  for (let i = 0; i < n; i++) {
    const nameA = NAMES_A[i];
    const nameB = NAMES_B[i];
    if (nameA !== nameB) {
      return nameA < nameB ? -1 : 1;
    }
    const va = a[nameA];
    const vb = b[nameB];
    if (va !== vb) {
      return va < vb ? -1 : 1;
    }
  }
  return na - nb;
}

/** `name{a="1", b="2"}` for messages, the way Prometheus prints a series. */
export function describeSeries(labels: Labels): string {
  const name = labels.__name__ ?? '';
  const parts = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return `${name}{${parts.join(', ')}}`;
}

/**
 * Builds a series from parallel time/value lists: drops points without a valid time, sorts,
 * and merges duplicate timestamps by keeping the larger value, so the order frames arrive in
 * never changes the result.
 */
export function makeSeries(
  base: Omit<RawSeries, 'times' | 'values'>,
  times: ArrayLike<number>,
  values: ArrayLike<number>
): RawSeries {
  const n = Math.min(times.length, values.length);
  let sorted = true;
  let valid = 0;
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (Number.isNaN(t)) {
      continue;
    }
    if (t <= prev) {
      sorted = false;
    }
    prev = t;
    valid++;
  }
  if (sorted && valid === n) {
    return { ...base, times: Float64Array.from(times as ArrayLike<number>), values: Float64Array.from(values) };
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(times[i])) {
      order.push(i);
    }
  }
  order.sort((a, b) => times[a] - times[b]);
  const outT: number[] = [];
  const outV: number[] = [];
  for (const i of order) {
    const t = times[i];
    const v = values[i];
    const last = outT.length - 1;
    if (last >= 0 && outT[last] === t) {
      outV[last] = maxIgnoringNaN(outV[last], v);
    } else {
      outT.push(t);
      outV.push(v);
    }
  }
  return { ...base, times: Float64Array.from(outT), values: Float64Array.from(outV) };
}

function maxIgnoringNaN(a: number, b: number): number {
  if (Number.isNaN(a)) {
    return b;
  }
  if (Number.isNaN(b)) {
    return a;
  }
  return Math.max(a, b);
}

/** Merges two series with the same labels (duplicate queries, repeated frames). */
export function mergeSeries(a: RawSeries, b: RawSeries): RawSeries {
  const times = new Float64Array(a.times.length + b.times.length);
  const values = new Float64Array(a.times.length + b.times.length);
  times.set(a.times);
  times.set(b.times, a.times.length);
  for (let i = 0; i < a.values.length; i++) {
    values[i] = a.values[i];
  }
  for (let i = 0; i < b.values.length; i++) {
    values[a.values.length + i] = b.values[i];
  }
  const refId = a.refId <= b.refId ? a.refId : b.refId;
  return makeSeries(
    { refId, labels: a.labels, name: a.name, instant: a.instant && b.instant, role: a.role },
    times,
    values
  );
}
