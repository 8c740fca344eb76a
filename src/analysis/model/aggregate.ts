import type { RateReducer } from '../types';
import type { Axis } from './timeline';
import type { RateSeries } from './prepare';
import type { Samples } from '../read/series';
import type { SummedRun } from '../read/summedRuns';
import { Arena } from '../arena';
import { keepShape, Releasable } from '../shapes';

/**
 * True when no sample is NaN. A sum is NaN exactly then (samples are never ±Infinity), and on
 * V8 a loop that only loads and adds runs faster here than one that tests every sample.
 */
function noGaps(values: Samples): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
  }
  return sum === sum;
}

/** What a released StepSum holds instead of its sums (a view that would keep its arena's buffer). */
const NO_SUMS = new Float64Array(0);
/** What a released StepSum holds instead of its arena (whose buffers the call's sums are views of). */
const NO_ARENA = new Arena();

/** Which steps the series added to an open StepSum cover. */
interface Coverage {
  /** Difference array: its running sum at a step counts the gap-free series that cover the step. */
  spans: Int32Array;
  /** Steps reached by a sample of any other series. */
  hits: Uint8Array;
}

/**
 * The coverages of the StepSums of one call, handed from sum to sum: a broker's coverage is needed
 * only while its series are read, and they mostly come in a row (Prometheus sorts series by their
 * labels). A thousand brokers then share one coverage instead of holding one each — fresh memory
 * that costs more than the sums themselves.
 */
class CoveragePool implements Releasable {
  private free: Coverage[] = [];
  /** Sums opened again after they were closed: the series did not come broker by broker. */
  private reopened = 0;

  constructor(private readonly length: number) {
    keepShape(this);
  }

  release(): void {
    this.free = [];
  }

  /** Whether sums should be closed when their broker's run of series ends. */
  get closing(): boolean {
    // Past a few reopenings the series are not grouped: each sum keeps its coverage instead.
    return this.reopened < 8;
  }

  take(reopening: boolean): Coverage {
    if (reopening) {
      this.reopened++;
    }
    return this.free.pop() ?? { spans: new Int32Array(this.length + 1), hits: new Uint8Array(this.length) };
  }

  give(coverage: Coverage): void {
    coverage.spans.fill(0);
    coverage.hits.fill(0);
    this.free.push(coverage);
  }
}

/**
 * Per-step sums on the axis; NaN where nothing contributed.
 *
 * This loop runs once per sample of the input, so it has a fast path for the usual series: on
 * consecutive steps of the axis (one query's grid) and without gaps. Those are added with no
 * per-sample test, and the steps they cover are recorded once per series (a difference array).
 */
class StepSum implements Releasable {
  /**
   * The sums: none until the first add, then this sum's own array — or a reader's run's, taken as
   * it is when the run is the first thing added and covers every step (see addRun), and copied
   * before anything else is added to it.
   */
  private sums: Float64Array = NO_SUMS;
  private owned = false;
  /** While open; once closed, the sums hold NaN at the steps nothing covered. */
  private coverage: Coverage | undefined;
  /** A gap-free series covered every step: no step is left NaN, and closing has nothing to mark. */
  private whole = false;

  constructor(
    private readonly length: number,
    private arena: Arena = new Arena(),
    private readonly pool: CoveragePool = new CoveragePool(length)
  ) {
    this.coverage = pool.take(false);
    keepShape(this);
  }

  release(): void {
    this.sums = NO_SUMS;
    this.owned = false;
    this.coverage = undefined;
    this.arena = NO_ARENA;
    this.pool.release();
  }

  /** The sums to add to: this sum's own (a run's taken as they are are copied first). */
  private writable(): Float64Array {
    if (!this.owned) {
      const own = this.arena.float64(this.length);
      if (this.sums !== NO_SUMS) {
        own.set(this.sums);
      }
      this.sums = own;
      this.owned = true;
    }
    return this.sums;
  }

  /**
   * `contiguous`: the index puts one sample on each of consecutive steps (Axis.contiguous).
   * `gapless`: known to hold no NaN (RateSeries.gapless), which spares a pass over the samples.
   */
  add(index: Int32Array, values: Samples, contiguous: boolean, gapless = false): void {
    const n = values.length;
    if (n === 0) {
      return;
    }
    const coverage = this.coverage ?? this.reopen();
    const sums = this.writable();
    if (contiguous && (gapless || noGaps(values))) {
      const offset = index[0];
      for (let i = 0; i < n; i++) {
        sums[offset + i] += values[i];
      }
      coverage.spans[offset]++;
      coverage.spans[offset + n]--;
      this.whole ||= offset === 0 && n === this.length;
      return;
    }
    const hits = coverage.hits;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      // Two samples of one series in one step (irregular timestamps): the later one stands.
      if (v === v && !(i + 1 < n && index[i + 1] === index[i] && values[i + 1] === values[i + 1])) {
        const k = index[i];
        sums[k] += v;
        hits[k] = 1;
      }
    }
  }

  /**
   * Adds a reader's run (summedRuns.ts): the sums of series that would each have been added with
   * this contiguous index and no gap.
   */
  addRun(index: Int32Array, run: SummedRun): void {
    const coverage = this.coverage ?? this.reopen();
    const add = run.sums;
    const offset = index[0];
    coverage.spans[offset]++;
    coverage.spans[offset + add.length]--;
    if (offset === 0 && add.length === this.length) {
      this.whole = true;
      // The first thing added, over every step: the run's sums are these sums, with no copy (a
      // thousand brokers were a thousand copies of a step row, and as many fresh rows).
      if (this.sums === NO_SUMS) {
        this.sums = add;
        return;
      }
    }
    const sums = this.writable();
    for (let i = 0; i < add.length; i++) {
      sums[offset + i] += add[i];
    }
  }

  /** Adds a timeline on the axis known to have a value at every step (a whole sum's result). */
  addWholeTimeline(values: Float64Array): void {
    const coverage = this.coverage ?? this.reopen();
    const sums = this.writable();
    for (let i = 0; i < sums.length; i++) {
      sums[i] += values[i];
    }
    coverage.spans[0]++;
    coverage.spans[sums.length]--;
    this.whole = true;
  }

  /** Whether every step has a value (see `whole`). */
  get complete(): boolean {
    return this.whole;
  }

  /**
   * Adds a timeline already on the axis (one value per step). Kept apart from add(), which
   * reads the caller's arrays: sharing one loop between those and typed arrays slows it for both.
   */
  addTimeline(values: Float64Array): void {
    const hits = (this.coverage ?? this.reopen()).hits;
    const sums = this.writable();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) {
        sums[i] += v;
        hits[i] = 1;
      }
    }
  }

  /** Marks the steps nothing covered (NaN) and gives the coverage back to the pool. */
  close(): void {
    const coverage = this.coverage;
    if (!coverage) {
      return;
    }
    // Nothing to mark on a whole sum; otherwise NaN where nothing covered (all of it, if nothing was added).
    if (!this.whole) {
      const sums = this.writable();
      let covering = 0;
      for (let i = 0; i < sums.length; i++) {
        covering += coverage.spans[i];
        if (covering <= 0 && coverage.hits[i] !== 1) {
          sums[i] = NaN;
        }
      }
    }
    this.pool.give(coverage);
    this.coverage = undefined;
  }

  /** A closed sum takes more series: its coverage again, from its NaN marks (samples are never NaN). */
  private reopen(): Coverage {
    const coverage = this.pool.take(true);
    const sums = this.writable();
    for (let i = 0; i < sums.length; i++) {
      if (sums[i] === sums[i]) {
        coverage.hits[i] = 1;
      } else {
        sums[i] = 0;
      }
    }
    this.coverage = coverage;
    return coverage;
  }

  /** The sums, NaN at steps no series reached. Written in place: the last thing asked of it. */
  result(): Float64Array {
    this.close();
    return this.sums;
  }
}

export interface BrokerTimeline {
  name: string;
  /** Broker total per axis step: its all-topics series when present, else the sum of its topic series. */
  values: Float64Array;
  /** A value at every step (no NaN): a gap-free series covered the whole axis. */
  complete: boolean;
  fromAllTopicsSeries: boolean;
  /** Distinct topics it carries. */
  topicCount: number;
}

/**
 * Each topic's current rate per broker, in flat arrays rather than a map of maps (100k entries at
 * times: a map entry and a boxed number each). Topic t's entries are start[t] up to start[t + 1],
 * one per broker that carries it, in the order the brokers first came with it.
 */
export interface TopicRates {
  /** Topic names, in the order they first came. */
  topics: string[];
  start: Int32Array;
  /** Index of each entry's broker in Aggregates.brokers. */
  broker: Int32Array;
  rate: Float64Array;
}

export interface Aggregates {
  brokers: BrokerTimeline[];
  topicRates: TopicRates;
}

/** Last valid sample in the recent window, read from the end: a series that fell silent gives 0. */
function lastRecent(values: Samples, index: Int32Array, recentStart: number): number {
  for (let i = values.length - 1; i >= 0 && index[i] >= recentStart; i--) {
    const v = values[i];
    if (v === v) {
      return v;
    }
  }
  return 0;
}

/**
 * Reduces one series to its current rate. `last` reads the recent window only, so a series
 * that fell silent contributes nothing now.
 */
export function reduceRate(values: Samples, index: Int32Array, recentStart: number, reducer: RateReducer): number {
  if (reducer !== 'mean' && reducer !== 'max') {
    return lastRecent(values, index, recentStart);
  }
  let sum = 0;
  let count = 0;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      count++;
      max = v > max ? v : max;
    }
  }
  if (count === 0) {
    return 0;
  }
  return reducer === 'mean' ? sum / count : max;
}

/** Series warmed at a time by warmSamples. */
const WARM_BATCH = 16;

/** Keeps the loads of warmSamples live. */
let warmth = 0;

/**
 * Loads one sample per cache line of each series from..to that will be added sample by sample (no
 * reader's run). Series that came in no order are visited here in label order, each a jump across
 * memory whose loads wait for one another; a short loop over a batch lets the processor fetch them
 * all at once (100 × 100 × 240 points, shuffled: about 5 % in Node, 8 % in Chromium).
 */
function warmSamples(series: readonly RateSeries[], from: number, to: number): void {
  let sum = 0;
  for (let j = from; j < to; j++) {
    const s = series[j];
    if (s.run) {
      continue;
    }
    const values = s.values;
    for (let k = 0; k < values.length; k += 8) {
      sum += values[k];
    }
  }
  warmth += sum;
}

/**
 * How many series from i on make up a whole run of the reader, each as the loop would add it: all
 * of the run's series, next to each other in the reader's order, topic series of one broker with
 * their samples as they came, on one contiguous index. 0 when they do not.
 */
function wholeRun(series: readonly RateSeries[], i: number, index: readonly Int32Array[]): number {
  const first = series[i];
  const run = first.run;
  if (!run || first.runIndex !== 0 || run.members < 2 || i + run.members > series.length) {
    return 0;
  }
  for (let j = i + 1; j < i + run.members; j++) {
    const s = series[j];
    if (
      s.run !== run ||
      s.runIndex !== j - i ||
      s.broker !== first.broker ||
      s.topic === undefined ||
      index[j] !== index[i]
    ) {
      return 0;
    }
  }
  return run.members;
}

interface BrokerSums {
  name: string;
  index: number;
  all: StepSum | undefined;
  topics: StepSum | undefined;
}

/**
 * The all-topics trap: Kafka's broker-wide series has the same name as the per-topic ones and
 * equals their sum. It is the broker total when present and never added to the topics.
 */
export function aggregate(series: RateSeries[], axis: Axis, reducer: RateReducer): Aggregates {
  const byBroker = new Map<string, BrokerSums>();
  const topicIndex = new Map<string, number>();
  const topics: string[] = [];
  // One entry per topic series, in series order: topic, broker and current rate.
  const entryTopic = new Int32Array(series.length);
  const entryBroker = new Int32Array(series.length);
  const entryRate = new Float64Array(series.length);
  let entries = 0;
  const steps = axis.times.length;
  // The sums of all brokers in a few buffers (see Arena).
  const arena = new Arena(8 * steps, 64 * 8 * steps);
  const pool = new CoveragePool(steps);
  let entry: BrokerSums | undefined;
  // Series before this one were added as a reader's run.
  let summedUntil = 0;
  for (let i = 0; i < series.length; i++) {
    if (i % WARM_BATCH === 0) {
      warmSamples(series, i, Math.min(series.length, i + WARM_BATCH));
    }
    const s = series[i];
    // Series arrive sorted by labels, so one broker's series mostly come in a row.
    if (!entry || entry.name !== s.broker) {
      if (entry && pool.closing) {
        entry.all?.close();
        entry.topics?.close();
      }
      entry = byBroker.get(s.broker);
      if (!entry) {
        entry = { name: s.broker, index: byBroker.size, all: undefined, topics: undefined };
        byBroker.set(s.broker, entry);
      }
    }
    const index = axis.index[i];
    if (s.topic === undefined) {
      entry.all ??= new StepSum(steps, arena, pool);
      entry.all.add(index, s.values, axis.contiguous.has(index), s.gapless === true);
      continue;
    }
    if (i >= summedUntil) {
      const contiguous = axis.contiguous.has(index);
      // A run adds up what this loop would have added, in the same order, from the same empty sum.
      const run = entry.topics === undefined && contiguous ? wholeRun(series, i, axis.index) : 0;
      entry.topics ??= new StepSum(steps, arena, pool);
      if (run > 0) {
        entry.topics.addRun(index, s.run!);
        summedUntil = i + run;
      } else {
        entry.topics.add(index, s.values, contiguous, s.gapless === true);
      }
    }
    let t = topicIndex.get(s.topic);
    if (t === undefined) {
      t = topics.length;
      topicIndex.set(s.topic, t);
      topics.push(s.topic);
    }
    entryTopic[entries] = t;
    entryBroker[entries] = entry.index;
    entryRate[entries] = reduceRate(s.values, index, axis.recentStart, reducer);
    entries++;
  }
  const topicRates = groupByTopic(topics, byBroker.size, entryTopic, entryBroker, entryRate, entries);
  // Distinct topics per broker (one broker's topic may come in several series: summed above).
  const topicCount = new Int32Array(byBroker.size);
  for (let k = 0; k < topicRates.broker.length; k++) {
    topicCount[topicRates.broker[k]]++;
  }
  const brokers: BrokerTimeline[] = [];
  byBroker.forEach((e) => {
    const sum = e.all ?? e.topics ?? new StepSum(steps, arena, pool);
    brokers.push({
      name: e.name,
      values: sum.result(),
      complete: sum.complete,
      fromAllTopicsSeries: e.all !== undefined,
      topicCount: topicCount[e.index],
    });
  });
  return { brokers, topicRates };
}

/**
 * Entries grouped by topic (a counting sort: series order kept within a topic), the entries of one
 * broker and topic summed into one, in series order.
 */
function groupByTopic(
  topics: string[],
  brokerCount: number,
  entryTopic: Int32Array,
  entryBroker: Int32Array,
  entryRate: Float64Array,
  entries: number
): TopicRates {
  const first = new Int32Array(topics.length + 1);
  for (let k = 0; k < entries; k++) {
    first[entryTopic[k] + 1]++;
  }
  for (let t = 0; t < topics.length; t++) {
    first[t + 1] += first[t];
  }
  const next = first.slice(0, topics.length);
  const order = new Int32Array(entries);
  for (let k = 0; k < entries; k++) {
    order[next[entryTopic[k]]++] = k;
  }
  const start = new Int32Array(topics.length + 1);
  const broker = new Int32Array(entries);
  const rate = new Float64Array(entries);
  // Where each broker's entry of the current topic went; -1 when it has none yet.
  const slot = new Int32Array(brokerCount).fill(-1);
  let out = 0;
  for (let t = 0; t < topics.length; t++) {
    start[t] = out;
    for (let j = first[t]; j < first[t + 1]; j++) {
      const k = order[j];
      const b = entryBroker[k];
      if (slot[b] >= 0) {
        rate[slot[b]] += entryRate[k];
      } else {
        slot[b] = out;
        broker[out] = b;
        rate[out] = entryRate[k];
        out++;
      }
    }
    for (let j = start[t]; j < out; j++) {
      slot[broker[j]] = -1;
    }
  }
  start[topics.length] = out;
  return { topics, start, broker: broker.subarray(0, out), rate: rate.subarray(0, out) };
}

/**
 * Per step, the sum of the timelines that reported (NaN where none did). A timeline known to be
 * `complete` is added without a test per step.
 */
export function clusterTimeline(
  brokers: ReadonlyArray<{ values: Float64Array; complete?: boolean }>,
  steps: number
): Float64Array {
  const sum = new StepSum(steps);
  for (const b of brokers) {
    if (b.complete && b.values.length === steps) {
      sum.addWholeTimeline(b.values);
    } else {
      sum.addTimeline(b.values);
    }
  }
  return sum.result();
}
