import type { Finding } from '../types';
import type { PreparedSeries } from '../model/prepare';
import { formatPercent, formatRate, quote } from '../format';
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

/** Negative or absurd samples: said once, and left out of every total. */
export function invalidValuesFinding(prepared: PreparedSeries): Finding | undefined {
  const { negativeSamples: negative, absurdSamples: absurd } = prepared;
  if (negative === 0 && absurd === 0) {
    return undefined;
  }
  const parts: string[] = [];
  if (negative > 0) {
    parts.push(
      `${negative} sample${negative === 1 ? ' is' : 's are'} negative, so not a rate of a counter (deriv() of a gauge, or a subtraction in the query)`
    );
  }
  if (absurd > 0) {
    parts.push(
      `${absurd} sample${absurd === 1 ? ' is' : 's are'} above 10¹² msg/s (an overflowed or mis-scaled series)`
    );
  }
  return {
    check: 'invalid-values',
    severity: 'warning',
    message: `${parts.join('; ')}. They are left out of every figure.`,
    value: negative + absurd,
    suggestion: `Messages in must be a per-second rate of the counter: ${recommendedQueryFor(prepared)}`,
  };
}

/** The latest fresh value of a series at the judge time; NaN when it has none. */
function freshValue(
  s: { times: Float64Array; values: ArrayLike<number> },
  judgeAt: number,
  staleAfter: number
): number {
  for (let i = s.values.length - 1; i >= 0; i--) {
    const v = s.values[i];
    if (v === v) {
      return judgeAt - s.times[i] <= staleAfter ? v : NaN;
    }
  }
  return NaN;
}

/** Relative disagreement a cluster total may have with the sum of the brokers (rate() windows differ a little). */
const TOTAL_TOLERANCE = 0.05;

/**
 * A series without a broker label beside per-broker ones is a cluster total: it is compared with
 * the sum of the brokers, never counted as a broker. A disagreement means brokers are missing from
 * one of the queries (a label filter, a scrape job) or the two measure different things.
 */
export function clusterTotalFindings(
  prepared: PreparedSeries,
  brokerSum: number,
  judgeAt: number,
  staleAfter: number
): Finding[] {
  const byRefId = new Map<string, number>();
  for (const t of prepared.totals) {
    const v = freshValue(t, judgeAt, staleAfter);
    if (Number.isFinite(v)) {
      byRefId.set(t.refId, (byRefId.get(t.refId) ?? 0) + v);
    }
  }
  const out: Finding[] = [];
  for (const [refId, total] of byRefId) {
    const gap = Math.abs(total - brokerSum) / Math.max(total, brokerSum);
    if (Math.max(total, brokerSum) > 0 && gap > TOTAL_TOLERANCE) {
      out.push({
        check: 'cluster-total',
        severity: 'warning',
        message: `Query ${quote(refId)} without a broker label reads ${formatRate(total)} in all, but the brokers sum to ${formatRate(brokerSum)} (${formatPercent(gap)} apart): it is a cluster total, compared and not counted as a broker.`,
        value: gap,
        threshold: TOTAL_TOLERANCE,
        suggestion:
          'Brokers are missing from one of the queries (a label filter, a scrape job, a dead exporter), or the two queries measure different things: compare their label filters.',
      });
    }
  }
  return out;
}
