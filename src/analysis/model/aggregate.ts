import type { RateReducer } from '../types';
import type { Axis } from './timeline';
import type { RateSeries } from './prepare';
import type { Samples } from '../read/series';

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

/**
 * Room for many StepSums of one length in a few buffers. An ArrayBuffer lives outside the JS heap,
 * and each allocation of one (per broker, a thousand brokers at times) costs far more than its size.
 */
class StepArena {
  /** Bytes of one StepSum, rounded up to a multiple of 8 so that each one's sums stay aligned. */
  private readonly size: number;
  private buffer: ArrayBuffer | undefined;
  private used = 0;
  private count = 1;

  constructor(length: number) {
    this.size = Math.ceil((8 * length + 4 * (length + 1) + length) / 8) * 8;
  }

  take(): { buffer: ArrayBuffer; offset: number } {
    if (!this.buffer || this.used + this.size > this.buffer.byteLength) {
      // Each buffer twice the one before (up to 64 sums): few buffers, little unused room.
      this.buffer = new ArrayBuffer(this.size * this.count);
      this.count = Math.min(64, 2 * this.count);
      this.used = 0;
    }
    const offset = this.used;
    this.used += this.size;
    return { buffer: this.buffer, offset };
  }
}

/**
 * Per-step sums on the axis; NaN where nothing contributed.
 *
 * This loop runs once per sample of the input, so it has a fast path for the usual series: on
 * consecutive steps of the axis (one query's grid) and without gaps. Those are added with no
 * per-sample test, and the steps they cover are recorded once per series (a difference array).
 */
class StepSum {
  private readonly sums: Float64Array;
  /** Difference array: its running sum at a step counts the gap-free series that cover the step. */
  private readonly spans: Int32Array;
  /** Steps reached by a sample of any other series. */
  private readonly hits: Uint8Array;

  constructor(length: number, arena: StepArena = new StepArena(length)) {
    const { buffer, offset } = arena.take();
    this.sums = new Float64Array(buffer, offset, length);
    this.spans = new Int32Array(buffer, offset + 8 * length, length + 1);
    this.hits = new Uint8Array(buffer, offset + 8 * length + 4 * (length + 1), length);
  }

  /** `contiguous`: the index puts one sample on each of consecutive steps (Axis.contiguous). */
  add(index: Int32Array, values: Samples, contiguous: boolean): void {
    const n = values.length;
    if (n === 0) {
      return;
    }
    const sums = this.sums;
    if (contiguous && noGaps(values)) {
      const offset = index[0];
      for (let i = 0; i < n; i++) {
        sums[offset + i] += values[i];
      }
      this.spans[offset]++;
      this.spans[offset + n]--;
      return;
    }
    const hits = this.hits;
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
   * Adds a timeline already on the axis (one value per step). Kept apart from add(), which
   * reads the caller's arrays: sharing one loop between those and typed arrays slows it for both.
   */
  addTimeline(values: Float64Array): void {
    const sums = this.sums;
    const hits = this.hits;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) {
        sums[i] += v;
        hits[i] = 1;
      }
    }
  }

  /** The sums, NaN at steps no series reached. Written in place: the last thing asked of it. */
  result(): Float64Array {
    const sums = this.sums;
    let covering = 0;
    for (let i = 0; i < sums.length; i++) {
      covering += this.spans[i];
      if (covering <= 0 && this.hits[i] !== 1) {
        sums[i] = NaN;
      }
    }
    return sums;
  }
}

export interface BrokerTimeline {
  name: string;
  /** Broker total per axis step: its all-topics series when present, else the sum of its topic series. */
  values: Float64Array;
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
  const arena = new StepArena(steps);
  let entry: BrokerSums | undefined;
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    // Series arrive sorted by labels, so one broker's series mostly come in a row.
    if (!entry || entry.name !== s.broker) {
      entry = byBroker.get(s.broker);
      if (!entry) {
        entry = { name: s.broker, index: byBroker.size, all: undefined, topics: undefined };
        byBroker.set(s.broker, entry);
      }
    }
    const index = axis.index[i];
    if (s.topic === undefined) {
      entry.all ??= new StepSum(steps, arena);
      entry.all.add(index, s.values, axis.contiguous.has(index));
      continue;
    }
    entry.topics ??= new StepSum(steps, arena);
    entry.topics.add(index, s.values, axis.contiguous.has(index));
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
    brokers.push({
      name: e.name,
      values: (e.all ?? e.topics ?? new StepSum(steps, arena)).result(),
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

/** Per step, the sum of the timelines that reported (NaN where none did). */
export function clusterTimeline(brokers: ReadonlyArray<{ values: Float64Array }>, steps: number): Float64Array {
  const sum = new StepSum(steps);
  for (const b of brokers) {
    sum.addTimeline(b.values);
  }
  return sum.result();
}
