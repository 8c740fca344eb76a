/**
 * npm run gen:alerts — writes provisioning/alerting/kafka-alerts.yml (Grafana-managed rules) from
 * provisioning/prometheus/rules/kafka-alerts.yml (the promtool-tested Prometheus rules), so the two
 * can never disagree: query A is the Prometheus expression, C its comparison. The stack tests check
 * the result against the panel's defaults.
 */
import { readFileSync, writeFileSync } from 'fs';
import { parse, stringify } from 'yaml';
import { uidProblem } from './provisioning/grafanaProvisioning';
const prom: { groups: Array<{ rules: unknown[] }> } = parse(
  readFileSync('provisioning/prometheus/rules/kafka-alerts.yml', 'utf8')
);
const titles: Record<string, string> = {
  KafkaBrokerImbalance: 'Kafka brokers out of balance',
  KafkaBrokerImbalanceCritical: 'Kafka brokers far out of balance',
  KafkaBytesInImbalance: 'Kafka bytes in out of balance',
  KafkaBytesInImbalanceCritical: 'Kafka bytes in far out of balance',
  KafkaBytesOutImbalance: 'Kafka bytes out out of balance',
  KafkaBytesOutImbalanceCritical: 'Kafka bytes out far out of balance',
  KafkaUnderReplicatedPartitionsPersistent: 'Kafka under-replicated partitions for 5 minutes',
  KafkaBrokerStalled: 'Kafka broker stalled',
  KafkaPartitionSkew: 'Kafka replicas unevenly placed',
  KafkaLeaderSkew: 'Kafka leadership skewed',
  KafkaPreferredReplicaImbalance: 'Kafka leadership away from preferred replicas',
  KafkaBrokerMissing: 'Kafka broker missing',
  KafkaBrokerTargetsAbsent: 'Kafka broker targets absent',
  KafkaBrokersBelowExpected: 'Kafka brokers fewer than expected',
  KafkaThroughputDrop: 'Kafka throughput drop',
  KafkaThroughputDropCritical: 'Kafka throughput collapse',
  KafkaUnderReplicatedPartitions: 'Kafka under-replicated partitions',
  KafkaOfflinePartitions: 'Kafka offline partitions',
  KafkaUnderMinIsrPartitions: 'Kafka partitions below min ISR',
  KafkaOfflineLogDirectories: 'Kafka log directories offline',
  KafkaIsrChurn: 'Kafka ISR churn',
  KafkaStorageSkew: 'Kafka log data unevenly spread',
  KafkaStorageSkewCritical: 'Kafka log data far unevenly spread',
  KafkaDiskUsage: 'Kafka data volume filling',
  KafkaDiskUsageCritical: 'Kafka data volume almost full',
  KafkaSlowBroker: 'Kafka broker slow',
  KafkaSlowBrokerCritical: 'Kafka broker far slower than its peers',
  KafkaIsrChurnUnderReplicated: 'Kafka ISR churn with under-replicated partitions',
  KafkaActiveControllers: 'Kafka active controllers not 1',
  KafkaUncleanLeaderElection: 'Kafka unclean leader election',
  KafkaRequestHandlersBusy: 'Kafka request handlers busy',
  KafkaRequestHandlersSaturated: 'Kafka request handlers saturated',
  KafkaNetworkProcessorsBusy: 'Kafka network processors busy',
  KafkaNetworkProcessorsSaturated: 'Kafka network processors saturated',
  KafkaConsumerLagGrowing: 'Kafka consumer group falling behind',
  KafkaConsumerGroupStalled: 'Kafka consumer group stalled',
  KafkaConsumerGroupBehind: 'Kafka consumer group behind',
  KafkaConsumerGroupBehindCritical: 'Kafka consumer group far behind',
};
/** Grafana refuses uids over 40 characters (and then does not start): shorter uids where the derived one is too long. */
const uids: Record<string, string> = {
  KafkaUnderReplicatedPartitionsPersistent: 'kbh-under-replicated-persistent',
};
interface PromRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: { summary: string };
}

const rules = (prom.groups[0].rules as PromRule[]).map((r) => {
  const m = /^\((.*)\) (>|<|!=) ([-\d.]+)$/s.exec(r.expr.trim())!;
  const [, expr, op, value] = m;
  const n = Number(value);
  const evaluator =
    op === '>'
      ? { type: 'gt', params: [n] }
      : op === '<'
        ? { type: 'lt', params: [n] }
        : { type: 'outside_range', params: [n, n] };
  const uid =
    uids[r.alert] ??
    'kbh-' +
      r.alert
        .replace(/^Kafka/, '')
        .replace(/([a-z])([A-Z])/g, '$1-$2')
        .toLowerCase();
  const bad = uidProblem(uid);
  if (bad) {
    throw new Error(`${r.alert}: ${bad}; give it a shorter one in \`uids\``);
  }
  const summary = r.annotations.summary
    .replace('{{ $value | humanizePercentage }}', '{{ humanizePercentage $values.B.Value }}')
    .replace('{{ $value | humanizeDuration }}', '{{ humanizeDuration $values.B.Value }}')
    .replace('{{ $value }}', '{{ $values.B.Value }}');
  return {
    uid,
    title: titles[r.alert],
    condition: 'C',
    data: [
      {
        refId: 'A',
        relativeTimeRange: { from: 600, to: 0 },
        datasourceUid: 'prometheus',
        model: { refId: 'A', expr, instant: true, range: false, intervalMs: 15000, maxDataPoints: 43200 },
      },
      {
        refId: 'B',
        relativeTimeRange: { from: 0, to: 0 },
        datasourceUid: '__expr__',
        model: { refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } },
      },
      {
        refId: 'C',
        relativeTimeRange: { from: 0, to: 0 },
        datasourceUid: '__expr__',
        model: { refId: 'C', type: 'threshold', expression: 'B', conditions: [{ evaluator }] },
      },
    ],
    // A broker whose `up` series vanished is as missing as one at 0.
    noDataState: r.alert === 'KafkaBrokerMissing' ? 'Alerting' : 'OK',
    execErrState: 'Error',
    for: r.for,
    labels: { ...r.labels, prometheus_rule: r.alert },
    annotations: { summary, dashboard: 'Kafka Broker Health (kafka-broker-health)' },
    isPaused: false,
  };
});
const head = readFileSync('provisioning/alerting/kafka-alerts.yml', 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('#'))
  .join('\n');
writeFileSync(
  'provisioning/alerting/kafka-alerts.yml',
  head +
    '\n' +
    stringify(
      { apiVersion: 1, groups: [{ orgId: 1, name: 'kafka-broker-health', folder: 'Kafka', interval: '30s', rules }] },
      { lineWidth: 0 }
    )
);
