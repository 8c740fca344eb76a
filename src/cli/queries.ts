/**
 * The queries `kafkalens check` runs: the provisioned dashboard's health panel queries (a test
 * holds them equal), with the role of each, as the panel's Query roles option sets them.
 */
import type { MetricRole } from '../analysis';

export type QuerySource = 'rate' | 'recording';

export interface HealthQuery {
  refId: string;
  role: MetricRole;
  expr: string;
}

/** Messages in per broker and topic: rate() in the query, or the recording rule's series. */
const MESSAGES_IN: Record<QuerySource, string> = {
  rate: 'rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m])',
  recording: 'kafka:broker_topic_messages_in:rate1m',
};

export function healthQueries(source: QuerySource = 'rate'): HealthQuery[] {
  return [
    { refId: 'A', role: 'messagesIn', expr: `sum by (instance, topic) (${MESSAGES_IN[source]})` },
    {
      refId: 'B',
      role: 'bytesIn',
      expr: 'sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesin_total{topic!=""}[1m]))',
    },
    {
      refId: 'C',
      role: 'bytesOut',
      expr: 'sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesout_total{topic!=""}[1m]))',
    },
    {
      refId: 'D',
      role: 'requestHandlerIdle',
      expr: 'sum by (instance) (rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m])) / 1e9',
    },
    {
      refId: 'E',
      role: 'underReplicated',
      expr: 'max by (instance) (kafka_server_replicamanager_underreplicatedpartitions)',
    },
    {
      refId: 'F',
      role: 'offlinePartitions',
      expr: 'sum by (instance) (kafka_controller_kafkacontroller_offlinepartitionscount)',
    },
    {
      refId: 'G',
      role: 'activeControllers',
      expr: 'sum by (instance) (kafka_controller_kafkacontroller_activecontrollercount)',
    },
    { refId: 'H', role: 'consumerLag', expr: 'sum by (consumergroup, topic, partition) (kafka_consumergroup_lag)' },
    {
      refId: 'I',
      role: 'underMinIsr',
      expr: 'max by (instance) (kafka_server_replicamanager_underminisrpartitioncount)',
    },
    { refId: 'J', role: 'offlineLogDirs', expr: 'max by (instance) (kafka_log_logmanager_offlinelogdirectorycount)' },
    {
      refId: 'K',
      role: 'networkProcessorIdle',
      expr: 'max by (instance) (kafka_network_socketserver_networkprocessoravgidlepercent)',
    },
    {
      refId: 'L',
      role: 'uncleanElections',
      expr: 'sum by (instance) (rate(kafka_controller_controllerstats_uncleanleaderelectionspersec_total[1m]))',
    },
    { refId: 'M', role: 'leaderCount', expr: 'max by (instance) (kafka_server_replicamanager_leadercount)' },
    { refId: 'N', role: 'partitionCount', expr: 'max by (instance) (kafka_server_replicamanager_partitioncount)' },
    {
      refId: 'O',
      role: 'preferredReplicaImbalance',
      expr: 'max by (instance) (kafka_controller_kafkacontroller_preferredreplicaimbalancecount)',
    },
    {
      refId: 'P',
      role: 'isrShrinks',
      expr: 'sum by (instance) (rate(kafka_server_replicamanager_isrshrinks_total[5m]))',
    },
    {
      refId: 'Q',
      role: 'isrExpands',
      expr: 'sum by (instance) (rate(kafka_server_replicamanager_isrexpands_total[5m]))',
    },
    {
      refId: 'R',
      role: 'requestLatency',
      expr: 'max by (instance, request) (kafka_network_requestmetrics_totaltimems{quantile="0.99", request=~"Produce|FetchConsumer|FetchFollower"})',
    },
    { refId: 'S', role: 'logSize', expr: 'sum by (instance) (kafka_log_log_size)' },
    {
      refId: 'U',
      role: 'partitionOffsets',
      expr: 'sum by (topic, partition) (rate(kafka_topic_partition_current_offset[5m]))',
    },
  ];
}

/**
 * The step for a range, as Grafana picks one for a panel about 1,000 px wide: the range over
 * ~300 points, never under the scrape interval's floor, rounded to a whole second.
 */
export function stepFor(rangeSeconds: number, floorSeconds = 5): number {
  return Math.max(floorSeconds, Math.round(rangeSeconds / 300));
}
