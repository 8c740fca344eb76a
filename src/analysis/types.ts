/**
 * Public types of the analysis core. Everything the panel shows is described here,
 * so the React side never has to reach into the analysis internals.
 */

export type Severity = 'info' | 'warning' | 'critical';

export type Verdict = 'ok' | 'warning' | 'critical' | 'nodata';

/** Every check, listed once in checks/registry.ts (their order is the finding order). */
export type { CheckId, FindingUnit } from './checks/registry';
import type { CheckId, FindingUnit } from './checks/registry';

/** The Kafka signal a series carries (see signals/roles.ts for the metric spellings). */
export type MetricRole =
  | 'messagesIn'
  | 'bytesIn'
  | 'bytesOut'
  | 'requestHandlerIdle'
  | 'networkProcessorIdle'
  | 'underReplicated'
  | 'underMinIsr'
  | 'offlineLogDirs'
  | 'offlinePartitions'
  | 'activeControllers'
  | 'uncleanElections'
  | 'isrShrinks'
  | 'isrExpands'
  | 'requestLatency'
  | 'logSize'
  | 'diskUsage'
  | 'partitionOffsets'
  | 'leaderCount'
  | 'partitionCount'
  | 'preferredReplicaImbalance'
  | 'consumerLag';

/** A pair of levels. A value of 0 switches that level off. */
export interface LevelThresholds {
  warning: number;
  critical: number;
}

/** Thresholds of the checks: each check declares its own (checks/*.ts), gathered in thresholds.ts. */
export type { HealthThresholds } from './thresholds';
import type { HealthThresholds } from './thresholds';

/** How a series over a time range is reduced to the "current" rate. */
export type RateReducer = 'last' | 'mean' | 'max';

export interface TimeRangeMs {
  from: number;
  to: number;
}

export interface HealthOptions {
  /** Label naming the broker, or 'auto'. */
  brokerLabel: string;
  /** Label naming the topic, or 'auto'. */
  topicLabel: string;
  /** Cluster total (msg/s) below which balance and stall checks have nothing to judge. */
  minRate: number;
  /** Exact metric name to analyse, or '' to recognise the known messages-in spellings. */
  metricName: string;
  rateReducer: RateReducer;
  thresholds: HealthThresholds;
  /** Panel option: the role of each query (refId); queries not listed are recognised by name. */
  roles: Record<string, MetricRole>;
  /** Dashboard time range in ms since epoch. */
  timeRange?: TimeRangeMs;
  /**
   * The moment to judge (ms since epoch): the panel passes the clock. The report judges
   * min(now, timeRange.to); without `now`, timeRange.to; without either, the latest sample.
   */
  now?: number;
  /** Span of the recent window in minutes (at least two steps): what "now" looks at. */
  recentMinutes: number;
  /** Span (minutes) of the level before a shift, that drop, spike and stall compare the present with. */
  shiftMinutes: number;
  /** Label telling clusters apart: 'auto' (when broker names repeat across its values), 'none', or a label. */
  clusterLabel: string;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What callers may pass: any subset, deep-merged over the defaults. */
export type HealthOptionsInput = DeepPartial<HealthOptions>;

export interface Finding {
  check: CheckId;
  severity: Severity;
  /** Broker or topic the finding is about. */
  subject?: string;
  /** Whether `subject` names a broker or a topic. */
  subjectKind?: 'broker' | 'topic';
  message: string;
  /** The measured figure, in the unit of `threshold`. */
  value?: number;
  threshold?: number;
  suggestion?: string;
  /** The cluster it is about, when the data holds several (see `HealthReport.clusters`). */
  cluster?: string;
  /** How `value` and `threshold` read, as the check declares it (checks/registry.ts). */
  unit?: FindingUnit;
  /** The sentence `message` and `suggestion` were rendered from (messages.ts), and its figures and names. */
  messageKey?: string;
  params?: Readonly<Record<string, string | number>>;
  /** Commands to copy, filled from the data (analysis/commands.ts); code, not translated. */
  commands?: readonly string[];
}

/**
 * One problem with what follows from it: a broker down (the cause) and the under-replicated
 * partitions of the others, the imbalance among the survivors (its effects). Every finding of the
 * report is in exactly one incident, as its cause or as an effect.
 */
export interface Incident {
  cause: Finding;
  /** Findings that follow from the cause, in report order. */
  effects: Finding[];
  /** The worst of the cause and its effects. */
  severity: Severity;
}

export interface NotEvaluated {
  check: CheckId;
  reason: string;
}

/**
 * What a broker's row says, the worst of what the checks found about it: missing, stalled,
 * overloaded (its own capacity), saturated (request handlers busy), under-replicated (leads
 * partitions short of replicas), hot or idle (the imbalance check), else ok.
 */
export type BrokerStatus =
  | 'ok'
  | 'hot'
  | 'idle'
  | 'slow'
  | 'under-replicated'
  | 'saturated'
  | 'overloaded'
  | 'disk-full'
  | 'log-dir-offline'
  | 'stalled'
  | 'missing';

export interface BrokerStat {
  name: string;
  /** Current rate (msg/s) by `rateReducer`. */
  rate: number;
  /** Fraction of the cluster total (0–1). */
  share: number;
  /** (rate − mean) / mean over reporting brokers. */
  deviation: number;
  status: BrokerStatus;
  /** Number of topics seen on this broker. */
  topicCount: number;
  /** True when the total comes from the broker's all-topics series rather than a sum of topics. */
  fromAllTopicsSeries: boolean;
  /** Median rate in the baseline and recent windows (range data only). */
  baseline?: number;
  recent?: number;
  /** Rate per step on `report.timeline.times` (range data only); null where the broker reported nothing. */
  series?: Array<number | null>;
  /** Bytes/s in and out, when those queries are present. */
  bytesIn?: number;
  bytesOut?: number;
  /** Bytes in ÷ messages in. */
  avgMessageBytes?: number;
  /** Request-handler idle ratio (0–1), latest. */
  requestHandlerIdle?: number;
  /** Partitions this broker leads, and replicas it holds, latest. */
  leaders?: number;
  partitions?: number;
  /** Bytes of log on this broker (all its replicas), latest. */
  logSize?: number;
  /** Used share (0–1) of its data disk, latest. */
  diskUsage?: number;
  /** p99 Produce request time (ms), latest. */
  produceP99?: number;
  /** Under-replicated partitions led by this broker, latest. */
  underReplicated?: number;
  /** Its cluster, when the data holds several. */
  cluster?: string;
  /**
   * The name without the domain and port every broker of the cluster shares (`kafka-3` for
   * `kafka-3.kafka-headless.svc:7071`), when that leaves the names distinct (names.ts).
   */
  shortName?: string;
  /** A missing broker: the time (ms) of its last sample, "down since". */
  silentSince?: number;
}

export interface TopicBrokerStat {
  name: string;
  rate: number;
  /** Fraction of this topic's traffic (0–1). */
  share: number;
}

export interface TopicStat {
  name: string;
  rate: number;
  /** Fraction of the cluster total (0–1). */
  share: number;
  /** Largest fraction of this topic's traffic on one broker (0–1). */
  maxBrokerShare: number;
  skewed: boolean;
  brokers: TopicBrokerStat[];
  /** Bytes in ÷ messages in, when the bytes-in query keeps the topic label. */
  avgMessageBytes?: number;
  /** Its cluster, when the data holds several. */
  cluster?: string;
}

export interface ClusterStat {
  totalRate: number;
  avgPerBroker: number;
  minRate: number;
  maxRate: number;
  minBroker?: string;
  maxBroker?: string;
  /** Brokers reporting now (a missing broker is not counted). */
  brokerCount: number;
  /** Brokers seen anywhere in the data, reporting or not. */
  brokersSeen: number;
  topicCount: number;
  /** max |rate − mean| / mean over reporting brokers; 0 with fewer than two. */
  imbalance: number;
  baseline?: number;
  recent?: number;
  /** Cluster rate per step on `report.timeline.times` (range data only). */
  series?: Array<number | null>;
}

export interface Timeline {
  times: number[];
  /** Step in ms (the query interval). */
  step: number;
  /** Index of the first step of the recent window. */
  recentStart: number;
  /** The moment judged (ms): min(now, range end), or the latest data when every series lags alike. */
  judgeAt: number;
}

/** A broker's (or the cluster's) state over part of the range, on the health timeline. */
export type StepState = 'ok' | 'warning' | 'critical' | 'down';

export interface TimelineSegment {
  /** Start of its first step (ms). */
  from: number;
  /** End of its last step (ms). */
  to: number;
  state: StepState;
}

/** Each broker's state, and the cluster's, across the range (range data only). */
export interface HealthTimeline {
  cluster: TimelineSegment[];
  /** In the order of `brokers`. */
  brokers: Array<{ name: string; segments: TimelineSegment[] }>;
}

export interface IgnoredSeries {
  series: string;
  reason: string;
}

export interface DataSummary {
  kind: 'range' | 'instant' | 'none';
  /** Messages-in series used after de-duplication. */
  seriesUsed: number;
  seriesIgnored: number;
  /** The first ignored series with reasons (capped). */
  ignored: IgnoredSeries[];
  brokerLabel?: string;
  topicLabel?: string;
  metricNames: string[];
  /** True when the values were cumulative counters (rates derived or unusable). */
  rawCounters: boolean;
  /** Notices from the data source (e.g. Prometheus warnings). */
  notices: string[];
  refIds: string[];
}

export type ConsumerGroupStatus = 'ok' | 'behind' | 'growing' | 'stalled';

export interface ConsumerGroupStat {
  name: string;
  /** Latest total lag (messages) over the group's partitions. */
  lag: number;
  /** Lag growth over the recent window (messages/s); range data only. */
  growthPerSec?: number;
  /** Produce rate of the group's topics (msg/s), when messages-in per topic is known. */
  produceRate?: number;
  /**
   * How far behind its producers (seconds): the worst partition's lag ÷ that partition's produce
   * rate, when the partition offsets are queried. Partitions with lag and no production have no
   * estimate (`noEstimate` counts them).
   */
  behindSeconds?: number;
  /** The partition that is furthest behind ("topic/partition"). */
  behindPartition?: string;
  noEstimate?: number;
  status: ConsumerGroupStatus;
  topics: string[];
  series?: Array<number | null>;
  /** Its cluster, when the data holds several. */
  cluster?: string;
}

export interface RoleSummary {
  role: MetricRole;
  series: number;
  refIds: string[];
}

/** Signals beyond messages-in, present when the panel has their queries. */
export interface SignalsSummary {
  roles: RoleSummary[];
  /** Cluster sums, latest: present for the roles found. */
  underReplicated?: number;
  /** Partitions with fewer in-sync replicas than min.insync.replicas (acks=all producers fail). */
  underMinIsr?: number;
  /** Log directories offline (a failed disk). */
  offlineLogDirs?: number;
  offlinePartitions?: number;
  activeControllers?: number;
  /** Partitions led by a replica other than the preferred one (the active controller's count). */
  preferredReplicaImbalance?: number;
  /** Unclean leader elections in the range (an estimate from the counter's rate). */
  uncleanElections?: number;
  /** ISR shrinks and expands in the range, over all brokers (estimates from the counters' rates). */
  isrShrinks?: number;
  isrExpands?: number;
  consumerGroups: ConsumerGroupStat[];
}

export interface HealthReport {
  verdict: Verdict;
  signals: SignalsSummary;
  findings: Finding[];
  /** The findings grouped by cause, worst first: the verdict's reason is the first one's cause. */
  incidents: Incident[];
  cluster: ClusterStat;
  brokers: BrokerStat[];
  topics: TopicStat[];
  notEvaluated: NotEvaluated[];
  timeline?: Timeline;
  /** Each broker's state across the range: since when, and who first. */
  health?: HealthTimeline;
  data: DataSummary;
  /**
   * When the data holds several clusters (a label such as `cluster` or `env` whose values repeat
   * broker names): each one's own report, worst first. The report above is their union.
   */
  clusters?: ClusterReport[];
}

export interface ClusterReport {
  /** The value of the cluster label. */
  name: string;
  /** The label that tells the clusters apart. */
  label: string;
  report: HealthReport;
}
