/** The query this panel works best with, adjusted to the labels found in the data. */

export const DEFAULT_MESSAGES_IN_METRIC = 'kafka_server_brokertopicmetrics_messagesin_total';

export interface QueryLabels {
  brokerLabel?: string;
  topicLabel?: string;
  /** A counter name seen in the data; the default jmx_exporter spelling otherwise. */
  metric?: string;
}

const SAFE_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const SAFE_METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * Per broker and topic, excluding the all-topics series (`topic!=""`) so sums never double count.
 * Label and metric names from the data are only used when they are valid PromQL identifiers.
 */
export function recommendedQuery({ brokerLabel, topicLabel, metric }: QueryLabels = {}): string {
  const broker = brokerLabel && SAFE_LABEL.test(brokerLabel) ? brokerLabel : 'instance';
  const topic = topicLabel && SAFE_LABEL.test(topicLabel) ? topicLabel : 'topic';
  const name = metric && SAFE_METRIC.test(metric) ? metric : DEFAULT_MESSAGES_IN_METRIC;
  return `sum by (${broker}, ${topic}) (rate(${name}{${topic}!=""}[1m]))`;
}
