/**
 * Several Kafka clusters in one query (`$env = All`, a Strimzi namespace per cluster): a label
 * such as `cluster` or `env` splits series whose broker names repeat. Summed per broker name they
 * would merge two brokers into one and hide a stalled broker behind its healthy namesake, so each
 * cluster is analysed on its own and the report is their union: every broker, topic and finding
 * names its cluster, the figures are summed, and the verdict is the worst of them.
 */
import { copyWith } from './model/lazy';
import type { BrokerStat, ClusterReport, Finding, HealthOptions, HealthReport, Verdict } from './types';
import type { ExtractedSeries } from './read/extractSeries';
import type { RawSeries } from './read/series';
import { BROKER_LABEL_CANDIDATES, chooseLabel, labelNames, usableLabel } from './metric/labels';
import { compareNames } from './names';
import { orderFindings } from './findings';
import { incidentsOf } from './incidents';
import { rateExtremes, takesTraffic } from './live';

/** Labels that name a cluster, most specific first (`job` last: it often names the exporter). */
export const CLUSTER_LABEL_CANDIDATES = [
  'cluster',
  'kafka_cluster',
  'strimzi_io_cluster',
  'env',
  'environment',
  'namespace',
  'job',
];

/** The part of the data without the cluster label. */
export const NO_CLUSTER = '(no cluster label)';

export interface ClusterSplit {
  label: string;
  parts: Array<{ name: string; extracted: ExtractedSeries }>;
}

const isMessagesIn = (s: RawSeries) => !s.role || s.role === 'messagesIn';

/**
 * Whether `label` holds two clusters or more in the messages-in series: broker names repeat across
 * its values. Read through the series as they are (other roles skipped, no list of the messages-in
 * series made), and first for a second value at all: most often the label holds one (`job="kafka"`
 * on every series), which needs no maps.
 */
function splits(series: RawSeries[], label: string, brokerLabel: string, explicit: boolean): boolean {
  let first: string | undefined;
  let varies = false;
  for (let i = 0; i < series.length && !varies; i++) {
    const s = series[i];
    const value = isMessagesIn(s) ? s.labels[label] : undefined;
    if (value !== undefined && s.labels[brokerLabel] !== undefined) {
      first ??= value;
      varies = value !== first;
    }
  }
  if (!varies) {
    return false;
  }
  const clusterOf = new Map<string, string>();
  const values = new Set<string>();
  let repeats = false;
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    if (!isMessagesIn(s)) {
      continue;
    }
    const value = s.labels[label];
    const broker = s.labels[brokerLabel];
    if (value === undefined || broker === undefined) {
      continue;
    }
    values.add(value);
    const seen = clusterOf.get(broker);
    if (seen === undefined) {
      clusterOf.set(broker, value);
    } else if (seen !== value) {
      repeats = true;
    }
  }
  return values.size >= 2 && (repeats || explicit);
}

/**
 * The clusters in the data, or undefined for one cluster. The cluster-label option is `auto`
 * (the first candidate label that splits repeating broker names), `none`, or a label name (split
 * by it whenever it has two values or more).
 */
export function splitClusters(extracted: ExtractedSeries, options: HealthOptions): ClusterSplit | undefined {
  if (options.clusterLabel === 'none') {
    return undefined;
  }
  const present = extracted.messageLabelNames ?? labelNames(extracted.series.filter(isMessagesIn));
  const brokerLabel = chooseLabel(present, options.brokerLabel, BROKER_LABEL_CANDIDATES).label;
  if (!brokerLabel) {
    return undefined;
  }
  const explicit = options.clusterLabel !== 'auto';
  // Only labels the series carry are read through (a pass over every series each).
  const label = (explicit ? [options.clusterLabel] : CLUSTER_LABEL_CANDIDATES).find(
    (l) => l !== brokerLabel && usableLabel(present, l) && splits(extracted.series, l, brokerLabel, explicit)
  );
  if (!label) {
    return undefined;
  }
  const groups = new Map<string, RawSeries[]>();
  for (let i = 0; i < extracted.series.length; i++) {
    const s = extracted.series[i];
    const name = s.labels[label] ?? NO_CLUSTER;
    (groups.get(name) ?? groups.set(name, []).get(name)!).push(s);
  }
  return {
    label,
    parts: Array.from(groups, ([name, series]) => ({
      name,
      extracted: { ...extracted, series, messageLabelNames: undefined },
    })),
  };
}

const RANK: Record<Verdict, number> = { critical: 0, warning: 1, ok: 2, nodata: 3 };

/** The union of the clusters' reports, worst cluster first. */
export function mergeClusterReports(label: string, parts: Array<{ name: string; report: HealthReport }>): HealthReport {
  const clusters: ClusterReport[] = parts
    .map(({ name, report }) => ({ name, label, report }))
    .sort((a, b) => RANK[a.report.verdict] - RANK[b.report.verdict] || compareNames(a.name, b.name));
  const judged = clusters.filter((c) => c.report.verdict !== 'nodata');
  const verdict: Verdict = judged.length ? judged[0].report.verdict : 'nodata';
  const findings: Finding[] = clusters.flatMap((c) =>
    c.report.findings.map((f) => ({ ...f, cluster: c.name, message: `${c.name}: ${f.message}` }))
  );
  const brokers: BrokerStat[] = clusters.flatMap((c) => c.report.brokers.map((b) => copyWith(b, { cluster: c.name })));
  const live = brokers.filter(takesTraffic);
  const { min, max } = rateExtremes(brokers);
  const sum = (pick: (r: HealthReport) => number | undefined) =>
    clusters.reduce((a, c) => a + (pick(c.report) ?? 0), 0);
  const anyOf = (pick: (r: HealthReport) => number | undefined) =>
    clusters.some((c) => pick(c.report) !== undefined) ? sum(pick) : undefined;
  const totalRate = sum((r) => r.cluster.totalRate);
  const brokerCount = sum((r) => r.cluster.brokerCount);
  const liveCount = live.length;
  const first = clusters[0].report;
  const ordered = orderFindings(findings);
  return {
    verdict,
    findings: ordered,
    incidents: incidentsOf(ordered),
    cluster: {
      totalRate,
      avgPerBroker: liveCount > 0 ? live.reduce((a, b) => a + b.rate, 0) / liveCount : 0,
      minRate: min?.rate ?? 0,
      maxRate: max?.rate ?? 0,
      minBroker: min && `${min.cluster} · ${min.name}`,
      maxBroker: max && `${max.cluster} · ${max.name}`,
      brokerCount,
      brokersSeen: sum((r) => r.cluster.brokersSeen),
      topicCount: sum((r) => r.cluster.topicCount),
      // Balance is judged within a cluster: the worst of them.
      imbalance: clusters.reduce((m, c) => Math.max(m, c.report.cluster.imbalance), 0),
    },
    brokers,
    topics: clusters.flatMap((c) => c.report.topics.map((t) => ({ ...t, cluster: c.name }))),
    notEvaluated: clusters.flatMap((c) =>
      c.report.notEvaluated.map((n) => ({ ...n, reason: `${c.name}: ${n.reason}` }))
    ),
    signals: {
      roles: first.signals.roles,
      underReplicated: anyOf((r) => r.signals.underReplicated),
      underMinIsr: anyOf((r) => r.signals.underMinIsr),
      offlineLogDirs: anyOf((r) => r.signals.offlineLogDirs),
      uncleanElections: anyOf((r) => r.signals.uncleanElections),
      isrShrinks: anyOf((r) => r.signals.isrShrinks),
      isrExpands: anyOf((r) => r.signals.isrExpands),
      preferredReplicaImbalance: anyOf((r) => r.signals.preferredReplicaImbalance),
      offlinePartitions: anyOf((r) => r.signals.offlinePartitions),
      // One active controller per cluster: a sum over clusters would read as a split brain.
      activeControllers: clusters.length === 1 ? first.signals.activeControllers : undefined,
      consumerGroups: clusters.flatMap((c) => c.report.signals.consumerGroups.map((g) => ({ ...g, cluster: c.name }))),
    },
    timeline: first.timeline,
    data: {
      ...first.data,
      seriesUsed: sum((r) => r.data.seriesUsed),
      seriesIgnored: sum((r) => r.data.seriesIgnored),
      ignored: clusters.flatMap((c) => c.report.data.ignored).slice(0, 50),
    },
    clusters,
  };
}
