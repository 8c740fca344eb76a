import { countLabels, type Labels } from './decodeFrame';
import { compareLabels, mergeSeries, RawSeries } from './series';
import { keepShape, Releasable } from '../shapes';

/**
 * Lists sorted here from series that did not come in order: the positions of their series in the
 * order they were read, which is the order they lie in memory. Stages that visit every series
 * once and whose results do not depend on the order (see readingOrder) visit them so: in label
 * order, 100k instant series that came unsorted are 100k jumps across memory, each a cache miss.
 */
const readingOrders = new WeakMap<readonly unknown[], Int32Array>();

/**
 * The positions of `list`'s series in the order they were read, when that differs from the
 * list's own order (the list was sorted here); undefined when the list is in reading order.
 */
export function readingOrder(list: readonly unknown[]): Int32Array | undefined {
  return readingOrders.get(list);
}

/**
 * The series of one role, unique and sorted by identity, so that the order frames arrive in never
 * shows in the report. Identical series (the same query twice) are merged.
 */
export class SeriesSet implements Releasable {
  /** The series added, in `series[0]` up to `series[count - 1]`. */
  private series: RawSeries[];
  private count = 0;
  /** Every series so far sorts after the one before: unique and sorted as they came. */
  private ordered = true;
  /** Once they are out of order: the label sets as digits, added while each is in the cache. */
  private readonly digits = new DigitBuilder();

  /**
   * `capacity`: how many series the set may get (the frames to read). A list grown push by push
   * to 100k series was copied into ever larger fresh lists: 3 % of reading 100k instant frames.
   */
  constructor(capacity = 0) {
    this.series = new Array(capacity);
    keepShape(this);
  }

  release(): void {
    this.series = [];
    this.count = 0;
    this.digits.release();
  }

  add(s: RawSeries): void {
    const n = this.count;
    if (this.ordered && n > 0 && compareLabels(this.series[n - 1].labels, s.labels) >= 0) {
      this.ordered = false;
      // Room for every series to come, each with as many labels as this one (16 at most).
      this.digits.reserve(Math.max(this.series.length, n + 1), Math.min(countLabels(s.labels), 16));
    }
    if (n < this.series.length) {
      this.series[n] = s;
    } else {
      this.series.push(s);
    }
    this.count++;
    if (!this.ordered) {
      // The series that came in order before are caught up once.
      for (let i = this.digits.count; i <= n; i++) {
        this.digits.add(this.series[i].labels);
      }
    }
  }

  /** Series added, copies included. */
  get size(): number {
    return this.count;
  }

  sorted(): RawSeries[] {
    const series = this.series;
    if (series.length !== this.count) {
      series.length = this.count;
    }
    // Range results arrive sorted by labels (Prometheus sorts them): then there is nothing to do.
    if (this.ordered) {
      return series;
    }
    const { order, same } = sortOrder(this.digits.finish());
    // Sized once: grown by pushes, a list of 100k series is copied over and over into fresh memory.
    const out = new Array<RawSeries>(order.length);
    // Where each series read went in `out` (copies merged into one go where the first went).
    const placedAt = new Int32Array(order.length);
    let k = 0;
    for (let j = 0; j < order.length; j++) {
      const s = series[order[j]];
      if (j > 0 && same(j - 1, j)) {
        out[k - 1] = mergeSeries(out[k - 1], s);
      } else {
        out[k++] = s;
      }
      placedAt[order[j]] = k - 1;
    }
    out.length = k;
    readingOrders.set(out, inReadingOrder(placedAt, k));
    return out;
  }
}

/** Each position once, in the order the series placed there were first read. */
function inReadingOrder(placedAt: Int32Array, positions: number): Int32Array {
  const visit = new Int32Array(positions);
  const seen = new Uint8Array(positions);
  let m = 0;
  for (let i = 0; i < placedAt.length; i++) {
    const p = placedAt[i];
    if (seen[p] === 0) {
      seen[p] = 1;
      visit[m++] = p;
    }
  }
  return visit;
}

/**
 * Each series' labels as digits, all in one array: a digit stands for one (name, value) pair, and
 * digits follow the order of pairs (name first, then value), so comparing the digit lists of two
 * series orders them exactly as compareLabels does — without comparing the long, mostly equal
 * texts (metric names, hostnames) of 100k series again and again while sorting. Digits start at
 * 1: 0 is left for "no label here" (a shorter set sorts first).
 */
export interface LabelDigits {
  digits: Int32Array;
  /** Series i's digits are digits[start[i]] up to digits[start[i + 1]]. */
  start: Int32Array;
  /** Distinct (name, value) pairs: every digit is at most this. */
  pairs: number;
  /** The most labels on one series. */
  longest: number;
}

/**
 * Builds LabelDigits one label set at a time, so that each set is read while it is still in the
 * cache (as its series is added): each (name, value) pair gets an id in order of appearance, and
 * the ids become ordered digits at the end, in arrays.
 */
export class DigitBuilder implements Releasable {
  private nameIds = new Map<string, number>();
  private valueIds: Array<Map<string, number>> = [];
  private ids = new Int32Array(64);
  /** Where each label set's ids end in `ids`: typed and grown by doubling, like `ids`. */
  private ends = new Int32Array(64);
  private sets = 0;
  private at = 0;
  /**
   * The names of the last set added, in order, and their ids: label sets of one query mostly have
   * the same names in the same order, so a name is looked up only when it differs from the last
   * set's name at its place (100k series, two or three names each, were as many map lookups).
   */
  private lastNames: string[] = [];
  private lastNameIds: number[] = [];

  constructor() {
    keepShape(this);
  }

  release(): void {
    this.lastNames = [];
    this.lastNameIds = [];
    this.nameIds = new Map();
    this.valueIds = [];
    this.ids = new Int32Array(64);
    this.ends = new Int32Array(64);
    this.sets = 0;
    this.at = 0;
  }

  /**
   * Makes room, before the first set is added, for `sets` label sets of `names` labels each: grown
   * by doubling from nothing, the lists for 100k label sets were 5 MB of fresh memory a call
   * instead of 3 (reading 100k instant frames about 5 % faster). More sets or labels still fit.
   */
  reserve(sets: number, names: number): void {
    if (this.sets > 0) {
      return;
    }
    if (this.ends.length < sets) {
      this.ends = new Int32Array(sets);
    }
    const ids = Math.min(2 * sets * names, MAX_RESERVED_IDS);
    if (this.ids.length < ids) {
      this.ids = new Int32Array(ids);
    }
  }

  /** Label sets added so far. */
  get count(): number {
    return this.sets;
  }

  add(labels: Labels): void {
    let place = 0;
    for (const name in labels) {
      let nameId: number | undefined;
      if (this.lastNames[place] === name) {
        nameId = this.lastNameIds[place];
      } else {
        nameId = this.nameIds.get(name);
        if (nameId === undefined) {
          nameId = this.valueIds.length;
          this.nameIds.set(name, nameId);
          this.valueIds.push(new Map());
        }
        this.lastNames[place] = name;
        this.lastNameIds[place] = nameId;
      }
      place++;
      const values = this.valueIds[nameId];
      const value = labels[name];
      let valueId = values.get(value);
      if (valueId === undefined) {
        valueId = values.size;
        values.set(value, valueId);
      }
      if (this.at + 2 > this.ids.length) {
        const grown = new Int32Array(2 * this.ids.length);
        grown.set(this.ids);
        this.ids = grown;
      }
      this.ids[this.at++] = nameId;
      this.ids[this.at++] = valueId;
    }
    if (this.sets === this.ends.length) {
      const grown = new Int32Array(2 * this.ends.length);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.sets++] = this.at;
  }

  finish(): LabelDigits {
    const { nameIds, valueIds, ids, ends } = this;
    // Digit of a pair = 1 + the pairs of names before its name + its value's rank within the name.
    const names = Array.from(nameIds.keys()).sort();
    const valueDigits: Int32Array[] = new Array(names.length);
    let pairs = 0;
    for (const name of names) {
      const nameId = nameIds.get(name)!;
      const values = valueIds[nameId];
      const digits = new Int32Array(values.size);
      const first = pairs + 1;
      Array.from(values.keys())
        .sort()
        .forEach((v, rank) => (digits[values.get(v)!] = first + rank));
      valueDigits[nameId] = digits;
      pairs += values.size;
    }
    const n = this.sets;
    const digits = new Int32Array(this.at / 2);
    const start = new Int32Array(n + 1);
    let longest = 0;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const to = ends[i] / 2;
      for (let k = from; k < to; k++) {
        digits[k] = valueDigits[ids[2 * k]][ids[2 * k + 1]];
      }
      sortDigits(digits, from, to);
      start[i] = from;
      longest = Math.max(longest, to - from);
      from = to;
    }
    start[n] = from;
    return { digits, start, pairs, longest };
  }
}

/** At most 32 MB reserved for ids ahead (a million series of many labels grow past it as they come). */
const MAX_RESERVED_IDS = 1 << 23;

/** Insertion sort of one series' digits: a label set's names arrive sorted, mostly. */
function sortDigits(digits: Int32Array, from: number, to: number): void {
  if (to - from > 64) {
    // A hostile label set: sorted properly rather than in quadratic time.
    digits.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const d = digits[i];
    let j = i - 1;
    while (j >= from && digits[j] > d) {
      digits[j + 1] = digits[j];
      j--;
    }
    digits[j + 1] = d;
  }
}

function compareDigits({ digits, start }: LabelDigits, a: number, b: number): number {
  const fromA = start[a];
  const fromB = start[b];
  const lengthA = start[a + 1] - fromA;
  const lengthB = start[b + 1] - fromB;
  const n = Math.min(lengthA, lengthB);
  for (let i = 0; i < n; i++) {
    const d = digits[fromA + i] - digits[fromB + i];
    if (d !== 0) {
      return d;
    }
  }
  return lengthA - lengthB;
}

/** Beyond this, position-by-position ranking costs more than it saves (hostile label sets). */
const MAX_RANKING_WORK = 1 << 24;

/**
 * Each series' digit list as one number in mixed radix — position by position, the rank of its
 * digit among the digits found at that position: integers that sort as the label sets do, equal
 * exactly for equal sets. Only while every such integer is exact in a double (`radix`: one more
 * than the largest possible); undefined otherwise.
 */
export function packedRanks(label: LabelDigits): { ranks: Float64Array; radix: number } | undefined {
  const { digits, start, pairs, longest } = label;
  const n = start.length - 1;
  if (longest * (pairs + 1) > MAX_RANKING_WORK) {
    return undefined;
  }
  const ranks = new Float64Array(n);
  const rank = new Int32Array(pairs + 1);
  let radix = 1;
  for (let p = 0; p < longest; p++) {
    rank.fill(0);
    for (let i = 0; i < n; i++) {
      const k = start[i] + p;
      rank[k < start[i + 1] ? digits[k] : 0] = 1;
    }
    // Dense ranks of the digits present here (a missing label, 0, first).
    let count = 0;
    for (let d = 0; d <= pairs; d++) {
      if (rank[d] === 1) {
        rank[d] = count++;
      } else {
        rank[d] = -1;
      }
    }
    radix *= count;
    if (radix > Number.MAX_SAFE_INTEGER) {
      return undefined;
    }
    for (let i = 0; i < n; i++) {
      const k = start[i] + p;
      ranks[i] = ranks[i] * count + rank[k < start[i + 1] ? digits[k] : 0];
    }
  }
  return { ranks, radix };
}

/** Below this many series a comparison sort beats the radix sort's fixed cost (its digit counts). */
const RADIX_SORT_FROM = 1024;

const TWO_32 = 4294967296;

/**
 * The indexes 0..n−1 ordered by rank, equal ranks in index order (stable): a least-significant-digit
 * radix sort, 16 bits a pass — two passes for up to 4 billion distinct label sets. Sorting 100k
 * packed keys as numbers took about four times as long.
 */
export function rankOrder(ranks: Float64Array, radix: number): Int32Array {
  const n = ranks.length;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
  }
  if (n < RADIX_SORT_FROM) {
    return order.sort((a, b) => ranks[a] - ranks[b] || a - b);
  }
  // The ranks as two 32-bit words (exact: every rank is an integer below 2^53).
  const low = new Uint32Array(n);
  const high = radix > TWO_32 ? new Uint32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const r = ranks[i];
    const h = Math.floor(r / TWO_32);
    low[i] = r - h * TWO_32;
    if (high) {
      high[i] = h;
    }
  }
  let spare = new Int32Array(n);
  const counts = new Int32Array(65537);
  for (let shift = 0; shift < 64 && 2 ** shift < radix; shift += 16) {
    const words = shift < 32 ? low : high!;
    const bits = shift & 31;
    counts.fill(0);
    for (let j = 0; j < n; j++) {
      counts[((words[order[j]] >>> bits) & 0xffff) + 1]++;
    }
    for (let d = 0; d < 65536; d++) {
      counts[d + 1] += counts[d];
    }
    for (let j = 0; j < n; j++) {
      const k = order[j];
      spare[counts[(words[k] >>> bits) & 0xffff]++] = k;
    }
    const sorted = spare;
    spare = order;
    order = sorted;
  }
  return order;
}

/** The series indexes in label order (stable), and whether two neighbours in it have equal labels. */
export function sortOrder(label: LabelDigits): { order: ArrayLike<number>; same: (j: number, k: number) => boolean } {
  const n = label.start.length - 1;
  const packed = packedRanks(label);
  if (packed) {
    const { ranks, radix } = packed;
    const order = rankOrder(ranks, radix);
    return { order, same: (j, k) => ranks[order[j]] === ranks[order[k]] };
  }
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
  }
  order.sort((a, b) => compareDigits(label, a, b));
  return { order, same: (j, k) => compareDigits(label, order[j], order[k]) === 0 };
}
