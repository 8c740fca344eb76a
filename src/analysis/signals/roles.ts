/**
 * Which Kafka signal a series carries. From, in order: the panel option mapping a query (refId)
 * to a role; the metric name (`__name__`); the query text Grafana reports for the query
 * (`meta.executedQueryString`); and otherwise messages-in, as before roles existed.
 *
 * | role               | spellings (jmx_exporter examples, Strimzi, Confluent, Bitnami, kafka_exporter) |
 * |--------------------|---------------------------------------------------------------------------------|
 * | bytesIn / bytesOut | kafka_server_brokertopicmetrics_bytesin_total, …_bytesinpersec(_total|_count), …_total_bytesinpersec_count |
 * | requestHandlerIdle | kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent (MeanRate gauge), …_requesthandleravgidlepercent_total / _count (nanoseconds), …_oneminuterate, cp_kafka_kafkarequesthandlerpool_… (cp-helm-charts) |
 * | networkProcessorIdle | kafka_network_socketserver_networkprocessoravgidlepercent(_value), …avgidle_percent (0–1, or 0–100) |
 * | underReplicated    | kafka_server_replicamanager_underreplicatedpartitions(_value) |
 * | underMinIsr        | kafka_server_replicamanager_underminisrpartitioncount(_value), per partition kafka_cluster_partition_underminisr (Strimzi; summed per broker) |
 * | offlineLogDirs     | kafka_log_logmanager_offlinelogdirectorycount(_value) |
 * | offlinePartitions  | kafka_controller_kafkacontroller_offlinepartitionscount(_value) |
 * | activeControllers  | kafka_controller_kafkacontroller_activecontrollercount(_value) |
 * | uncleanElections   | kafka_controller_controllerstats_uncleanleaderelections(persec)(_total|_count) |
 * | isrShrinks / isrExpands | kafka_server_replicamanager_isrshrinks(persec)(_total|_count), …_isrexpands… (counters) |
 * | requestLatency     | kafka_network_requestmetrics_totaltimems{request=Produce|FetchConsumer|FetchFollower, quantile=0.99}, …_totaltimems_99thpercentile (ms; signals/latency.ts) |
 * | logSize            | kafka_log_log_size(_value) (per partition; query `sum by (instance) (…)`) |
 * | diskUsage          | a used fraction (0–1, or 0–100) of the data disk: kubelet_volume_stats_used_bytes / …_capacity_bytes, 1 − node_filesystem_avail_bytes / …_size_bytes |
 * | leaderCount        | kafka_server_replicamanager_leadercount(_value) |
 * | partitionCount     | kafka_server_replicamanager_partitioncount(_value) |
 * | preferredReplicaImbalance | kafka_controller_kafkacontroller_preferredreplicaimbalancecount(_value) |
 * | partitionOffsets   | kafka_topic_partition_current_offset (kafka_exporter; query `sum by (topic, partition) (rate(…[5m]))`): the produce rate per partition, for lag in time |
 * | consumerLag        | kafka_consumergroup_lag, kafka_consumergroup_lag_sum (kafka_exporter) |
 */
import type { MetricRole } from '../types';

export const METRIC_ROLES: readonly MetricRole[] = [
  'messagesIn',
  'bytesIn',
  'bytesOut',
  'requestHandlerIdle',
  'networkProcessorIdle',
  'underReplicated',
  'underMinIsr',
  'offlineLogDirs',
  'offlinePartitions',
  'activeControllers',
  'uncleanElections',
  'isrShrinks',
  'isrExpands',
  'requestLatency',
  'logSize',
  'diskUsage',
  'partitionOffsets',
  'leaderCount',
  'partitionCount',
  'preferredReplicaImbalance',
  'consumerLag',
];

const NAMES: Array<[Exclude<MetricRole, 'messagesIn'>, RegExp]> = [
  ['bytesIn', /^(?:cp_)?kafka_server_brokertopicmetrics_(?:total_)?bytesin(?:persec)?(?:_total|_count)?$/i],
  ['bytesOut', /^(?:cp_)?kafka_server_brokertopicmetrics_(?:total_)?bytesout(?:persec)?(?:_total|_count)?$/i],
  [
    'requestHandlerIdle',
    // cp-helm-charts drops the `server_` of the pool's MBean domain: cp_kafka_kafkarequesthandlerpool_….
    /^(?:cp_)?kafka_(?:server_)?kafkarequesthandlerpool_requesthandleravgidle(?:percent)?(?:_percent|_total|_count|_oneminuterate|_meanrate)?$/i,
  ],
  ['underReplicated', /^(?:cp_)?kafka_server_replicamanager_underreplicatedpartitions(?:_value)?$/i],
  ['networkProcessorIdle', /^(?:cp_)?kafka_network_socketserver_networkprocessoravgidle_?percent(?:_value)?$/i],
  [
    'underMinIsr',
    /^(?:cp_)?kafka_(?:server_replicamanager_underminisrpartitioncount|cluster_partition_underminisr)(?:_value)?$/i,
  ],
  ['offlineLogDirs', /^(?:cp_)?kafka_log_logmanager_offlinelogdirectorycount(?:_value)?$/i],
  ['offlinePartitions', /^(?:cp_)?kafka_controller_kafkacontroller_offlinepartitionscount(?:_value)?$/i],
  ['activeControllers', /^(?:cp_)?kafka_controller_kafkacontroller_activecontrollercount(?:_value)?$/i],
  [
    'uncleanElections',
    /^(?:cp_)?kafka_controller_controllerstats_uncleanleaderelections(?:persec)?(?:_total|_count)?$/i,
  ],
  ['isrShrinks', /^(?:cp_)?kafka_server_replicamanager_isrshrinks(?:persec)?(?:_total|_count)?$/i],
  ['isrExpands', /^(?:cp_)?kafka_server_replicamanager_isrexpands(?:persec)?(?:_total|_count)?$/i],
  ['requestLatency', /^(?:cp_)?kafka_network_requestmetrics_totaltimems(?:_[a-z0-9]+)?$/i],
  ['logSize', /^(?:cp_)?kafka_log_log_size(?:_value)?$/i],
  [
    'diskUsage',
    /^(?:kubelet_volume_stats_(?:used|capacity|available)_bytes|node_filesystem_(?:avail|size|free)_bytes)$/,
  ],
  ['leaderCount', /^(?:cp_)?kafka_server_replicamanager_leadercount(?:_value)?$/i],
  ['partitionCount', /^(?:cp_)?kafka_server_replicamanager_partitioncount(?:_value)?$/i],
  [
    'preferredReplicaImbalance',
    /^(?:cp_)?kafka_controller_kafkacontroller_preferredreplicaimbalancecount(?:_value)?$/i,
  ],
  ['partitionOffsets', /^kafka_topic_partition_current_offset$/],
  ['consumerLag', /^kafka_consumergroup_lag(?:_sum)?$/],
];

/** The role a metric name marks, or undefined for messages-in and unknown names (the caller decides). */
export function roleOfName(name: string): Exclude<MetricRole, 'messagesIn'> | undefined {
  for (const [role, re] of NAMES) {
    if (re.test(name)) {
      return role;
    }
  }
  return undefined;
}

const METRIC_TOKEN = /[a-zA-Z_:][a-zA-Z0-9_:]*/g;

/** The role of a query from the metric names in its text (`rate(x[1m])`, `sum by (…) (y)`). */
export function roleOfQuery(query: string): MetricRole | undefined {
  const found = new Set<MetricRole>();
  for (const token of query.match(METRIC_TOKEN) ?? []) {
    const role = roleOfName(token);
    if (role) {
      found.add(role);
    } else if (/messagesin|records_produced/i.test(token)) {
      found.add('messagesIn');
    }
  }
  // A query that mixes signals (a ratio of two) is not one signal: leave it to the other rules.
  return found.size === 1 ? Array.from(found)[0] : undefined;
}

/** Grafana puts `Expr: <query>\nStep: …` in executedQueryString; the query is what matters. */
export function queryText(executed: string): string {
  const m = /^Expr:\s*([\s\S]*?)(?:\nStep:[\s\S]*)?$/.exec(executed);
  return (m ? m[1] : executed).trim();
}

export function isMetricRole(v: unknown): v is MetricRole {
  return typeof v === 'string' && (METRIC_ROLES as readonly string[]).includes(v);
}

export interface RoleSource {
  /** Panel option: refId → role. */
  byRefId: Record<string, MetricRole>;
  /** Query text per refId, from the frames' meta. */
  queries: Record<string, string>;
}

/** The role of one series; undefined means "not known": treated as messages-in, as before. */
export function roleOf(series: { refId: string; name: string }, source: RoleSource): MetricRole | undefined {
  const mapped = source.byRefId[series.refId];
  if (mapped) {
    return mapped;
  }
  if (series.name) {
    return roleOfName(series.name);
  }
  const query = source.queries[series.refId];
  return query ? roleOfQuery(queryText(query)) : undefined;
}
