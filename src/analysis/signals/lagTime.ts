/**
 * Consumer lag in time: how far behind its producers a group is, in seconds. kafka_exporter gives
 * each group's lag per partition (messages) and each partition's log-end offset; the offset's rate
 * is the partition's produce rate, and lag ÷ rate is how long the group would need at that rate to
 * reach what is there now — kafka-lag-exporter's estimate, simplified to the current rate. A
 * group's figure is its *worst* partition's: the average hides the one partition far behind.
 *
 * Limits: the estimate assumes production continues at the current rate; a partition with lag
 * and no production now has no estimate (its messages are old, but how old is unknown) and is
 * counted, not guessed; the message-based rules still judge it.
 */
import type { HealthOptions } from '../types';
import type { RawSeries } from '../read/series';
import type { TimeGrid } from '../model/timeline';
import { deriveRates } from '../metric/counters';
import { GROUP_LABELS, keyedMeans, keyedSums, type Timelines } from './brokerSignals';

/** Below this a partition is not being produced to (msg/s). */
export const MIN_PRODUCE_RATE = 0.001;
const SEP = '\u0000';

export interface PartitionLag {
  /** group SEP topic SEP partition → lag (messages) per step. */
  lag: Timelines;
  /** topic SEP partition → produce rate (msg/s) per step. */
  rates: Timelines;
}

export interface GroupBehind {
  /** Seconds behind per step of the lag axis (NaN where no partition has an estimate). */
  seconds: Float64Array;
  /** The worst partition now ("topic/partition"). */
  worst?: string;
  /** Partitions with lag now and no production: no estimate. */
  noEstimate: number;
}

function groupOf(s: RawSeries): string | undefined {
  const label = GROUP_LABELS.find((l) => s.labels[l] !== undefined);
  return label && s.labels[label];
}

/** Both readings keyed by partition; undefined unless the lag keeps its partition label. */
export function partitionLag(
  lagSeries: RawSeries[],
  offsetSeries: RawSeries[],
  options: HealthOptions,
  grid: TimeGrid
): PartitionLag | undefined {
  const perPartition = lagSeries.filter((s) => groupOf(s) !== undefined && s.labels.topic && s.labels.partition);
  const offsets = offsetSeries.filter((s) => s.labels.topic && s.labels.partition);
  if (perPartition.length === 0 || offsets.length === 0) {
    return undefined;
  }
  // Raw offsets (the metric's name is still there) become a rate; rate() in the query already is one.
  // (New values: the bounds the reader saw are not theirs.)
  const asRates = offsets.map((s) =>
    s.name && !s.instant ? { ...s, values: deriveRates(s.times, s.values), range: undefined } : s
  );
  const lag = keyedSums(perPartition, (s) => [groupOf(s), s.labels.topic, s.labels.partition].join(SEP), options, grid);
  // Several exporters report the same partition: the mean, not the sum.
  const rates = keyedMeans(asRates, (s) => [s.labels.topic, s.labels.partition].join(SEP), options, grid);
  return lag && rates ? { lag, rates } : undefined;
}

/** Each group's time behind, per step of the lag axis. */
export function groupsBehind(p: PartitionLag): Map<string, GroupBehind> {
  const steps = p.lag.axis.times.length;
  const rateIndex = new Map(Array.from(p.rates.axis.times, (time, i) => [time, i]));
  const out = new Map<string, GroupBehind>();
  /** Per group, the seconds of its worst partition at the last step, for `worst`. */
  const worstNow = new Map<string, number>();
  for (const [key, lagValues] of p.lag.byName) {
    const [group, topic, partition] = key.split(SEP);
    let g = out.get(group);
    if (!g) {
      g = { seconds: new Float64Array(steps).fill(NaN), noEstimate: 0 };
      out.set(group, g);
    }
    const rates = p.rates.byName.get(topic + SEP + partition);
    const rateAt = (i: number) => {
      const j = rateIndex.get(p.lag.axis.times[i]);
      return rates && j !== undefined ? rates[j] : NaN;
    };
    let latestStep = -1;
    for (let i = 0; i < steps; i++) {
      const lag = lagValues[i];
      if (!Number.isFinite(lag)) {
        continue;
      }
      latestStep = i;
      const rate = rateAt(i);
      const seconds = lag <= 0 ? 0 : rate > MIN_PRODUCE_RATE ? lag / rate : NaN;
      if (Number.isFinite(seconds) && !(seconds <= g.seconds[i])) {
        g.seconds[i] = seconds;
      }
      // The worst partition now (a tie goes to the later one).
      if (i === steps - 1 && lag > 0 && Number.isFinite(seconds) && !(seconds < (worstNow.get(group) ?? -1))) {
        worstNow.set(group, seconds);
        g.worst = `${topic}/${partition}`;
      }
    }
    if (latestStep >= 0 && lagValues[latestStep] > 0 && !(rateAt(latestStep) > MIN_PRODUCE_RATE)) {
      g.noEstimate++;
    }
  }
  return out;
}
