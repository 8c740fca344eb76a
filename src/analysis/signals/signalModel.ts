/**
 * Everything beyond messages-in, read into the model: the series split by role, each role's
 * timelines on the shared grid, the per-broker and per-topic figures. The checks of those roles
 * run from the registry (checks/run.ts) like every other check.
 */
import type { BrokerStat, ConsumerGroupStat, HealthOptions, MetricRole, SignalsSummary } from '../types';
import type { RawSeries } from '../read/series';
import type { TimeGrid } from '../model/timeline';
import {
  brokerByteRates,
  byteRates,
  gaugeSums,
  groupLags,
  idleRatios,
  latest,
  highestTimeline,
  eventsIn,
  gaugeMeans,
  refIdsOf,
  summarizeRoles,
  Timelines,
} from './brokerSignals';
import { requestLatencies, type RequestKind } from './latency';
import { partitionLag, type PartitionLag } from './lagTime';

export interface SplitSeries {
  messagesIn: RawSeries[];
  byRole: Map<MetricRole, RawSeries[]>;
  /** Query text per refId, where Grafana reported it (units are sometimes only visible there). */
  queries: Readonly<Record<string, string>>;
}

/**
 * Series of unknown role stay with messages-in, which reads them as before (or lists them as ignored).
 * `messagesInOnly`: the reader found no other role (ExtractedSeries.messagesInOnly), so there is
 * nothing to split — and no pass over 100k series, each a cache miss when they came unsorted.
 */
export function splitByRole(
  series: RawSeries[],
  queries: Readonly<Record<string, string>> = {},
  messagesInOnly = false
): SplitSeries {
  const byRole = new Map<MetricRole, RawSeries[]>();
  if (messagesInOnly) {
    return { messagesIn: series, byRole, queries };
  }
  // Built once a series of another role shows up: with messages-in alone (a dashboard's one
  // query) the list is the input itself, not a copy of 100k entries.
  let messagesIn: RawSeries[] | undefined;
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    const role = s.role;
    if (!role || role === 'messagesIn') {
      messagesIn?.push(s);
    } else {
      messagesIn ??= series.slice(0, i);
      (byRole.get(role) ?? byRole.set(role, []).get(role)!).push(s);
    }
  }
  return { messagesIn: messagesIn ?? series, byRole, queries };
}

/**
 * Idle gauges read 0–1 in the jmx_exporter examples and 0–100 in some exporter configs: readings
 * above 1.5 anywhere are percentages, scaled to ratios.
 */
function asRatios(t: Timelines | undefined): Timelines | undefined {
  if (!t) {
    return t;
  }
  let max = -Infinity;
  for (const values of t.byName.values()) {
    for (let i = 0; i < values.length; i++) {
      max = values[i] > max ? values[i] : max;
    }
  }
  if (!(max > 1.5)) {
    return t;
  }
  return { ...t, byName: new Map(Array.from(t.byName, ([name, values]) => [name, values.map((v) => v / 100)])) };
}

/**
 * Disk usage as a 0–1 fraction: a percentage (readings above 1.5) is scaled; readings above 100
 * are bytes (used bytes without the capacity), which no threshold can judge: said, not read.
 */
function diskUsage(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid
): Pick<SignalModel, 'diskUsage' | 'diskNotFraction'> {
  if (series.length === 0) {
    return {};
  }
  const bytes = series.filter((s) => Array.prototype.some.call(s.values, (v: number) => v > 100));
  const fractions = series.filter((s) => !bytes.includes(s));
  return {
    diskUsage: fractions.length > 0 ? asRatios(gaugeMeans(fractions, options, brokerLabel, grid)) : undefined,
    diskNotFraction: bytes.length > 0 ? Array.from(new Set(bytes.map((s) => s.refId))).sort() : undefined,
  };
}

/** The highest latest reading over the series (only the active controller reports a count). */
function maxLatest(t: Timelines | undefined): number | undefined {
  if (!t) {
    return undefined;
  }
  let max = -Infinity;
  for (const values of t.byName.values()) {
    const v = latest(values);
    max = v > max ? v : max;
  }
  return Number.isFinite(max) ? max : undefined;
}

/** The signals beyond messages-in, read once into the model before any check runs. */
export interface SignalModel {
  split: SplitSeries;
  bytesIn?: Timelines;
  bytesOut?: Timelines;
  /** Request-handler idle ratios (0–1), for the queries that could be judged. */
  idle?: Timelines;
  /** Idle readings above 1 (the combined-mode meter): not judged, said once. */
  idleDoubleCounted?: { level: number; refIds: string[] };
  /** Network-processor idle ratios (0–1). */
  networkIdle?: Timelines;
  underReplicated?: Timelines;
  underMinIsr?: Timelines;
  offlineLogDirs?: Timelines;
  offline?: Timelines;
  controllers?: Timelines;
  /** Leaders and replicas per broker; the active controller's preferred-replica imbalance. */
  leaders?: Timelines;
  partitions?: Timelines;
  preferredImbalance?: Timelines;
  /** Unclean leader elections per second (from the counter). */
  uncleanElections?: Timelines;
  /** ISR shrinks and expands per second per broker (from the counters). */
  isrShrinks?: Timelines;
  isrExpands?: Timelines;
  /** Bytes of log per broker (the per-partition sizes summed). */
  logSize?: Timelines;
  /** Used fraction (0–1) of each broker's data disk. */
  diskUsage?: Timelines;
  /** A disk-usage query that returns bytes, not a fraction: its refIds, not judged. */
  diskNotFraction?: string[];
  /** p99 request time (ms) per request type (Produce, FetchConsumer, FetchFollower) and broker. */
  latency?: Map<RequestKind, Timelines>;
  lag?: Timelines;
  /** Lag per group partition and produce rate per topic partition: lag in time (signals/lagTime.ts). */
  partitionLag?: PartitionLag;
  /** Current bytes/s per broker. */
  inRates: Map<string, number>;
  outRates: Map<string, number>;
  /** Current bytes in per topic, when the bytes-in query keeps the topic label. */
  topicBytes: Map<string, number>;
}

/** A broker's latest fresh value in a role's timelines; NaN when it has none (or only a stale one). */
function latestOf(t: Timelines | undefined, broker: string): number {
  const values = t?.byName.get(broker);
  if (!t || !values) {
    return NaN;
  }
  for (let i = values.length - 1; i >= t.axis.freshStart; i--) {
    if (Number.isFinite(values[i])) {
      return values[i];
    }
  }
  return NaN;
}

function nonEmpty<K, V>(m: Map<K, V>): Map<K, V> | undefined {
  return m.size > 0 ? m : undefined;
}

function finiteOrUndefined(v: number): number | undefined {
  return Number.isFinite(v) ? v : undefined;
}

function sumLatest(t: Timelines | undefined): number | undefined {
  if (!t) {
    return undefined;
  }
  let sum = 0;
  let any = false;
  for (const values of t.byName.values()) {
    const v = latest(values);
    if (Number.isFinite(v)) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : undefined;
}

/** Reads every role beyond messages-in onto the shared grid. */
export function buildSignals(
  split: SplitSeries,
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid
): SignalModel {
  const get = (role: MetricRole) => split.byRole.get(role) ?? [];
  const has = (role: MetricRole) => get(role).length > 0;
  const bytesIn = has('bytesIn') ? byteRates(get('bytesIn'), options, brokerLabel, grid, split.queries) : undefined;
  const bytesOut = has('bytesOut') ? byteRates(get('bytesOut'), options, brokerLabel, grid, split.queries) : undefined;
  const idleRead = has('requestHandlerIdle')
    ? idleRatios(get('requestHandlerIdle'), options, brokerLabel, grid, split.queries)
    : undefined;
  const topicBytes = new Map<string, number>();
  for (const perTopic of bytesIn?.topics.values() ?? []) {
    for (const [topic, rate] of perTopic) {
      topicBytes.set(topic, (topicBytes.get(topic) ?? 0) + rate);
    }
  }
  return {
    split,
    bytesIn,
    bytesOut,
    idle: idleRead?.timelines,
    idleDoubleCounted: idleRead?.doubleCounted,
    underReplicated: has('underReplicated') ? gaugeSums(get('underReplicated'), options, brokerLabel, grid) : undefined,
    networkIdle: has('networkProcessorIdle')
      ? asRatios(gaugeSums(get('networkProcessorIdle'), options, brokerLabel, grid))
      : undefined,
    underMinIsr: has('underMinIsr') ? gaugeSums(get('underMinIsr'), options, brokerLabel, grid) : undefined,
    offlineLogDirs: has('offlineLogDirs') ? gaugeSums(get('offlineLogDirs'), options, brokerLabel, grid) : undefined,
    offline: has('offlinePartitions') ? gaugeSums(get('offlinePartitions'), options, brokerLabel, grid) : undefined,
    controllers: has('activeControllers') ? gaugeSums(get('activeControllers'), options, brokerLabel, grid) : undefined,
    leaders: has('leaderCount') ? gaugeSums(get('leaderCount'), options, brokerLabel, grid) : undefined,
    partitions: has('partitionCount') ? gaugeSums(get('partitionCount'), options, brokerLabel, grid) : undefined,
    preferredImbalance: has('preferredReplicaImbalance')
      ? gaugeSums(get('preferredReplicaImbalance'), options, brokerLabel, grid)
      : undefined,
    uncleanElections: has('uncleanElections')
      ? byteRates(get('uncleanElections'), options, brokerLabel, grid, split.queries)
      : undefined,
    isrShrinks: has('isrShrinks') ? byteRates(get('isrShrinks'), options, brokerLabel, grid, split.queries) : undefined,
    isrExpands: has('isrExpands') ? byteRates(get('isrExpands'), options, brokerLabel, grid, split.queries) : undefined,
    logSize: has('logSize') ? gaugeSums(get('logSize'), options, brokerLabel, grid) : undefined,
    ...diskUsage(get('diskUsage'), options, brokerLabel, grid),
    latency: has('requestLatency')
      ? nonEmpty(requestLatencies(get('requestLatency'), options, brokerLabel, grid))
      : undefined,
    partitionLag:
      has('consumerLag') && has('partitionOffsets')
        ? partitionLag(get('consumerLag'), get('partitionOffsets'), options, grid)
        : undefined,
    lag: has('consumerLag') ? groupLags(get('consumerLag'), options, grid) : undefined,
    inRates: brokerByteRates(bytesIn, options),
    outRates: brokerByteRates(bytesOut, options),
    topicBytes,
  };
}

/** The figures a broker row shows as the latest fresh reading of a signal. */
const LATEST_FIGURES: ReadonlyArray<
  [
    'requestHandlerIdle' | 'underReplicated' | 'leaders' | 'partitions' | 'logSize' | 'diskUsage' | 'produceP99',
    (s: SignalModel) => Timelines | undefined,
  ]
> = [
  ['requestHandlerIdle', (s) => s.idle],
  ['underReplicated', (s) => s.underReplicated],
  ['leaders', (s) => s.leaders],
  ['partitions', (s) => s.partitions],
  ['logSize', (s) => s.logSize],
  ['diskUsage', (s) => s.diskUsage],
  ['produceP99', (s) => s.latency?.get('Produce')],
];

/** A broker's figures from the other signals, fresh values only. */
export function brokerFigures(
  signals: SignalModel,
  name: string,
  rate: number
): Pick<
  BrokerStat,
  | 'bytesIn'
  | 'bytesOut'
  | 'avgMessageBytes'
  | 'requestHandlerIdle'
  | 'underReplicated'
  | 'leaders'
  | 'partitions'
  | 'produceP99'
  | 'logSize'
  | 'diskUsage'
> {
  const out: ReturnType<typeof brokerFigures> = {};
  const bytesIn = signals.inRates.get(name);
  if (bytesIn !== undefined) {
    out.bytesIn = bytesIn;
    out.avgMessageBytes = rate > 0 ? bytesIn / rate : undefined;
  }
  const bytesOut = signals.outRates.get(name);
  if (bytesOut !== undefined) {
    out.bytesOut = bytesOut;
  }
  for (const [key, timelines] of LATEST_FIGURES) {
    const v = finiteOrUndefined(latestOf(timelines(signals), name));
    if (v !== undefined) {
      out[key] = v;
    }
  }
  return out;
}

/** Bytes in ÷ messages in for a topic, when both are known. */
export function topicMessageBytes(signals: SignalModel, topic: string, rate: number): number | undefined {
  const bytes = signals.topicBytes.get(topic);
  return bytes !== undefined && rate > 0 ? bytes / rate : undefined;
}

/** The signals part of the report: which roles came, and the cluster-wide figures. */
export function signalsSummary(
  signals: SignalModel,
  messagesInSeriesCount: number,
  groups: ConsumerGroupStat[]
): SignalsSummary {
  const roles = summarizeRoles(signals.split.byRole);
  if (messagesInSeriesCount > 0) {
    roles.unshift({
      role: 'messagesIn',
      series: messagesInSeriesCount,
      refIds: refIdsOf(signals.split.messagesIn),
    });
  }
  return {
    roles,
    underReplicated: sumLatest(signals.underReplicated),
    underMinIsr: sumLatest(signals.underMinIsr),
    offlineLogDirs: sumLatest(signals.offlineLogDirs),
    offlinePartitions: signals.offline ? finiteOrUndefined(latest(highestTimeline(signals.offline))) : undefined,
    activeControllers: sumLatest(signals.controllers),
    uncleanElections: signals.uncleanElections ? eventsIn(signals.uncleanElections) : undefined,
    isrShrinks: signals.isrShrinks ? eventsIn(signals.isrShrinks) : undefined,
    isrExpands: signals.isrExpands ? eventsIn(signals.isrExpands) : undefined,
    preferredReplicaImbalance: maxLatest(signals.preferredImbalance),
    consumerGroups: groups,
  };
}

export function emptySignals(): SignalsSummary {
  return { roles: [], consumerGroups: [] };
}
