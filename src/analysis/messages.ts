/**
 * Every sentence the analysis says, in one module. A finding is structured data (check,
 * severity, subject, value, threshold, unit, and the `params` of its sentence); its words are the
 * sentence's template filled with those params. The templates here are the English text; the
 * panel looks each one up by key (`findings.<messageKey>.message|suggestion`) in its locale files
 * (src/locales/<locale>/…json, Korean among them) and formats the params with Grafana's units; a
 * command line fills the same templates. `message` and `suggestion` in the report are the English.
 *
 * Templates are plain text with `{{param}}` placeholders: no conditions and no plural logic, so
 * a translation is a string for a string. A sentence that reads differently in different cases
 * is several keys (`under-replicated.held`), chosen by the check.
 */
import {
  formatBytes,
  formatBytesRate,
  formatClock,
  formatDuration,
  formatLatency,
  formatFactor,
  formatNumber,
  formatPercent,
  formatRate,
  quote,
} from './format';

import type { Finding } from './types';

export type Params = Readonly<Record<string, string | number>>;

/** How a param reads once formatted; text is quoted (shortened), numbers get their unit. */
export type ParamKind =
  | 'text'
  /** A query or command, shown whole. */
  | 'code'
  | 'rate'
  | 'bytesRate'
  | 'percent'
  | 'factor'
  | 'duration'
  | 'count'
  | 'number'
  | 'minutes'
  /** A moment (ms since the epoch): a clock time in the reader's time zone. */
  | 'time'
  /** A request time in milliseconds: "85 ms", "1.2 s". */
  | 'latency'
  /** A size in bytes: "12.4 GiB". */
  | 'size';

interface Sentence<P extends Params> {
  message: string;
  suggestion?: string;
  /** Kinds of the params that are not text. */
  kinds?: Readonly<Record<string, ParamKind>>;
  /** Params computed from the others (a ratio, a fall), stored in the finding with them. */
  derive?: (p: P) => Params;
}

const sentence = <P extends Params>(s: Sentence<P>) => s;

const EXPLORE = 'Run this in Explore against the same data source: {{query}}';
const WRAP_RATE = 'Wrap the query in rate(...[1m]): {{query}}';
/** Shared remedy wording. */
const STALLED =
  'The consumers are down, stuck or rebalancing in a loop: check the group (kafka-consumer-groups --describe --group), its members and their logs.';
const FALLING =
  'Consumers are slower than producers: add consumers (up to the partition count), speed up processing, or check for a rebalance storm.';
const STORAGE_REASSIGN =
  'Look for the largest partitions on it (kafka-log-dirs --describe) — one topic with long retention or a hot key — and move some to the emptier brokers: a Cruise Control rebalance (disk goal), or kafka-reassign-partitions with a throttle.';
type SlowBroker = { broker: string; p99: number; peers: number; factor: number };
const SLOW =
  'Broker {{broker}} answers {{request}} requests slowly: p99 {{p99}} against {{peers}} on its peers ({{factor}}).';
const SLOW_KINDS = { p99: 'latency', peers: 'latency', factor: 'factor' } as const;
const ISR_CHURN =
  'Followers of its partitions fall behind and are dropped from the ISR again and again: look at the followers (kafka-topics --describe --under-replicated-partitions names them) for slow disks, network trouble or long GC pauses, at replication throttles, and at replica.lag.time.max.ms against the load.';
const LEADER_ELECTION = 'kafka-leader-election --election-type PREFERRED';

type Figures = { broker: string; rate: number; mean: number; deviation: number };
const brokerVsMean = (p: Figures) => ({ factor: p.rate / p.mean, share: p.rate / p.mean, off: Math.abs(p.deviation) });
const VS_MEAN = { rate: 'rate', mean: 'rate', factor: 'factor', share: 'percent', off: 'percent' } as const;
const BYTES = { bytes: 'bytesRate', mean: 'bytesRate', off: 'percent' } as const;
const bytesOff = (p: { deviation: number }) => ({ off: Math.abs(p.deviation) });

export const SENTENCES = {
  'analysis-error': sentence<{ error: string }>({
    message: 'The data could not be analysed: {{error}}',
    suggestion: 'Check the query returns time series or a table of MessagesInPerSec rates.',
  }),
  'no-data.none': sentence<{ query: string }>({
    message:
      'The queries returned no series. Likely causes: Prometheus does not scrape the Kafka exporter (check up{job=~".*kafka.*"}), the JMX exporter agent is not attached to the broker JVM, or the metric name differs in your exporter rules.',
    suggestion: EXPLORE,
    kinds: { query: 'code' },
  }),
  'no-data.instant-counters': sentence<{ query: string }>({
    message:
      'The query returns cumulative counters from an instant query: a rate cannot be derived from one sample per series.',
    suggestion: EXPLORE,
    kinds: { query: 'code' },
  }),
  'no-data.other-metrics': sentence<{ query: string; series: number; found: string }>({
    message:
      'The queries returned {{series}} series, but none is a messages-in series (found: {{found}}). Point the query at MessagesInPerSec, or name the metric in the panel options.',
    suggestion: EXPLORE,
    kinds: { query: 'code', series: 'count' },
  }),
  'no-data.empty': sentence<{ query: string; series: number }>({
    message:
      'The queries returned {{series}} series, but every sample is empty (null, NaN or ±Inf): the exporter may report NaN before the broker has traffic, or rate() has fewer than two samples in its window (use a window of at least 4× the scrape interval).',
    suggestion: EXPLORE,
    kinds: { query: 'code', series: 'count' },
  }),
  'raw-counter.derived': sentence<{ count: number; query: string }>({
    message:
      '{{count}} series are cumulative counters, not per-second rates; the panel derived rates itself from adjacent samples, which is coarser than rate() and misses what happens between steps.',
    suggestion: WRAP_RATE,
    kinds: { query: 'code', count: 'count' },
  }),
  'raw-counter.derived-instant': sentence<{ count: number; query: string }>({
    message:
      '{{count}} series are cumulative counters, not per-second rates; the panel derived rates itself from the few samples it had, which is coarser than rate().',
    suggestion: WRAP_RATE,
    kinds: { query: 'code', count: 'count' },
  }),
  'raw-counter.instant': sentence<{ count: number; query: string }>({
    message:
      '{{count}} series are cumulative counters from an instant query; without rate() the panel cannot tell how fast messages arrive.',
    suggestion: WRAP_RATE,
    kinds: { query: 'code', count: 'count' },
  }),
  'all-zero': sentence<Params>({
    message:
      'Every broker reports 0 msg/s over the whole range. Either nothing produces to this cluster, or the series never moves: the JMX agent may be attached to a Kafka CLI tool instead of the broker (KAFKA_OPTS also applies to CLI tools), or the query selects a metric that stays at zero.',
    suggestion:
      'Produce a test message (kafka-console-producer) and watch the panel; check that the exporter scrape of each broker (port of the JMX agent) shows non-zero kafka_server_brokertopicmetrics_messagesin_total.',
  }),
  'label-not-found.broker': sentence<{ label: string; used: string }>({
    message: 'No series carries the broker label "{{label}}" chosen in the options; used "{{used}}" instead.',
    suggestion: 'Pick a label present in the data, or set the broker label option back to auto.',
  }),
  'label-not-found.broker-none': sentence<{ label: string }>({
    message: 'No series carries the broker label "{{label}}" chosen in the options; brokers cannot be told apart.',
    suggestion: 'Pick a label present in the data, or set the broker label option back to auto.',
  }),
  'label-not-found.topic': sentence<{ label: string; used: string }>({
    message: 'No series carries the topic label "{{label}}" chosen in the options; used "{{used}}" instead.',
    suggestion: 'Pick a label present in the data, or set the topic label option back to auto.',
  }),
  'label-not-found.topic-none': sentence<{ label: string }>({
    message: 'No series carries the topic label "{{label}}" chosen in the options; topics cannot be told apart.',
    suggestion: 'Pick a label present in the data, or set the topic label option back to auto.',
  }),
  'no-broker-label': sentence<{ query: string }>({
    message:
      'Some series carry no broker label (broker_id, broker, kubernetes_pod_name, pod, instance or host), so they are shown as one group and per-broker checks cannot see inside it.',
    suggestion: 'Keep the broker label in the aggregation: {{query}}',
    kinds: { query: 'code' },
  }),
  'ignored-series': sentence<{ count: number; reason: string }>({
    message: '{{count}} series were left out (the first: {{reason}}).',
    kinds: { count: 'count' },
  }),
  'query-notice': sentence<{ text: string }>({
    message: 'The data source says: {{text}}',
  }),
  'invalid-values.negative': sentence<{ negative: number; query: string }>({
    message:
      'Negative samples: {{negative}}. A rate of a counter is never negative (deriv() of a gauge, or a subtraction in the query?). They are left out of every figure.',
    suggestion: 'Messages in must be a per-second rate of the counter: {{query}}',
    kinds: { query: 'code', negative: 'count' },
  }),
  'invalid-values.absurd': sentence<{ absurd: number; query: string }>({
    message:
      'Samples above 10¹² msg/s: {{absurd}} (an overflowed or mis-scaled series). They are left out of every figure.',
    suggestion: 'Messages in must be a per-second rate of the counter: {{query}}',
    kinds: { query: 'code', absurd: 'count' },
  }),
  'invalid-values.both': sentence<{ negative: number; absurd: number; query: string }>({
    message:
      'Negative samples: {{negative}}; samples above 10¹² msg/s: {{absurd}}. Neither is a rate of a counter; they are left out of every figure.',
    suggestion: 'Messages in must be a per-second rate of the counter: {{query}}',
    kinds: { query: 'code', negative: 'count', absurd: 'count' },
  }),
  'cluster-total': sentence<{ refId: string; total: number; brokers: number; gap: number }>({
    message:
      'Query {{refId}} without a broker label reads {{total}} in all, but the brokers sum to {{brokers}} ({{gap}} apart): it is a cluster total, compared and not counted as a broker.',
    suggestion:
      'Brokers are missing from one of the queries (a label filter, a scrape job, a dead exporter), or the two queries measure different things: compare their label filters.',
    kinds: { total: 'rate', brokers: 'rate', gap: 'percent' },
  }),
  'low-throughput': sentence<{ average: number; floor: number }>({
    message: 'Average throughput is {{average}} per broker, below the floor of {{floor}}.',
    suggestion:
      'Check that producers are running and can reach the cluster (client errors, authentication, quotas); compare with the expected traffic for this time of day.',
    kinds: { average: 'rate', floor: 'rate' },
  }),
  'broker-overload': sentence<{ broker: string; rate: number; capacity: number }>({
    message: 'Broker {{broker}} takes {{rate}}, above its capacity of {{capacity}}.',
    suggestion:
      'Move partition leadership off this broker (kafka-reassign-partitions, or a preferred leader election if leaders drifted), add partitions to hot topics, or add brokers.',
    kinds: { rate: 'rate', capacity: 'rate' },
  }),
  'imbalance.hot': sentence<Figures>({
    message: 'Broker {{broker}} is hot: {{rate}}, {{factor}} the average of {{mean}} (+{{off}}).',
    suggestion: `Partition leadership is concentrated on this broker: run a preferred leader election (${LEADER_ELECTION}) if leaders drifted after a restart, otherwise reassign partitions of its busiest topics (kafka-reassign-partitions, or Cruise Control) and check for topics with fewer partitions than brokers. The leaders and partitions per broker would tell which: add kafka_server_replicamanager_leadercount and …_partitioncount to the panel's queries.`,
    kinds: VS_MEAN,
    derive: brokerVsMean,
  }),
  'imbalance.hot-placed': sentence<Figures>({
    message: 'Broker {{broker}} is hot: {{rate}}, {{factor}} the average of {{mean}} (+{{off}}).',
    suggestion: 'Its leaders or replicas are skewed onto it: the placement finding says which, and what to run.',
    kinds: VS_MEAN,
    derive: brokerVsMean,
  }),
  'imbalance.hot-partitions': sentence<Figures & { topic: string; topicShare: number }>({
    message:
      'Broker {{broker}} is hot: {{rate}}, {{factor}} the average of {{mean}} (+{{off}}). Its leaders and replicas are even overall, but {{topicShare}} of topic {{topic}} lands on it: that topic’s partitions are led here, or a few of its partitions or keys take the traffic.',
    suggestion:
      'A cluster-wide leader election will not help. Spread {{topic}}: reassign its partitions so that their preferred leaders differ (the plan below), give it at least one partition per broker, and check its producers’ keys (one key taking most messages needs a better key; keyless data a sticky or round-robin partitioner).',
    kinds: { ...VS_MEAN, topicShare: 'percent' },
    derive: brokerVsMean,
  }),
  'imbalance.hot-traffic': sentence<Figures>({
    message:
      'Broker {{broker}} is hot: {{rate}}, {{factor}} the average of {{mean}} (+{{off}}). Its leaders and replicas are even: the partitions it leads carry more traffic than the others’.',
    suggestion:
      'A leader election will not help (leaders are where they should be). Move some of its busiest partitions to the other brokers: Cruise Control, or kafka-reassign-partitions with its busiest topics.',
    kinds: VS_MEAN,
    derive: brokerVsMean,
  }),
  'imbalance.idle': sentence<Figures>({
    message: 'Broker {{broker}} is idle: {{rate}}, {{share}} of the average of {{mean}} (−{{off}}).',
    suggestion: `This broker leads few busy partitions: if it restarted recently, run a preferred leader election (${LEADER_ELECTION}) to hand leadership back; otherwise reassign partitions onto it (kafka-reassign-partitions, or Cruise Control).`,
    kinds: VS_MEAN,
    derive: brokerVsMean,
  }),
  'imbalance.empty': sentence<Figures>({
    message: 'Broker {{broker}} is idle: {{rate}}, {{share}} of the average of {{mean}} (−{{off}}).',
    suggestion:
      'This broker leads nothing: a new or emptied broker gets no partitions by itself, and a leader election cannot help (it holds no replicas). Reassign partitions onto it (kafka-reassign-partitions --generate with its id in --broker-list, or Cruise Control add_broker).',
    kinds: VS_MEAN,
    derive: brokerVsMean,
  }),
  'imbalance.fell': sentence<Figures & { fell: number }>({
    message:
      "Broker {{broker}} is idle: {{rate}}, {{share}} of the average of {{mean}} (−{{off}}); its own traffic fell {{fell}} while the others' did not.",
    suggestion: `Leadership moved away from this broker (a restart, an ISR shrink, a controller change): check its log and that it is back in the ISR of its partitions, then run a preferred leader election (${LEADER_ELECTION}).`,
    kinds: { ...VS_MEAN, fell: 'percent' },
    derive: brokerVsMean,
  }),
  'topic-skew': sentence<{ topic: string; broker: string; share: number; clusterShare: number }>({
    message: "{{share}} of topic {{topic}} ({{clusterShare}} of the cluster's traffic) lands on broker {{broker}}.",
    suggestion:
      'Give the topic at least as many partitions as brokers (kafka-topics --alter --partitions), spread their leaders (preferred leader election or reassignment), and check that producers do not send everything with one key.',
    kinds: { share: 'percent', clusterShare: 'percent' },
  }),
  spike: sentence<{ now: number; before: number }>({
    message: 'Cluster traffic jumped to {{now}}, {{factor}} the level before of {{before}}.',
    suggestion:
      'Find the topics that grew in the topic table; look for a replaying or retrying producer, a backfill, or a new client; make sure brokers have headroom (request handler idle, network and disk).',
    kinds: { now: 'rate', before: 'rate', factor: 'factor' },
    derive: (p) => ({ factor: p.now / p.before }),
  }),
  drop: sentence<{ now: number; before: number }>({
    message: 'Cluster traffic fell to {{now}}, {{fall}} below the level before of {{before}}.',
    suggestion:
      'Check producers first (errors, deployments, authentication, quotas), then broker availability: missing or stalled brokers are listed as their own findings.',
    kinds: { now: 'rate', before: 'rate', fall: 'percent' },
    derive: (p) => ({ fall: 1 - p.now / p.before }),
  }),
  'broker-stalled': sentence<{ broker: string; now: number; before: number }>({
    message: 'Broker {{broker}} stopped taking messages: {{now}} now, against {{before}} before.',
    suggestion:
      'The broker still reports but leads no busy partition any more: check its log for errors, whether it dropped out of the ISR or lost leadership after a controller change, then run a preferred leader election once it is healthy.',
    kinds: { now: 'rate', before: 'rate' },
  }),
  'broker-missing': sentence<{ broker: string; silentMs: number; since: number; brokerLabel: string }>({
    message: 'Broker {{broker}} is down: no data for {{silentMs}}, since {{since}}.',
    suggestion:
      'Check whether the broker or only its exporter is down: the up series with {{brokerLabel}}="{{broker}}" in Prometheus, the JMX exporter port and the scrape target; then the broker process and its log. Once it is back, a preferred leader election hands its partitions back.',
    kinds: { silentMs: 'duration', since: 'time' },
  }),
  'cluster-silent': sentence<{ silentMs: number }>({
    message: 'No broker has reported for {{silentMs}}: the cluster, its exporters or the scrape are down.',
    suggestion:
      'Check the scrape targets in Prometheus (up == 0, and their errors), then the brokers and their JMX exporters; if Prometheus itself stopped ingesting, every dashboard goes quiet at once.',
    kinds: { silentMs: 'duration' },
  }),
  'data-delayed': sentence<{ delayMs: number }>({
    message:
      'Every series stops {{delayMs}} before now, at the same moment: most likely ingestion lag (remote write, a busy Prometheus). The verdict is for the latest data.',
    suggestion:
      'If the gap grows past a few minutes, the cluster or the scrape may be down: check the scrape targets (up) and Prometheus or remote-write ingestion.',
    kinds: { delayMs: 'duration' },
  }),
  'bytes-imbalance.in-high': sentence<{ broker: string; bytes: number; mean: number; deviation: number }>({
    message: 'Bytes in: broker {{broker}} carries {{bytes}}, +{{off}} against the mean of {{mean}}.',
    suggestion:
      'Partitions with large messages are led by few brokers: reassign the leaders of the heaviest topics, or give them more partitions.',
    kinds: BYTES,
    derive: bytesOff,
  }),
  'bytes-imbalance.in-low': sentence<{ broker: string; bytes: number; mean: number; deviation: number }>({
    message: 'Bytes in: broker {{broker}} carries only {{bytes}}, −{{off}} against the mean of {{mean}}.',
    suggestion:
      'Partitions with large messages are led by few brokers: reassign the leaders of the heaviest topics, or give them more partitions.',
    kinds: BYTES,
    derive: bytesOff,
  }),
  'bytes-imbalance.out-high': sentence<{ broker: string; bytes: number; mean: number; deviation: number }>({
    message: 'Bytes out: broker {{broker}} carries {{bytes}}, +{{off}} against the mean of {{mean}}.',
    suggestion:
      'Consumers read mostly from this broker: spread the leaders of the most-read topics, or let consumers fetch from followers (KIP-392, replica.selector.class).',
    kinds: BYTES,
    derive: bytesOff,
  }),
  'bytes-imbalance.out-low': sentence<{ broker: string; bytes: number; mean: number; deviation: number }>({
    message: 'Bytes out: broker {{broker}} carries only {{bytes}}, −{{off}} against the mean of {{mean}}.',
    suggestion:
      'Consumers read mostly from this broker: spread the leaders of the most-read topics, or let consumers fetch from followers (KIP-392, replica.selector.class).',
    kinds: BYTES,
    derive: bytesOff,
  }),
  'request-handlers': sentence<{ broker: string; idle: number; floor: number }>({
    message: "Broker {{broker}}'s request handlers are idle only {{idle}} of the time (below {{floor}}).",
    suggestion:
      'The broker is saturated: spread partition leadership (it may also be the hot broker), raise num.io.threads if CPU and disks have room, and look for slow disks or large produce batches.',
    kinds: { idle: 'percent', floor: 'percent' },
  }),
  'request-handlers.lifetime': sentence<{ broker: string; idle: number; floor: number }>({
    message:
      "Broker {{broker}}'s request handlers are idle only {{idle}} of the time (below {{floor}}). Note: this gauge (MeanRate) averages over the broker's lifetime; rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m]) / 1e9 gives the current ratio.",
    suggestion:
      'The broker is saturated: spread partition leadership (it may also be the hot broker), raise num.io.threads if CPU and disks have room, and look for slow disks or large produce batches.',
    kinds: { idle: 'percent', floor: 'percent' },
  }),
  'request-handlers.double-counted': sentence<{ level: number }>({
    message:
      "The request-handler idle ratio reads {{level}}, above 1, so it is not judged: in KRaft combined mode (process.roles=broker,controller) Kafka before 4.2 adds the broker's and the controller's handler pools into one meter, each divided by its own thread count (KAFKA-19606).",
    suggestion:
      'Run dedicated controllers (process.roles=controller) and brokers (process.roles=broker), as production clusters do, or upgrade to Kafka 4.2 or later, where the meter averages over all handler threads. If the query is a percentage (0–100), say so in its text (… * 100) and it is read as one.',
    kinds: { level: 'number' },
  }),
  'under-replicated': sentence<{ broker: string; count: number }>({
    message: 'Broker {{broker}} leads under-replicated partitions: {{count}}.',
    suggestion:
      "A follower is not keeping up or is down: kafka-topics --describe --under-replicated-partitions, then the followers' disks, network and logs (ISR shrinks); a broker restart shows this briefly.",
    kinds: { count: 'count' },
  }),
  'under-replicated.held': sentence<{ broker: string; count: number; heldMs: number }>({
    message: 'Broker {{broker}} leads under-replicated partitions: {{count}}, for {{heldMs}}.',
    suggestion:
      "A follower is not keeping up or is down: kafka-topics --describe --under-replicated-partitions, then the followers' disks, network and logs (ISR shrinks); a broker restart shows this briefly.",
    kinds: { count: 'count', heldMs: 'duration' },
  }),
  'under-replicated.persistent': sentence<{ broker: string; count: number; heldMs: number; limitMinutes: number }>({
    message:
      'Broker {{broker}} leads under-replicated partitions: {{count}}, for {{heldMs}}, over the {{limitMinutes}} limit.',
    suggestion:
      "A follower is not keeping up or is down: kafka-topics --describe --under-replicated-partitions, then the followers' disks, network and logs (ISR shrinks); a broker restart shows this briefly.",
    kinds: { count: 'count', heldMs: 'duration', limitMinutes: 'minutes' },
  }),
  'network-processors': sentence<{ broker: string; idle: number; floor: number }>({
    message: "Broker {{broker}}'s network processors are idle only {{idle}} of the time (below {{floor}}).",
    suggestion:
      'Requests queue before the request handlers see them: clients time out while the handlers look fine. Look for connection storms (clients reconnecting, many short connections), TLS cost and large requests; raise num.network.threads, or spread the clients and partitions over more brokers.',
    kinds: { idle: 'percent', floor: 'percent' },
  }),
  'under-min-isr': sentence<{ broker: string; count: number }>({
    message:
      'Broker {{broker}} leads {{count}} partitions with fewer in-sync replicas than min.insync.replicas: producers with acks=all fail on them.',
    suggestion:
      'Find the followers that left the ISR (kafka-topics --describe --under-min-isr-partitions): a broker down, a slow disk or network, or replication throttled. Bring them back before raising the load; do not lower min.insync.replicas to get writes through, that trades errors for data loss.',
    kinds: { count: 'count' },
  }),
  'isr-churn': sentence<{ broker: string; perMinute: number; heldMs: number }>({
    message:
      "Broker {{broker}}'s partitions keep losing in-sync replicas: {{perMinute}} ISR shrinks a minute, without a break for {{heldMs}}.",
    suggestion: ISR_CHURN,
    kinds: { perMinute: 'number', heldMs: 'duration' },
  }),
  'isr-churn.under-replicated': sentence<{ broker: string; perMinute: number; heldMs: number; count: number }>({
    message:
      "Broker {{broker}}'s partitions keep losing in-sync replicas ({{perMinute}} ISR shrinks a minute, for {{heldMs}}) and {{count}} of them are under-replicated now: followers fall out and stay out.",
    suggestion: ISR_CHURN,
    kinds: { perMinute: 'number', heldMs: 'duration', count: 'count' },
  }),
  'request-latency.produce': sentence<SlowBroker>({
    message: SLOW.replace('{{request}}', 'Produce'),
    suggestion:
      'Producers wait on it (acks=all also waits for its followers). Split the time with its Produce RequestQueueTimeMs, LocalTimeMs and RemoteTimeMs: queue → request handlers busy; local → its disk (iostat, log flush); remote → followers slow to fetch. Check GC pauses too.',
    kinds: SLOW_KINDS,
  }),
  'request-latency.fetch-consumer': sentence<SlowBroker>({
    message: SLOW.replace('{{request}}', 'consumer fetch'),
    suggestion:
      'Consumers fetching from it wait longer than from its peers: consumers far behind read old segments from disk (page-cache misses), or its disk, network or request handlers are the bottleneck. Compare its FetchConsumer LocalTimeMs and the disk reads.',
    kinds: SLOW_KINDS,
  }),
  'request-latency.fetch-follower': sentence<SlowBroker>({
    message: SLOW.replace('{{request}}', 'follower fetch'),
    suggestion:
      'Followers replicating from it wait: its disk or network is slow, or replication is throttled. Its partitions are at risk of shrinking ISRs and acks=all produce waits on it. Check its disk, network and GC.',
    kinds: SLOW_KINDS,
  }),
  'request-latency.produce-ceiling': sentence<{ broker: string; p99: number; limit: number }>({
    message: "Broker {{broker}}'s Produce p99 is {{p99}}, above the {{limit}} ceiling.",
    suggestion:
      'Producers time out (request.timeout.ms, delivery.timeout.ms) if it keeps rising. Split the time with RequestQueueTimeMs, LocalTimeMs and RemoteTimeMs: handlers, disk, or followers.',
    kinds: { p99: 'latency', limit: 'latency' },
  }),
  'disk-usage': sentence<{ broker: string; usage: number; limit: number }>({
    message: "Broker {{broker}}'s data disk is {{usage}} full (above {{limit}}).",
    suggestion:
      'Kafka takes the log directory offline when the disk is full. Free space now: shorten retention (retention.ms / retention.bytes) of the largest topics, delete unused topics, or grow the volume; then move partitions to brokers with room (kafka-reassign-partitions).',
    kinds: { usage: 'percent', limit: 'percent' },
  }),
  'storage-skew.more': sentence<{ broker: string; bytes: number; mean: number }>({
    message:
      'Broker {{broker}} holds {{bytes}} of log against a mean of {{mean}}: data is unevenly spread, and its disk fills first.',
    suggestion: STORAGE_REASSIGN,
    kinds: { bytes: 'size', mean: 'size' },
  }),
  'storage-skew.less': sentence<{ broker: string; bytes: number; mean: number }>({
    message: 'Broker {{broker}} holds only {{bytes}} of log against a mean of {{mean}}: data is unevenly spread.',
    suggestion: STORAGE_REASSIGN,
    kinds: { bytes: 'size', mean: 'size' },
  }),
  'storage-skew.usage-more': sentence<{ broker: string; usage: number; mean: number }>({
    message:
      "Broker {{broker}}'s disk is {{usage}} used against {{mean}} on average: data is unevenly spread, and it fills first.",
    suggestion: STORAGE_REASSIGN,
    kinds: { usage: 'percent', mean: 'percent' },
  }),
  'storage-skew.usage-less': sentence<{ broker: string; usage: number; mean: number }>({
    message: "Broker {{broker}}'s disk is only {{usage}} used against {{mean}} on average: data is unevenly spread.",
    suggestion: STORAGE_REASSIGN,
    kinds: { usage: 'percent', mean: 'percent' },
  }),
  'offline-log-dirs': sentence<{ broker: string; count: number }>({
    message: 'Broker {{broker}} has {{count}} log directories offline: a disk failed, and its replicas there are gone.',
    suggestion:
      'Check the broker log for the I/O error and the disk (dmesg, SMART). Replace the disk and restart the broker so it re-replicates, or move its partitions away (kafka-reassign-partitions) if the disk stays out.',
    kinds: { count: 'count' },
  }),
  'partition-skew.more': sentence<{ broker: string; count: number; mean: number }>({
    message:
      'Broker {{broker}} holds {{count}} replicas against a mean of {{mean}}: replicas are unevenly placed, so it takes more of every load.',
    suggestion:
      'Reassign partitions off it: a Cruise Control rebalance, or kafka-reassign-partitions --generate with the busiest topics and every broker id, then --execute with a throttle.',
    kinds: { count: 'count', mean: 'number' },
  }),
  'partition-skew.fewer': sentence<{ broker: string; count: number; mean: number }>({
    message:
      'Broker {{broker}} holds only {{count}} replicas against a mean of {{mean}}: replicas are unevenly placed.',
    suggestion:
      'Reassign partitions onto it: a Cruise Control rebalance, or kafka-reassign-partitions --generate listing it among the brokers, then --execute with a throttle.',
    kinds: { count: 'count', mean: 'number' },
  }),
  'partition-skew.empty': sentence<{ broker: string; count: number; mean: number }>({
    message:
      'Broker {{broker}} holds no replicas (the others hold {{mean}} on average): a new or emptied broker takes no traffic.',
    suggestion:
      'Kafka never moves partitions onto a new broker by itself: reassign onto it (Cruise Control add_broker, or kafka-reassign-partitions --generate with it in the broker list, then --execute).',
    kinds: { count: 'count', mean: 'number' },
  }),
  'leader-skew.more': sentence<{ broker: string; count: number; expected: number }>({
    message:
      'Broker {{broker}} leads {{count}} partitions where its share of the replicas gives {{expected}}: leadership drifted onto it, and leaders take the produce traffic.',
    suggestion:
      'Hand leadership back to the preferred replicas: ' +
      LEADER_ELECTION +
      ' --all-topic-partitions (and keep auto.leader.rebalance.enable=true). If the preferred replicas themselves sit on this broker, reassign instead.',
    kinds: { count: 'count', expected: 'number' },
  }),
  'leader-skew.fewer': sentence<{ broker: string; count: number; expected: number }>({
    message:
      'Broker {{broker}} leads only {{count}} partitions where its share of the replicas gives {{expected}}: it lost leadership (a restart?) and did not get it back.',
    suggestion: 'Run a preferred leader election once it is healthy: ' + LEADER_ELECTION + ' --all-topic-partitions.',
    kinds: { count: 'count', expected: 'number' },
  }),
  'preferred-leader-imbalance': sentence<{ count: number; partitions: number; share: number }>({
    message:
      '{{count}} of {{partitions}} partitions ({{share}}) are led by a replica other than their preferred one, and have been for a while: leadership drifted, after a restart, and stayed.',
    suggestion:
      'Run ' +
      LEADER_ELECTION +
      ' --all-topic-partitions, and check auto.leader.rebalance.enable (it should be true) and leader.imbalance.check.interval.seconds.',
    kinds: { count: 'count', partitions: 'count', share: 'percent' },
  }),
  'unclean-election': sentence<{ count: number; at: number; agoMs: number }>({
    message:
      'An out-of-sync replica was elected leader ({{count}} unclean election(s), the latest at {{at}}, {{agoMs}} ago): messages only the old leader had are lost.',
    suggestion:
      'Find the partitions in the controller log ("unclean leader election") and tell their owners what may be lost. Set unclean.leader.election.enable=false unless availability matters more than data, and look at why the in-sync replicas were gone (brokers down, min.insync.replicas, replication lag).',
    kinds: { count: 'count', at: 'time', agoMs: 'duration' },
  }),
  'offline-partitions': sentence<{ count: number }>({
    message: 'Partitions without a leader: {{count}}. Producers and consumers of them are blocked.',
    suggestion:
      'Bring the brokers holding the replicas back; if none of the in-sync replicas can return, decide on unclean leader election (data loss) per topic.',
    kinds: { count: 'count' },
  }),
  'active-controllers.several': sentence<{ count: number }>({
    message: '{{count}} nodes claim to be the active controller: the cluster must have exactly one.',
    suggestion:
      'A split controller quorum or a zombie controller: check the controller logs and the quorum (kafka-metadata-quorum describe --status).',
    kinds: { count: 'count' },
  }),
  'active-controllers.not-scraped': sentence<Params>({
    message:
      'No scraped node reports an active controller. With KRaft, the controllers may be separate nodes this query does not scrape.',
    suggestion:
      'Add the controller nodes (process.roles=controller) to the scrape and the query to judge the controller; nothing is wrong if they are healthy.',
  }),
  'active-controllers.lost': sentence<Params>({
    message: 'The cluster lost its active controller: no node reports one any more.',
    suggestion:
      'Metadata changes (leader elections, topic changes) are stuck: check the controller quorum (kafka-metadata-quorum describe --status) and the controller logs.',
  }),
  'consumer-lag.stalled': sentence<{ group: string; lag: number; growth: number; topics: string }>({
    message:
      'Consumer group {{group}} has stalled: its lag of {{lag}} messages grows by {{growth}}, as fast as producers write to {{topics}}.',
    suggestion: STALLED,
    kinds: { lag: 'count', growth: 'rate' },
  }),
  'consumer-lag.behind': sentence<{ group: string; behindMs: number; partition: string; lag: number; limitMs: number }>(
    {
      message:
        'Consumer group {{group}} is {{behindMs}} behind its producers on {{partition}} (over {{limitMs}}; {{lag}} messages of lag in all).',
      suggestion:
        'Its consumers read slower than producers write to that partition, or it is stuck on it (a poison message, a slow key). kafka-consumer-groups --describe --group shows the partition and its consumer; add consumers (up to the partition count) or speed up processing. Data it has not read yet may expire (retention) before it gets there.',
      kinds: { behindMs: 'duration', lag: 'count', limitMs: 'duration' },
    }
  ),
  'consumer-lag.growing': sentence<{ group: string; lag: number; growth: number }>({
    message:
      'Consumer group {{group}} is falling behind: its lag grew throughout the recent window to {{lag}} messages (+{{growth}}).',
    suggestion: FALLING,
    kinds: { lag: 'count', growth: 'rate' },
  }),
  'consumer-lag.stalled.behind': sentence<{
    group: string;
    lag: number;
    growth: number;
    topics: string;
    behindMs: number;
  }>({
    message:
      'Consumer group {{group}} has stalled: its lag of {{lag}} messages ({{behindMs}} behind its producers) grows by {{growth}}, as fast as producers write to {{topics}}.',
    suggestion: STALLED,
    kinds: { lag: 'count', growth: 'rate', behindMs: 'duration' },
  }),
  'consumer-lag.growing.behind': sentence<{ group: string; lag: number; growth: number; behindMs: number }>({
    message:
      'Consumer group {{group}} is falling behind: its lag grew throughout the recent window to {{lag}} messages (+{{growth}}), {{behindMs}} behind its producers.',
    suggestion: FALLING,
    kinds: { lag: 'count', growth: 'rate', behindMs: 'duration' },
  }),
} as const;

/**
 * How an incident's effects read (incidents.ts): one phrase per check that can be an effect,
 * naming its subjects, and the line that holds them. Keyed `effects.<check>` in the locale files.
 */
export const EFFECT_PHRASES = {
  summary: '+{{count}} effects: {{list}}',
  'broker-missing': 'no data from {{subjects}}',
  'broker-stalled': 'no messages on {{subjects}}',
  'under-replicated': 'under-replicated partitions on {{subjects}}',
  'under-min-isr': 'partitions below min ISR on {{subjects}}',
  'isr-churn': 'ISR shrinking on {{subjects}}',
  'request-latency': 'slow requests on {{subjects}}',
  'disk-usage': 'disks filling on {{subjects}}',
  'storage-skew': 'data unevenly spread on {{subjects}}',
  'leader-skew': 'leaders skewed on {{subjects}}',
  'preferred-leader-imbalance': 'leadership away from the preferred replicas',
  'offline-partitions': 'offline partitions',
  'bytes-imbalance': 'bytes out of balance on {{subjects}}',
  imbalance: 'traffic out of balance on {{subjects}}',
  'topic-skew': 'skewed topics: {{subjects}}',
  drop: 'cluster traffic fell',
  'low-throughput': 'low throughput',
} as const;

/** Subjects named in an effect phrase before the rest is counted ("+3"). */
const MAX_EFFECT_SUBJECTS = 5;

/**
 * An incident's effects as one line: the phrase of each check in the order the effects come,
 * each subject once. `phrase` fills a phrase in the renderer's language (English by default).
 */
export function effectsLine(
  effects: readonly Finding[],
  phrase: (key: string, english: string, values: Record<string, string>) => string = (_key, english, values) =>
    fill(english, values)
): string {
  const subjects = new Map<string, string[]>();
  for (const e of effects) {
    const list = subjects.get(e.check) ?? [];
    if (e.subject !== undefined && !list.includes(e.subject)) {
      list.push(e.subject);
    }
    subjects.set(e.check, list);
  }
  const parts = Array.from(subjects, ([check, names]) => {
    const english = (EFFECT_PHRASES as Record<string, string>)[check] ?? `${check} {{subjects}}`;
    const shown = names.slice(0, MAX_EFFECT_SUBJECTS).join(', ');
    const rest = names.length - MAX_EFFECT_SUBJECTS;
    return phrase(`effects.${check}`, english, { subjects: rest > 0 ? `${shown} +${rest}` : shown }).trim();
  });
  return phrase('effects.summary', EFFECT_PHRASES.summary, { count: String(effects.length), list: parts.join('; ') });
}

export type MessageKey = keyof typeof SENTENCES;
type ParamsOf<K extends MessageKey> = (typeof SENTENCES)[K] extends Sentence<infer P> ? P : never;

/** A param formatted for a sentence: each renderer brings its own number formats. */
export type ParamFormatter = (value: string | number, kind: ParamKind) => string;

/** A query quoted in a suggestion is shown whole, up to this length. */
const MAX_CODE = 2000;

/** The core's own plain-text formats (the panel uses Grafana's units instead). */
export const plainFormat: ParamFormatter = (value, kind) => {
  if (kind === 'code') {
    return String(value).slice(0, MAX_CODE);
  }
  if (typeof value === 'string' || kind === 'text') {
    return quote(String(value));
  }
  switch (kind) {
    case 'rate':
      return formatRate(value);
    case 'bytesRate':
      return formatBytesRate(value);
    case 'percent':
      return formatPercent(value);
    case 'factor':
      return formatFactor(value);
    case 'duration':
      return formatDuration(value);
    case 'time':
      return formatClock(value);
    case 'size':
      return formatBytes(value);
    case 'latency':
      return formatLatency(value);
    case 'minutes':
      return `${formatNumber(value)} min`;
    case 'count':
      return Number.isFinite(value) ? String(Math.round(value)) : 'n/a';
    default:
      return formatNumber(value);
  }
};

/** The kind of each param of a sentence (text when undeclared). */
export function paramKind(key: string, param: string): ParamKind {
  return sentenceOf(key)?.kinds?.[param] ?? 'text';
}

function sentenceOf(key: string): Sentence<Params> | undefined {
  return Object.prototype.hasOwnProperty.call(SENTENCES, key)
    ? (SENTENCES[key as MessageKey] as Sentence<Params>)
    : undefined;
}

/** Every param of a finding formatted for its template, keyed by name. */
export function formatParams(key: string, params: Params, format: ParamFormatter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = format(value, paramKind(key, name));
  }
  return out;
}

/** Fills `{{name}}` placeholders; an unknown one stays empty. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** The English templates of a sentence; undefined for a key this version does not know. */
export function templatesOf(key: string | undefined): { message: string; suggestion?: string } | undefined {
  const s = key === undefined ? undefined : sentenceOf(key);
  return s && { message: s.message, suggestion: s.suggestion };
}

export interface Said {
  messageKey: MessageKey;
  params: Params;
  message: string;
  suggestion?: string;
}

/** Texts are capped: a label value or a notice can be any length. */
const MAX_MESSAGE = 2600;

/** A finding's words from its sentence and params (spread into the finding). */
export function say<K extends MessageKey>(key: K, params: ParamsOf<K>): Said {
  const s = SENTENCES[key] as Sentence<Params>;
  const p: Params = { ...params, ...s.derive?.(params as Params) };
  const values = formatParams(key, p, plainFormat);
  const out: Said = { messageKey: key, params: p, message: fill(s.message, values).slice(0, MAX_MESSAGE) };
  if (s.suggestion) {
    out.suggestion = fill(s.suggestion, values).slice(0, MAX_MESSAGE);
  }
  return out;
}
