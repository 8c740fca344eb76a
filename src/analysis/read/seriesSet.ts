import { compareLabels, mergeSeries, RawSeries } from './series';

/**
 * The series of one role, unique and sorted by identity, so that the order frames arrive in never
 * shows in the report. Identical series (the same query twice) are merged.
 */
export class SeriesSet {
  private readonly series: RawSeries[] = [];
  /** Every series so far sorts after the one before: unique and sorted as they came. */
  private ordered = true;

  add(s: RawSeries): void {
    const n = this.series.length;
    if (this.ordered && n > 0 && compareLabels(this.series[n - 1].labels, s.labels) >= 0) {
      this.ordered = false;
    }
    this.series.push(s);
  }

  sorted(): RawSeries[] {
    // Range results arrive sorted by labels (Prometheus sorts them): then there is nothing to do.
    if (this.ordered) {
      return this.series;
    }
    const series = this.series;
    const tuples = rankTuples(series);
    const order = new Array<number>(series.length);
    for (let i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Stable: equal label sets keep their arrival order and merge in it.
    order.sort((a, b) => compareTuples(tuples, a, b));
    const out: RawSeries[] = [];
    let prev = -1;
    for (const i of order) {
      if (prev >= 0 && compareTuples(tuples, prev, i) === 0) {
        out[out.length - 1] = mergeSeries(out[out.length - 1], series[i]);
      } else {
        out.push(series[i]);
      }
      prev = i;
    }
    return out;
  }
}

/**
 * Each series' labels as (name rank, value rank) pairs in name order, all in one array. Ranks
 * follow string order, so comparing pairs of numbers orders series exactly as compareLabels
 * does — without comparing the long, mostly equal texts (metric names, hostnames) of 100k
 * series again and again while sorting.
 */
interface Tuples {
  pairs: Int32Array;
  /** Series i's pairs are pairs[start[i]] up to pairs[start[i + 1]]. */
  start: Int32Array;
}

function rankTuples(series: readonly RawSeries[]): Tuples {
  // Distinct names, and distinct values per name.
  const valuesByName = new Map<string, Map<string, number>>();
  let total = 0;
  for (const s of series) {
    for (const name in s.labels) {
      let values = valuesByName.get(name);
      if (!values) {
        values = new Map();
        valuesByName.set(name, values);
      }
      values.set(s.labels[name], 0);
      total++;
    }
  }
  const names = Array.from(valuesByName.keys()).sort();
  const nameRank = new Map<string, number>();
  names.forEach((name, r) => {
    nameRank.set(name, r);
    const values = valuesByName.get(name)!;
    Array.from(values.keys())
      .sort()
      .forEach((v, i) => values.set(v, i));
  });
  const pairs = new Int32Array(2 * total);
  const start = new Int32Array(series.length + 1);
  let at = 0;
  series.forEach((s, i) => {
    start[i] = at;
    const from = at;
    for (const name in s.labels) {
      pairs[at++] = nameRank.get(name)!;
      pairs[at++] = valuesByName.get(name)!.get(s.labels[name])!;
    }
    sortPairs(pairs, from, at);
  });
  start[series.length] = at;
  return { pairs, start };
}

/** Insertion sort of (name, value) pairs by name rank: a label set's names arrive sorted, mostly. */
function sortPairs(pairs: Int32Array, from: number, to: number): void {
  if (to - from > 128) {
    // A hostile label set: sorted properly rather than in quadratic time.
    const sorted = Array.from({ length: (to - from) / 2 }, (_, k) => [pairs[from + 2 * k], pairs[from + 2 * k + 1]]);
    sorted.sort((x, y) => x[0] - y[0]);
    sorted.forEach(([name, value], k) => {
      pairs[from + 2 * k] = name;
      pairs[from + 2 * k + 1] = value;
    });
    return;
  }
  for (let i = from + 2; i < to; i += 2) {
    const name = pairs[i];
    const value = pairs[i + 1];
    let j = i - 2;
    while (j >= from && pairs[j] > name) {
      pairs[j + 2] = pairs[j];
      pairs[j + 3] = pairs[j + 1];
      j -= 2;
    }
    pairs[j + 2] = name;
    pairs[j + 3] = value;
  }
}

function compareTuples({ pairs, start }: Tuples, a: number, b: number): number {
  const fromA = start[a];
  const fromB = start[b];
  const lengthA = start[a + 1] - fromA;
  const lengthB = start[b + 1] - fromB;
  const n = Math.min(lengthA, lengthB);
  for (let i = 0; i < n; i++) {
    const d = pairs[fromA + i] - pairs[fromB + i];
    if (d !== 0) {
      return d;
    }
  }
  return lengthA - lengthB;
}
