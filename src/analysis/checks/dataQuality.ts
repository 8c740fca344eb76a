import type { Finding } from '../types';
import type { PreparedSeries } from '../model/prepare';
import { quote } from '../format';
import { recommendedQuery } from '../promql';

/** Why there is nothing to analyse, as specific as the data allows. */
export function noDataFinding(prepared: PreparedSeries, seriesRead: number, notices: string[], query: string): Finding {
  const fromSource = notices.length ? ` The data source said: ${notices.map(quote).join('; ')}.` : '';
  let message: string;
  if (seriesRead === 0) {
    message =
      'The queries returned no series. Likely causes: Prometheus does not scrape the Kafka exporter (check up{job=~".*kafka.*"}), the JMX exporter agent is not attached to the broker JVM, or the metric name differs in your exporter rules.';
  } else if (prepared.unusableCounterCount > 0 && prepared.unusableCounterCount + prepared.ignoredCount >= seriesRead) {
    message =
      'The query returns cumulative counters from an instant query: a rate cannot be derived from one sample per series.';
  } else if (prepared.otherMetricNames.length > 0 && prepared.emptyCount === 0) {
    message = `The queries returned ${seriesRead} series, but none is a messages-in series (found: ${prepared.otherMetricNames
      .slice(0, 5)
      .map(quote)
      .join(', ')}). Point the query at MessagesInPerSec, or name the metric in the panel options.`;
  } else {
    message = `The queries returned ${seriesRead} series, but every sample is empty (null, NaN or ±Inf): the exporter may report NaN before the broker has traffic, or rate() has fewer than two samples in its window (use a window of at least 4× the scrape interval).`;
  }
  return {
    check: 'no-data',
    severity: 'critical',
    message: message + fromSource,
    suggestion: `Run this in Explore against the same data source: ${query}`,
  };
}

export function rawCounterFinding(
  prepared: PreparedSeries,
  kind: 'range' | 'instant',
  query: string
): Finding | undefined {
  if (prepared.counterCount === 0) {
    return undefined;
  }
  const derived = prepared.counterCount - prepared.unusableCounterCount;
  const message =
    derived > 0
      ? `${prepared.counterCount} series are cumulative counters, not per-second rates; the panel derived rates itself from ${kind === 'range' ? 'adjacent samples' : 'the samples it had'}, which is coarser than rate() and misses what happens between steps.`
      : `${prepared.counterCount} series are cumulative counters from an instant query; without rate() the panel cannot tell how fast messages arrive.`;
  return {
    check: 'raw-counter',
    severity: 'warning',
    message,
    value: prepared.counterCount,
    suggestion: `Wrap the query in rate(...[1m]): ${query}`,
  };
}

export function allZeroFinding(): Finding {
  return {
    check: 'all-zero',
    severity: 'warning',
    message:
      'Every broker reports 0 msg/s over the whole range. Either nothing produces to this cluster, or the series never moves: the JMX agent may be attached to a Kafka CLI tool instead of the broker (KAFKA_OPTS also applies to CLI tools), or the query selects a metric that stays at zero.',
    suggestion:
      'Produce a test message (kafka-console-producer) and watch the panel; check that the exporter scrape of each broker (port of the JMX agent) shows non-zero kafka_server_brokertopicmetrics_messagesin_total.',
  };
}

/** Remarks about how the data was read; they never change the verdict. */
export function readingFindings(
  prepared: PreparedSeries,
  notices: string[],
  unlabelled: boolean,
  query: string
): Finding[] {
  const out: Finding[] = [];
  if (prepared.broker.requestedButAbsent) {
    out.push({
      check: 'label-not-found',
      severity: 'warning',
      message: `No series carries the broker label "${quote(prepared.broker.requestedButAbsent)}" chosen in the options; ${prepared.broker.label ? `used "${prepared.broker.label}" instead` : 'brokers cannot be told apart'}.`,
      suggestion: 'Pick a label present in the data, or set the broker label option back to auto.',
    });
  }
  if (prepared.topic.requestedButAbsent) {
    out.push({
      check: 'label-not-found',
      severity: 'warning',
      message: `No series carries the topic label "${quote(prepared.topic.requestedButAbsent)}" chosen in the options; ${prepared.topic.label ? `used "${prepared.topic.label}" instead` : 'topics cannot be told apart'}.`,
      suggestion: 'Pick a label present in the data, or set the topic label option back to auto.',
    });
  }
  if (unlabelled) {
    out.push({
      check: 'no-broker-label',
      severity: 'info',
      message:
        'Some series carry no broker label (broker_id, broker, kubernetes_pod_name, pod, instance or host), so they are shown as one group and per-broker checks cannot see inside it.',
      suggestion: `Keep the broker label in the aggregation: ${query}`,
    });
  }
  if (prepared.ignoredCount > 0 && prepared.rates.length > 0) {
    out.push({
      check: 'ignored-series',
      severity: 'info',
      message: `${prepared.ignoredCount} series were left out (${prepared.ignored[0].reason}${prepared.ignoredCount > 1 ? ', …' : ''}).`,
      value: prepared.ignoredCount,
    });
  }
  for (const text of notices.slice(0, 5)) {
    out.push({ check: 'query-notice', severity: 'info', message: `The data source says: ${quote(text)}` });
  }
  return out;
}

export function recommendedQueryFor(prepared: PreparedSeries): string {
  const metric = prepared.metricNames.find((n) => /(_total|_count)$/.test(n));
  return recommendedQuery({ brokerLabel: prepared.broker.label, topicLabel: prepared.topic.label, metric });
}
