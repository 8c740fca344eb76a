/**
 * Every sentence the analysis says, in one module. A finding is structured data (check,
 * severity, subject, value, threshold, unit, and the `params` of its sentence); its `message` and
 * `suggestion` are rendered here from its `messageKey` and `params`, so the panel and a command
 * line say the same words, and a translation replaces this module's templates, not the checks.
 * Params are raw figures and names; the templates format them.
 */
import { formatDuration, formatFactor, formatNumber, formatPercent, formatRate, quote } from './format';

export type Params = Readonly<Record<string, string | number>>;

interface Sentence<P> {
  message: (p: P) => string;
  suggestion?: (p: P) => string;
}

const sentence = <P extends Params>(s: Sentence<P>) => s;

/** Shared remedy wording. */
const LEADER_ELECTION = 'kafka-leader-election --election-type PREFERRED';

export const SENTENCES = {
  'analysis-error': sentence<{ error: string }>({
    message: (p) => `The data could not be analysed: ${p.error}`.slice(0, 300),
    suggestion: () => 'Check the query returns time series or a table of MessagesInPerSec rates.',
  }),
  'no-data.none': sentence<{ query: string; fromSource: string }>({
    message: (p) =>
      'The queries returned no series. Likely causes: Prometheus does not scrape the Kafka exporter (check up{job=~".*kafka.*"}), the JMX exporter agent is not attached to the broker JVM, or the metric name differs in your exporter rules.' +
      p.fromSource,
    suggestion: (p) => `Run this in Explore against the same data source: ${p.query}`,
  }),
  'no-data.instant-counters': sentence<{ query: string; fromSource: string }>({
    message: (p) =>
      'The query returns cumulative counters from an instant query: a rate cannot be derived from one sample per series.' +
      p.fromSource,
    suggestion: (p) => `Run this in Explore against the same data source: ${p.query}`,
  }),
  'no-data.other-metrics': sentence<{ query: string; fromSource: string; series: number; found: string }>({
    message: (p) =>
      `The queries returned ${p.series} series, but none is a messages-in series (found: ${p.found}). Point the query at MessagesInPerSec, or name the metric in the panel options.` +
      p.fromSource,
    suggestion: (p) => `Run this in Explore against the same data source: ${p.query}`,
  }),
  'no-data.empty': sentence<{ query: string; fromSource: string; series: number }>({
    message: (p) =>
      `The queries returned ${p.series} series, but every sample is empty (null, NaN or ±Inf): the exporter may report NaN before the broker has traffic, or rate() has fewer than two samples in its window (use a window of at least 4× the scrape interval).` +
      p.fromSource,
    suggestion: (p) => `Run this in Explore against the same data source: ${p.query}`,
  }),
  'raw-counter.derived': sentence<{ count: number; from: string; query: string }>({
    message: (p) =>
      `${p.count} series are cumulative counters, not per-second rates; the panel derived rates itself from ${p.from}, which is coarser than rate() and misses what happens between steps.`,
    suggestion: (p) => `Wrap the query in rate(...[1m]): ${p.query}`,
  }),
  'raw-counter.instant': sentence<{ count: number; query: string }>({
    message: (p) =>
      `${p.count} series are cumulative counters from an instant query; without rate() the panel cannot tell how fast messages arrive.`,
    suggestion: (p) => `Wrap the query in rate(...[1m]): ${p.query}`,
  }),
  'all-zero': sentence<Params>({
    message: () =>
      'Every broker reports 0 msg/s over the whole range. Either nothing produces to this cluster, or the series never moves: the JMX agent may be attached to a Kafka CLI tool instead of the broker (KAFKA_OPTS also applies to CLI tools), or the query selects a metric that stays at zero.',
    suggestion: () =>
      'Produce a test message (kafka-console-producer) and watch the panel; check that the exporter scrape of each broker (port of the JMX agent) shows non-zero kafka_server_brokertopicmetrics_messagesin_total.',
  }),
  'label-not-found': sentence<{ what: string; label: string; used: string }>({
    message: (p) =>
      `No series carries the ${p.what} label "${quote(p.label)}" chosen in the options; ${p.used ? `used "${p.used}" instead` : `${p.what === 'broker' ? 'brokers' : 'topics'} cannot be told apart`}.`,
    suggestion: (p) => `Pick a label present in the data, or set the ${p.what} label option back to auto.`,
  }),
  'no-broker-label': sentence<{ query: string }>({
    message: () =>
      'Some series carry no broker label (broker_id, broker, kubernetes_pod_name, pod, instance or host), so they are shown as one group and per-broker checks cannot see inside it.',
    suggestion: (p) => `Keep the broker label in the aggregation: ${p.query}`,
  }),
  'ignored-series': sentence<{ count: number; reason: string }>({
    message: (p) => `${p.count} series were left out (${p.reason}${p.count > 1 ? ', …' : ''}).`,
  }),
  'query-notice': sentence<{ text: string }>({
    message: (p) => `The data source says: ${quote(p.text)}`,
  }),
  'invalid-values': sentence<{ negative: number; absurd: number; query: string }>({
    message: (p) => {
      const parts: string[] = [];
      if (p.negative > 0) {
        parts.push(
          `${p.negative} sample${p.negative === 1 ? ' is' : 's are'} negative, so not a rate of a counter (deriv() of a gauge, or a subtraction in the query)`
        );
      }
      if (p.absurd > 0) {
        parts.push(
          `${p.absurd} sample${p.absurd === 1 ? ' is' : 's are'} above 10¹² msg/s (an overflowed or mis-scaled series)`
        );
      }
      return `${parts.join('; ')}. They are left out of every figure.`;
    },
    suggestion: (p) => `Messages in must be a per-second rate of the counter: ${p.query}`,
  }),
  'cluster-total': sentence<{ refId: string; total: number; brokers: number; gap: number }>({
    message: (p) =>
      `Query ${quote(p.refId)} without a broker label reads ${formatRate(p.total)} in all, but the brokers sum to ${formatRate(p.brokers)} (${formatPercent(p.gap)} apart): it is a cluster total, compared and not counted as a broker.`,
    suggestion: () =>
      'Brokers are missing from one of the queries (a label filter, a scrape job, a dead exporter), or the two queries measure different things: compare their label filters.',
  }),
  'low-throughput': sentence<{ average: number; level: string; floor: number }>({
    message: (p) =>
      `Average throughput is ${formatRate(p.average)} per broker, below the ${p.level} floor of ${formatRate(p.floor)}.`,
    suggestion: () =>
      'Check that producers are running and can reach the cluster (client errors, authentication, quotas); compare with the expected traffic for this time of day.',
  }),
  'broker-overload': sentence<{ broker: string; rate: number; level: string; capacity: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)} takes ${formatRate(p.rate)}, above its ${p.level} capacity of ${formatRate(p.capacity)}.`,
    suggestion: () =>
      'Move partition leadership off this broker (kafka-reassign-partitions, or a preferred leader election if leaders drifted), add partitions to hot topics, or add brokers.',
  }),
  'imbalance.hot': sentence<{ broker: string; rate: number; mean: number; deviation: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)} is hot: ${formatRate(p.rate)}, ${formatFactor(p.rate / p.mean)} the average of ${formatRate(p.mean)} (+${formatPercent(p.deviation)}).`,
    suggestion: () =>
      `Partition leadership is concentrated on this broker: run a preferred leader election (${LEADER_ELECTION}) if leaders drifted after a restart, otherwise reassign partitions of its busiest topics (kafka-reassign-partitions, or Cruise Control) and check for topics with fewer partitions than brokers.`,
  }),
  'imbalance.idle': sentence<{ broker: string; rate: number; mean: number; deviation: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)} is idle: ${formatRate(p.rate)}, ${formatPercent(p.rate / p.mean)} of the average of ${formatRate(p.mean)} (−${formatPercent(-p.deviation)}).`,
    suggestion: () =>
      `This broker leads few busy partitions: if it restarted recently, run a preferred leader election (${LEADER_ELECTION}) to hand leadership back; otherwise reassign partitions onto it (kafka-reassign-partitions, or Cruise Control).`,
  }),
  'imbalance.empty': sentence<{ broker: string; rate: number; mean: number; deviation: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)} is idle: ${formatRate(p.rate)}, ${formatPercent(p.rate / p.mean)} of the average of ${formatRate(p.mean)} (−${formatPercent(-p.deviation)}).`,
    suggestion: () =>
      'This broker leads nothing: a new or emptied broker gets no partitions by itself, and a leader election cannot help (it holds no replicas). Reassign partitions onto it (kafka-reassign-partitions --generate with its id in --broker-list, or Cruise Control add_broker).',
  }),
  'imbalance.fell': sentence<{ broker: string; rate: number; mean: number; deviation: number; fell: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)} is idle: ${formatRate(p.rate)}, ${formatPercent(p.rate / p.mean)} of the average of ${formatRate(p.mean)} (−${formatPercent(-p.deviation)}); its own traffic fell ${formatPercent(p.fell)} while the others' did not.`,
    suggestion: () =>
      `Leadership moved away from this broker (a restart, an ISR shrink, a controller change): check its log and that it is back in the ISR of its partitions, then run a preferred leader election (${LEADER_ELECTION}).`,
  }),
  'topic-skew': sentence<{ topic: string; broker: string; share: number; clusterShare: number }>({
    message: (p) =>
      `${formatPercent(p.share)} of topic ${quote(p.topic)} (${formatPercent(p.clusterShare)} of the cluster's traffic) lands on broker ${quote(p.broker)}.`,
    suggestion: () =>
      'Give the topic at least as many partitions as brokers (kafka-topics --alter --partitions), spread their leaders (preferred leader election or reassignment), and check that producers do not send everything with one key.',
  }),
  spike: sentence<{ now: number; before: number }>({
    message: (p) =>
      `Cluster traffic jumped to ${formatRate(p.now)}, ${formatFactor(p.now / p.before)} the level before of ${formatRate(p.before)}.`,
    suggestion: () =>
      'Find the topics that grew in the topic table; look for a replaying or retrying producer, a backfill, or a new client; make sure brokers have headroom (request handler idle, network and disk).',
  }),
  drop: sentence<{ now: number; before: number }>({
    message: (p) =>
      `Cluster traffic fell to ${formatRate(p.now)}, ${formatPercent(1 - p.now / p.before)} below the level before of ${formatRate(p.before)}.`,
    suggestion: () =>
      'Check producers first (errors, deployments, authentication, quotas), then broker availability: missing or stalled brokers are listed as their own findings.',
  }),
  'broker-stalled': sentence<{ broker: string; now: number; before: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)} stopped taking messages: ${formatRate(p.now)} now, against ${formatRate(p.before)} before.`,
    suggestion: () =>
      'The broker still reports but leads no busy partition any more: check its log for errors, whether it dropped out of the ISR or lost leadership after a controller change, then run a preferred leader election once it is healthy.',
  }),
  'broker-missing': sentence<{ broker: string; silentMs: number; brokerLabel: string }>({
    message: (p) =>
      `Broker ${quote(p.broker)} has sent nothing for ${formatDuration(p.silentMs)} while the others report.`,
    suggestion: (p) =>
      `Check whether the broker or only its exporter is down: up{${p.brokerLabel}="${quote(p.broker)}"} in Prometheus, the JMX exporter port and the scrape target; then the broker process and its log. Once it is back, a preferred leader election hands its partitions back.`,
  }),
  'cluster-silent': sentence<{ silentMs: number }>({
    message: (p) =>
      `No broker has reported for ${formatDuration(p.silentMs)}: the cluster, its exporters or the scrape are down.`,
    suggestion: () =>
      'Check the scrape targets in Prometheus (up == 0, and their errors), then the brokers and their JMX exporters; if Prometheus itself stopped ingesting, every dashboard goes quiet at once.',
  }),
  'data-delayed': sentence<{ delayMs: number }>({
    message: (p) =>
      `Every series stops ${formatDuration(p.delayMs)} before now, at the same moment: most likely ingestion lag (remote write, a busy Prometheus). The verdict is for the latest data.`,
    suggestion: () =>
      'If the gap grows past a few minutes, the cluster or the scrape may be down: check the scrape targets (up) and Prometheus or remote-write ingestion.',
  }),
  'bytes-imbalance.in': sentence<{ broker: string; bytes: string; mean: string; deviation: number }>({
    message: (p) =>
      `Bytes in: broker ${quote(p.broker)} ${p.deviation > 0 ? 'carries' : 'carries only'} ${p.bytes}, ${p.deviation > 0 ? '+' : '−'}${formatPercent(Math.abs(p.deviation))} against the mean of ${p.mean}.`,
    suggestion: () =>
      'Partitions with large messages are led by few brokers: reassign the leaders of the heaviest topics, or give them more partitions.',
  }),
  'bytes-imbalance.out': sentence<{ broker: string; bytes: string; mean: string; deviation: number }>({
    message: (p) =>
      `Bytes out: broker ${quote(p.broker)} ${p.deviation > 0 ? 'carries' : 'carries only'} ${p.bytes}, ${p.deviation > 0 ? '+' : '−'}${formatPercent(Math.abs(p.deviation))} against the mean of ${p.mean}.`,
    suggestion: () =>
      'Consumers read mostly from this broker: spread the leaders of the most-read topics, or let consumers fetch from followers (KIP-392, replica.selector.class).',
  }),
  'request-handlers': sentence<{ broker: string; idle: number; floor: number; lifetime: number }>({
    message: (p) =>
      `Broker ${quote(p.broker)}'s request handlers are idle only ${formatPercent(p.idle)} of the time (below ${formatPercent(p.floor)}).` +
      (p.lifetime
        ? " Note: this gauge (MeanRate) averages over the broker's lifetime; rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m]) / 1e9 gives the current ratio."
        : ''),
    suggestion: () =>
      'The broker is saturated: spread partition leadership (it may also be the hot broker), raise num.io.threads if CPU and disks have room, and look for slow disks or large produce batches.',
  }),
  'request-handlers.double-counted': sentence<{ level: number }>({
    message: (p) =>
      `The request-handler idle ratio reads ${formatNumber(p.level)}, above 1, so it is not judged: ` +
      "in KRaft combined mode (process.roles=broker,controller) Kafka before 4.2 adds the broker's and the controller's " +
      'handler pools into one meter, each divided by its own thread count (KAFKA-19606).',
    suggestion: () =>
      'Run dedicated controllers (process.roles=controller) and brokers (process.roles=broker), as production clusters do, ' +
      'or upgrade to Kafka 4.2 or later, where the meter averages over all handler threads. ' +
      'If the query is a percentage (0–100), say so in its text (… * 100) and it is read as one.',
  }),
  'under-replicated': sentence<{
    broker: string;
    count: number;
    heldMs: number;
    limitMinutes: number;
    persistent: number;
  }>({
    message: (p) =>
      `Broker ${quote(p.broker)} leads ${p.count} under-replicated partition${p.count === 1 ? '' : 's'}` +
      (p.heldMs > 0
        ? ` (for ${Math.round(p.heldMs / 60_000)} min${p.persistent ? `, over the ${p.limitMinutes} min limit` : ''}).`
        : '.'),
    suggestion: () =>
      "A follower is not keeping up or is down: kafka-topics --describe --under-replicated-partitions, then the followers' disks, network and logs (ISR shrinks); a broker restart shows this briefly.",
  }),
  'offline-partitions': sentence<{ count: number }>({
    message: (p) =>
      `${p.count} partition${p.count === 1 ? ' has' : 's have'} no leader: producers and consumers of ${p.count === 1 ? 'it' : 'them'} are blocked.`,
    suggestion: () =>
      'Bring the brokers holding the replicas back; if none of the in-sync replicas can return, decide on unclean leader election (data loss) per topic.',
  }),
  'active-controllers.several': sentence<{ count: number }>({
    message: (p) => `${p.count} nodes claim to be the active controller: the cluster must have exactly one.`,
    suggestion: () =>
      'A split controller quorum or a zombie controller: check the controller logs and the quorum (kafka-metadata-quorum describe --status).',
  }),
  'active-controllers.not-scraped': sentence<Params>({
    message: () =>
      'No scraped node reports an active controller. With KRaft, the controllers may be separate nodes this query does not scrape.',
    suggestion: () =>
      'Add the controller nodes (process.roles=controller) to the scrape and the query to judge the controller; nothing is wrong if they are healthy.',
  }),
  'active-controllers.lost': sentence<Params>({
    message: () => 'The cluster lost its active controller: no node reports one any more.',
    suggestion: () =>
      'Metadata changes (leader elections, topic changes) are stuck: check the controller quorum (kafka-metadata-quorum describe --status) and the controller logs.',
  }),
  'consumer-lag.stalled': sentence<{ group: string; lag: number; growth: number; topics: string }>({
    message: (p) =>
      `Consumer group ${quote(p.group)} has stalled: its lag of ${Math.round(p.lag)} messages grows by ${formatRate(p.growth)}, as fast as producers write to ${p.topics}.`,
    suggestion: () =>
      'The consumers are down, stuck or rebalancing in a loop: check the group (kafka-consumer-groups --describe --group), its members and their logs.',
  }),
  'consumer-lag.growing': sentence<{ group: string; lag: number; growth: number }>({
    message: (p) =>
      `Consumer group ${quote(p.group)} is falling behind: its lag grew throughout the recent window to ${Math.round(p.lag)} messages (+${formatRate(p.growth)}).`,
    suggestion: () =>
      'Consumers are slower than producers: add consumers (up to the partition count), speed up processing, or check for a rebalance storm.',
  }),
} as const;

export type MessageKey = keyof typeof SENTENCES;
type ParamsOf<K extends MessageKey> = Parameters<(typeof SENTENCES)[K]['message']>[0];

export interface Said {
  messageKey: MessageKey;
  params: Params;
  message: string;
  suggestion?: string;
}

/** A finding's words from its sentence and params (spread into the finding). */
export function say<K extends MessageKey>(key: K, params: ParamsOf<K>): Said {
  const s = SENTENCES[key] as Sentence<Params>;
  const p = params as Params;
  const out: Said = { messageKey: key, params: p, message: s.message(p) };
  if (s.suggestion) {
    out.suggestion = s.suggestion(p);
  }
  return out;
}
