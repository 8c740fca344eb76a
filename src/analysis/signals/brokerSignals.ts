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
import { Axis, buildAxis } from '../model/timeline';
import { aggregate, reduceRate } from '../model/aggregate';
import type { RawSeries } from '../read/series';
import { median } from '../stats';
import { METRIC_ROLES } from './roles';

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

function summed(prepared: RateSeries[], options: HealthOptions): Timelines | undefined {
  if (prepared.length === 0) {
    return undefined;
  }
  const axis = buildAxis(prepared, options.timeRange);
  const { brokers, topicBrokerRates } = aggregate(prepared, axis, options.rateReducer);
  const byName = new Map(brokers.map((b) => [b.name, b.values]));
  const topics = new Map<string, Map<string, number>>();
  for (const [topic, perBroker] of topicBrokerRates) {
    for (const [broker, rate] of perBroker) {
      let m = topics.get(broker);
      if (!m) {
        m = new Map();
        topics.set(broker, m);
      }
      m.set(topic, rate);
    }
  }
  return { axis, byName, topics, names: [] };
}

/** Bytes in or out: counters like messages-in, all-topics series handled the same way. */
export function byteRates(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined
): Timelines | undefined {
  const prepared = prepareSeries(
    series,
    { metricName: '', brokerLabel: brokerLabel ?? options.brokerLabel, topicLabel: options.topicLabel },
    counterName
  );
  const t = summed(prepared.rates, options);
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

/** Gauges summed per broker (URP, offline partitions, active controllers). */
export function gaugeSums(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined
): Timelines | undefined {
  const label = labelFor(series, options, brokerLabel);
  const rates: RateSeries[] = series.map((s) => ({
    broker: brokerOf(s.labels, label),
    times: s.times,
    values: s.values,
    instant: s.instant,
  }));
  const t = summed(rates, options);
  return t && { ...t, names: namesOf(series) };
}

/**
 * Request-handler idle as a 0–1 ratio per broker, whatever form arrives: the MeanRate gauge
 * (0–1), a percentage (0–100), the raw idle-nanoseconds count, or its rate() (about 1e9 × ratio).
 */
export function idleRatios(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined
): Timelines | undefined {
  const label = labelFor(series, options, brokerLabel);
  const derived = series.map((s) => {
    const cumulative = /(_total|_count)$/.test(s.name) && !s.instant;
    return cumulative ? deriveRates(s.times, s.values) : Float64Array.from(s.values as ArrayLike<number>);
  });
  // The unit is a property of the query, not of one broker: a percentage query whose brokers are
  // all near 1% would read as ratios near 1 if judged one series at a time.
  const levelOf = new Map<string, number>();
  series.forEach((s, i) => {
    const key = `${s.refId}|${s.name}`;
    const level = median(Array.from(derived[i]).filter((v) => Number.isFinite(v)));
    levelOf.set(key, Math.max(levelOf.get(key) ?? 0, Number.isFinite(level) ? level : 0));
  });
  const rates: RateSeries[] = series.map((s, i) => {
    const level = levelOf.get(`${s.refId}|${s.name}`) ?? 0;
    const scale = level > 1e3 ? 1e-9 : level > 1.5 ? 0.01 : 1;
    const values = scale === 1 ? derived[i] : derived[i].map((v) => v * scale);
    return { broker: brokerOf(s.labels, label), times: s.times, values, instant: s.instant };
  });
  const t = summed(rates, options);
  if (!t) {
    return undefined;
  }
  // Several series for one broker (pools, duplicates) average rather than add up.
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
  return { ...t, names: namesOf(series) };
}

const GROUP_LABELS = ['consumergroup', 'group', 'consumer_group'];

/** Consumer lag summed per group over its partitions; topics remembered per group. */
export function groupLags(series: RawSeries[], options: HealthOptions): Timelines | undefined {
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
  const t = summed(rates, options);
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
  return reduceRate(values, identity, axis.recentStart, options.rateReducer);
}

/** In the order of METRIC_ROLES, whatever order the series came in. */
export function summarizeRoles(byRole: Map<MetricRole, RawSeries[]>): RoleSummary[] {
  return METRIC_ROLES.map((role): [MetricRole, RawSeries[]] => [role, byRole.get(role) ?? []])
    .filter(([, s]) => s.length > 0)
    .map(([role, s]) => ({ role, series: s.length, refIds: Array.from(new Set(s.map((x) => x.refId))).sort() }));
}
