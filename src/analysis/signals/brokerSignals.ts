/**
 * Series of the roles beyond messages-in, turned into per-broker (or per consumer group)
 * timelines on an axis of their own. Counters (bytes, the idle-time count) become rates the
 * same way messages-in does; gauges are summed per broker.
 */
import type { HealthOptions, MetricRole, RoleSummary } from '../types';
import type { MetricInfo } from '../metric/metricNames';
import { BROKER_LABEL_CANDIDATES, chooseLabel, labelNames } from '../metric/labels';
import { deriveRates } from '../metric/counters';
import { prepareSeries, RateSeries, UNLABELLED_BROKER } from '../model/prepare';
import { Axis, buildAxis, TimeGrid } from '../model/timeline';
import { aggregate, clusterTimeline, reduceRate } from '../model/aggregate';
import type { RawSeries } from '../read/series';
import { readingOrder } from '../read/seriesSet';
import { median } from '../stats';
import { METRIC_ROLES, queryText } from './roles';

export interface Timelines {
  axis: Axis;
  /** Broker (or group) → values per axis step; NaN where nothing was reported. */
  byName: Map<string, Float64Array>;
  /** Per broker (or group): topic → values per step, where series carry a topic. */
  topics: Map<string, Map<string, number>>;
  /** Series names seen, for messages (gauge or counter form). */
  names: string[];
}

function counterName(name: string): MetricInfo {
  const counter =
    name === '' ? 'maybe' : /(_total|_count)$/.test(name) ? 'yes' : /persec$/i.test(name) ? 'likely' : 'no';
  return { messagesIn: true, counter, allTopics: /_total_bytes/i.test(name) };
}

function summed(prepared: RateSeries[], options: HealthOptions, grid: TimeGrid): Timelines | undefined {
  if (prepared.length === 0) {
    return undefined;
  }
  const axis = buildAxis(prepared, grid);
  const { brokers, topicRates } = aggregate(prepared, axis, options.rateReducer);
  const byName = new Map(brokers.map((b) => [b.name, b.values]));
  const topics = new Map<string, Map<string, number>>();
  topicRates.topics.forEach((topic, t) => {
    for (let k = topicRates.start[t]; k < topicRates.start[t + 1]; k++) {
      const broker = brokers[topicRates.broker[k]].name;
      let m = topics.get(broker);
      if (!m) {
        m = new Map();
        topics.set(broker, m);
      }
      m.set(topic, topicRates.rate[k]);
    }
  });
  return { axis, byName, topics, names: [] };
}

/** Bytes in or out: counters like messages-in, all-topics series handled the same way. */
export function byteRates(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid,
  queries: Readonly<Record<string, string>> = {}
): Timelines | undefined {
  const prepared = prepareSeries(
    series,
    { metricName: '', brokerLabel: brokerLabel ?? options.brokerLabel, topicLabel: options.topicLabel, queries },
    counterName
  );
  const t = summed(prepared.rates, options, grid);
  return t && { ...t, names: prepared.metricNames };
}

/** The broker label messages-in settled on, or else the one these series carry. */
function labelFor(series: RawSeries[], options: HealthOptions, brokerLabel: string | undefined): string | undefined {
  return brokerLabel ?? chooseLabel(labelNames(series), options.brokerLabel, BROKER_LABEL_CANDIDATES).label;
}

/** Distinct metric names of the series, for messages. */
function namesOf(series: RawSeries[]): string[] {
  return Array.from(new Set(series.map((s) => s.name).filter(Boolean)));
}

function brokerOf(labels: Record<string, string>, label: string | undefined): string {
  return (label && labels[label]) || UNLABELLED_BROKER;
}

/** Each series as it is, assigned to its broker. */
function perBroker(series: RawSeries[], options: HealthOptions, brokerLabel: string | undefined): RateSeries[] {
  const label = labelFor(series, options, brokerLabel);
  return series.map((s) => ({
    broker: brokerOf(s.labels, label),
    times: s.times,
    values: s.values,
    instant: s.instant,
  }));
}

/** Gauges summed per broker (URP, offline partitions, active controllers). */
export function gaugeSums(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid
): Timelines | undefined {
  const t = summed(perBroker(series, options, brokerLabel), options, grid);
  return t && { ...t, names: namesOf(series) };
}

/**
 * Above this an idle "ratio" is not a ratio: in KRaft combined mode (broker and controller in one
 * process) Kafka before 4.2 adds both request-handler pools to one meter, each divided by its own
 * thread count, so the reading is up to 2 (KAFKA-19606). A little slack above 1 absorbs rate()
 * extrapolation on an idle broker.
 */
const RATIO_CEILING = 1.05;
/** Up to here an unmarked reading above the ceiling is the double-counting meter, not a percentage. */
const DOUBLE_COUNT_MAX = 2.5;

/** The query divides by 1e9 (nanoseconds to seconds): its values are ratios whatever they read. */
const DIVIDES_BY_1E9 = /\/\s*(?:1e\+?0?9|1000000000|1_000_000_000)(?![\d.])/i;
/** The query multiplies by 100: its values are percentages. */
const TIMES_100 = /\*\s*100(?![\d.e])|(?<![\d.])100\s*\*/i;

export interface IdleRatios {
  /** Per-broker idle ratios (0–1) of the queries that could be judged. */
  timelines?: Timelines;
  /** Queries whose readings exceed a ratio: not judged, reported once. */
  doubleCounted?: { level: number; refIds: string[] };
}

/** How to turn one query's readings into 0–1 ratios; NaN when they cannot be (double counted). */
function idleScale(level: number, query: string): number {
  const text = queryText(query);
  const scale =
    level > 1e3
      ? 1e-9
      : TIMES_100.test(text)
        ? 0.01
        : DIVIDES_BY_1E9.test(text) || level <= DOUBLE_COUNT_MAX
          ? 1
          : 0.01;
  return level * scale > RATIO_CEILING ? NaN : scale;
}

/**
 * Request-handler idle as a 0–1 ratio per broker, whatever form arrives: the MeanRate gauge
 * (0–1), a percentage (0–100), the raw idle-nanoseconds count, or its rate() (about 1e9 × ratio).
 * Readings that cannot be a ratio (the combined-mode meter) are set aside, not judged.
 */
export function idleRatios(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid,
  queries: Readonly<Record<string, string>> = {}
): IdleRatios {
  const label = labelFor(series, options, brokerLabel);
  const derived = series.map((s) => {
    const cumulative = /(_total|_count)$/.test(s.name) && !s.instant;
    return cumulative ? deriveRates(s.times, s.values) : Float64Array.from(s.values as ArrayLike<number>);
  });
  // The unit is a property of the query, not of one broker: a percentage query whose brokers are
  // all near 1% would read as ratios near 1 if judged one series at a time.
  const keyOf = (s: RawSeries) => `${s.refId}|${s.name}`;
  const levelOf = new Map<string, number>();
  series.forEach((s, i) => {
    const level = median(Array.from(derived[i]).filter((v) => Number.isFinite(v)));
    levelOf.set(keyOf(s), Math.max(levelOf.get(keyOf(s)) ?? 0, Number.isFinite(level) ? level : 0));
  });
  const scaleOf = new Map<string, number>();
  let doubleCounted: IdleRatios['doubleCounted'];
  for (const [key, level] of levelOf) {
    const refId = key.slice(0, key.indexOf('|'));
    const scale = idleScale(level, queries[refId] ?? '');
    scaleOf.set(key, scale);
    if (Number.isNaN(scale)) {
      const refIds = new Set([...(doubleCounted?.refIds ?? []), refId]);
      const ratio = level > 1e3 ? level * 1e-9 : level;
      doubleCounted = { level: Math.max(doubleCounted?.level ?? 0, ratio), refIds: Array.from(refIds).sort() };
    }
  }
  const rates: RateSeries[] = [];
  series.forEach((s, i) => {
    const scale = scaleOf.get(keyOf(s))!;
    if (Number.isNaN(scale)) {
      return;
    }
    const values = scale === 1 ? derived[i] : derived[i].map((v) => v * scale);
    rates.push({ broker: brokerOf(s.labels, label), times: s.times, values, instant: s.instant });
  });
  const t = averaged(rates, options, grid);
  return t ? { timelines: { ...t, names: namesOf(series) }, doubleCounted } : { doubleCounted };
}

/** Per broker, the mean of its series: several series for one broker (pools, duplicates) average rather than add up. */
function averaged(rates: RateSeries[], options: HealthOptions, grid: TimeGrid): Timelines | undefined {
  const t = summed(rates, options, grid);
  if (!t) {
    return undefined;
  }
  const counts = new Map<string, number>();
  for (const r of rates) {
    counts.set(r.broker, (counts.get(r.broker) ?? 0) + 1);
  }
  for (const [name, values] of t.byName) {
    const n = counts.get(name) ?? 1;
    if (n > 1) {
      t.byName.set(
        name,
        values.map((v) => v / n)
      );
    }
  }
  return t;
}

/**
 * Series summed per key of their own (a consumer group's partition, a topic's partition) on the
 * shared grid: the building block of readings that are not per broker.
 */
export function keyedSums(
  series: RawSeries[],
  keyOf: (s: RawSeries) => string,
  options: HealthOptions,
  grid: TimeGrid
): Timelines | undefined {
  const rates: RateSeries[] = series.map((s) => ({
    broker: keyOf(s),
    times: s.times,
    values: s.values,
    instant: s.instant,
  }));
  return summed(rates, options, grid);
}

/** Like keyedSums, but several series of one key average (the same partition from two exporters). */
export function keyedMeans(
  series: RawSeries[],
  keyOf: (s: RawSeries) => string,
  options: HealthOptions,
  grid: TimeGrid
): Timelines | undefined {
  return averaged(
    series.map((s) => ({ broker: keyOf(s), times: s.times, values: s.values, instant: s.instant })),
    options,
    grid
  );
}

/** Gauges averaged per broker (latencies: two series of one broker do not add up). */
export function gaugeMeans(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid
): Timelines | undefined {
  const t = averaged(perBroker(series, options, brokerLabel), options, grid);
  return t && { ...t, names: namesOf(series) };
}

export const GROUP_LABELS = ['consumergroup', 'group', 'consumer_group'];

/** Consumer lag summed per group over its partitions; topics remembered per group. */
export function groupLags(series: RawSeries[], options: HealthOptions, grid: TimeGrid): Timelines | undefined {
  const label = GROUP_LABELS.find((l) => series.some((s) => s.labels[l] !== undefined));
  // Per-partition series of one group and topic add up; '' keeps a topic-less series off the
  // all-topics path.
  const rates: RateSeries[] = series.map((s) => ({
    broker: (label && s.labels[label]) || '(no group label)',
    topic: s.labels.topic ?? '',
    times: s.times,
    values: s.values,
    instant: s.instant,
  }));
  const t = summed(rates, options, grid);
  return t && { ...t, names: namesOf(series) };
}

/** The latest finite value of a timeline. */
export function latest(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) {
    if (Number.isFinite(values[i])) {
      return values[i];
    }
  }
  return NaN;
}

/** Current rate of a timeline the way the panel reduces messages-in. */
export function current(values: Float64Array, axis: Axis, options: HealthOptions): number {
  const identity = Int32Array.from({ length: values.length }, (_, i) => i);
  return reduceRate(values, identity, axis.freshStart, options.rateReducer);
}

/** In the order of METRIC_ROLES, whatever order the series came in. */
export function summarizeRoles(byRole: Map<MetricRole, RawSeries[]>): RoleSummary[] {
  return METRIC_ROLES.map((role): [MetricRole, RawSeries[]] => [role, byRole.get(role) ?? []])
    .filter(([, s]) => s.length > 0)
    .map(([role, s]) => ({ role, series: s.length, refIds: refIdsOf(s) }));
}

/**
 * The distinct refIds of the series, sorted. Neighbours nearly always share theirs (one query's
 * series come together), and 100k series are visited in the order they lie in memory.
 */
export function refIdsOf(series: readonly RawSeries[]): string[] {
  const visit = readingOrder(series);
  const ids = new Set<string>();
  let last: string | undefined;
  for (let k = 0; k < series.length; k++) {
    const refId = series[visit ? visit[k] : k].refId;
    if (refId !== last) {
      ids.add(refId);
      last = refId;
    }
  }
  return Array.from(ids).sort();
}

/**
 * A controller count per step: the highest any instance reports. Every KRaft controller reports
 * the cluster's whole offline-partition count (in ZooKeeper mode only the active controller does),
 * so a sum would count the same partitions once per controller; the preferred-replica imbalance
 * comes from the active controller alone.
 */
export function highestTimeline(t: Timelines): Float64Array {
  const out = new Float64Array(t.axis.times.length).fill(NaN);
  for (const values of t.byName.values()) {
    for (let i = 0; i < out.length; i++) {
      const v = values[i];
      if (Number.isFinite(v) && !(v <= out[i])) {
        out[i] = v;
      }
    }
  }
  return out;
}

/** The sum over the instances at each step (the cluster's timeline of a per-broker signal). */
export function summedTimeline(t: Timelines): Float64Array {
  return clusterTimeline(
    Array.from(t.byName.values(), (values) => ({ values })),
    t.axis.times.length
  );
}

/** Events over the range from their rate (per second): the rate summed over the steps, rounded. */
export function eventsIn(t: Timelines): number {
  const seconds = t.axis.step / 1000;
  let total = 0;
  for (const values of t.byName.values()) {
    for (let i = 0; i < values.length; i++) {
      total += values[i] > 0 ? values[i] * seconds : 0;
    }
  }
  return Math.round(total);
}

/** Each broker's current bytes/s, where it has one. */
export function brokerByteRates(t: Timelines | undefined, options: HealthOptions): Map<string, number> {
  const out = new Map<string, number>();
  if (t) {
    for (const [broker, values] of t.byName) {
      const r = current(values, t.axis, options);
      if (Number.isFinite(r)) {
        out.set(broker, r);
      }
    }
  }
  return out;
}
