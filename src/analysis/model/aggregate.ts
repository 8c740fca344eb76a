import type { RateReducer } from '../types';
import type { Axis } from './timeline';
import type { RateSeries } from './prepare';
import type { Samples } from '../read/series';

/** Per-step sums on the axis; NaN where nothing contributed. */
class StepSum {
  readonly values: Float64Array;

  constructor(length: number) {
    this.values = new Float64Array(length).fill(NaN);
  }

  add(index: Int32Array, values: Samples): void {
    const out = this.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) {
        const k = index[i];
        const cur = out[k];
        out[k] = cur === cur ? cur + v : v;
      }
    }
  }

  /**
   * add() and reduceRate() in one pass: on large clusters this loop runs once per sample,
   * so reading every value a single time matters.
   */
  addAndReduce(index: Int32Array, values: Samples, recentStart: number, reducer: RateReducer): number {
    const out = this.values;
    let sum = 0;
    let count = 0;
    let max = -Infinity;
    let last = NaN;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) {
        continue;
      }
      const k = index[i];
      const cur = out[k];
      out[k] = cur === cur ? cur + v : v;
      sum += v;
      count++;
      max = v > max ? v : max;
      if (k >= recentStart) {
        last = v;
      }
    }
    return pickReduced(sum, count, max, last, reducer);
  }
}

function pickReduced(sum: number, count: number, max: number, last: number, reducer: RateReducer): number {
  if (count === 0) {
    return 0;
  }
  switch (reducer) {
    case 'mean':
      return sum / count;
    case 'max':
      return max;
    default:
      return last === last ? last : 0;
  }
}

export interface BrokerTimeline {
  name: string;
  /** Broker total per axis step: its all-topics series when present, else the sum of its topic series. */
  values: Float64Array;
  fromAllTopicsSeries: boolean;
  topics: Set<string>;
}

export interface Aggregates {
  brokers: BrokerTimeline[];
  /** topic → broker → current rate. */
  topicBrokerRates: Map<string, Map<string, number>>;
}

/**
 * Reduces one series to its current rate. `last` reads the recent window only, so a series
 * that fell silent contributes nothing now.
 */
export function reduceRate(values: Samples, index: Int32Array, recentStart: number, reducer: RateReducer): number {
  let sum = 0;
  let count = 0;
  let max = -Infinity;
  let last = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      continue;
    }
    sum += v;
    count++;
    max = v > max ? v : max;
    if (index[i] >= recentStart) {
      last = v;
    }
  }
  return pickReduced(sum, count, max, last, reducer);
}

/**
 * The all-topics trap: Kafka's broker-wide series has the same name as the per-topic ones and
 * equals their sum. It is the broker total when present and never added to the topics.
 */
export function aggregate(series: RateSeries[], axis: Axis, reducer: RateReducer): Aggregates {
  const byBroker = new Map<string, { all: StepSum | undefined; topics: StepSum | undefined; names: Set<string> }>();
  const topicBrokerRates = new Map<string, Map<string, number>>();
  const steps = axis.times.length;
  series.forEach((s, i) => {
    let entry = byBroker.get(s.broker);
    if (!entry) {
      entry = { all: undefined, topics: undefined, names: new Set() };
      byBroker.set(s.broker, entry);
    }
    const index = axis.index[i];
    if (s.topic === undefined) {
      entry.all ??= new StepSum(steps);
      entry.all.add(index, s.values);
      return;
    }
    entry.topics ??= new StepSum(steps);
    const rate = entry.topics.addAndReduce(index, s.values, axis.recentStart, reducer);
    entry.names.add(s.topic);
    let perBroker = topicBrokerRates.get(s.topic);
    if (!perBroker) {
      perBroker = new Map();
      topicBrokerRates.set(s.topic, perBroker);
    }
    perBroker.set(s.broker, (perBroker.get(s.broker) ?? 0) + rate);
  });
  const brokers = Array.from(byBroker.entries()).map(([name, e]): BrokerTimeline => ({
    name,
    values: (e.all ?? e.topics ?? new StepSum(steps)).values,
    fromAllTopicsSeries: e.all !== undefined,
    topics: e.names,
  }));
  return { brokers, topicBrokerRates };
}

/** Cluster total per step: the sum of the brokers that reported at that step. */
/** Per step, the sum of the timelines that reported (NaN where none did). */
export function clusterTimeline(brokers: ReadonlyArray<{ values: Samples }>, steps: number): Float64Array {
  const sum = new StepSum(steps);
  const identity = Int32Array.from({ length: steps }, (_, i) => i);
  for (const b of brokers) {
    sum.add(identity, b.values);
  }
  return sum.values;
}
