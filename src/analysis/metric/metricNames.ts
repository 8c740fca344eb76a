/**
 * Recognises the spellings of Kafka's BrokerTopicMetrics MessagesInPerSec across exporters.
 *
 * | exporter                               | name                                                    | values            |
 * |----------------------------------------|---------------------------------------------------------|-------------------|
 * | jmx_exporter examples, Strimzi          | kafka_server_brokertopicmetrics_messagesin_total         | counter           |
 * | Strimzi metrics reporter                | kafka_server_brokertopicmetrics_messagesinpersec_total   | counter           |
 * | Confluent                               | kafka_server_brokertopicmetrics_messagesinpersec         | cumulative count  |
 * | Bitnami                                 | kafka_server_brokertopicmetrics_messagesinpersec_count   | counter           |
 * | Bitnami, all topics                     | kafka_server_brokertopicmetrics_total_messagesinpersec_count | counter       |
 * | older configs                           | kafka_server_BrokerTopicMetrics_MessagesInPerSec         | cumulative count  |
 * | cp-helm-charts (topic in the name)      | cp_kafka_server_brokertopicmetrics_messagesinpersec_topic_<t> | OneMinuteRate |
 * | Redpanda                                | redpanda_kafka_records_produced_total (redpanda_topic)   | counter           |
 */

/**
 * How sure the name makes us that values are cumulative:
 * - `yes`: a counter by naming convention (`_total`, `_count`); a fall is a reset.
 * - `likely`: the exporter usually exports the cumulative Count, but rule sets differ; over a range the data decides.
 * - `maybe`: nothing in the name; over a range the data decides, on an instant query it is taken as a rate.
 * - `no`: the exporter exports a per-second gauge (OneMinuteRate, recording rules).
 */
export type CounterEvidence = 'yes' | 'likely' | 'maybe' | 'no';

export interface MetricInfo {
  messagesIn: boolean;
  counter: CounterEvidence;
  /** Topic carried in the metric name instead of a label (cp-helm-charts rules). */
  topicFromName?: string;
  /** The name itself marks the all-topics total (Bitnami). */
  allTopics: boolean;
}

const TOPIC_IN_NAME = /^(?:cp_)?kafka_server_brokertopicmetrics_messagesinpersec_topic_(.+)$/i;
const KAFKA_MESSAGES_IN = /^(cp_)?kafka_server_brokertopicmetrics_(total_)?messagesin(persec)?(_total|_count)?$/i;
const REDPANDA_PRODUCED = /^redpanda_kafka_records_produced_total$/;
const GAUGE_HINT = /(one|five|fifteen)minuterate|meanrate|:rate|_rate\d*[smh]?$/i;
const LOOKS_LIKE_MESSAGES_IN = /messages_?in|records_produced/i;

function bySuffix(name: string): CounterEvidence {
  return /(_total|_count)$/.test(name) ? 'yes' : 'maybe';
}

/**
 * @param name `__name__` of the series, '' when PromQL dropped it.
 * @param wanted the panel's metric-name option; '' recognises the known spellings.
 */
export function classifyMetric(name: string, wanted: string): MetricInfo {
  if (name === '') {
    // rate(), sum() and friends drop the name: the query is taken to be messages-in.
    return { messagesIn: true, counter: 'maybe', allTopics: false };
  }
  if (wanted !== '') {
    return { messagesIn: name === wanted, counter: GAUGE_HINT.test(name) ? 'no' : bySuffix(name), allTopics: false };
  }
  const topicInName = TOPIC_IN_NAME.exec(name);
  if (topicInName) {
    return { messagesIn: true, counter: 'no', topicFromName: topicInName[1], allTopics: false };
  }
  const kafka = KAFKA_MESSAGES_IN.exec(name);
  if (kafka) {
    const [, cpPrefix, totalPrefix, , suffix] = kafka;
    let counter: CounterEvidence = suffix ? 'yes' : 'likely';
    if (cpPrefix && !suffix) {
      counter = 'no'; // cp-helm-charts rules export the OneMinuteRate attribute
    }
    return { messagesIn: true, counter, allTopics: !!totalPrefix };
  }
  if (REDPANDA_PRODUCED.test(name)) {
    return { messagesIn: true, counter: 'yes', allTopics: false };
  }
  if (LOOKS_LIKE_MESSAGES_IN.test(name)) {
    // Recording rules (`job:kafka_messages_in:rate1m`) and custom exporter rules.
    return { messagesIn: true, counter: GAUGE_HINT.test(name) ? 'no' : bySuffix(name), allTopics: false };
  }
  return { messagesIn: false, counter: 'maybe', allTopics: false };
}
