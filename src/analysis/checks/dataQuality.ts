import type { Finding } from '../types';
import type { PreparedSeries } from '../model/prepare';
import { quote } from '../format';
import { say } from '../messages';
import { recommendedQuery } from '../promql';

/** Why there is nothing to analyse, as specific as the data allows. */
export function noDataFinding(prepared: PreparedSeries, seriesRead: number, notices: string[], query: string): Finding {
  const fromSource = notices.length ? ` The data source said: ${notices.map(quote).join('; ')}.` : '';
  const words =
    seriesRead === 0
      ? say('no-data.none', { query, fromSource })
      : prepared.unusableCounterCount > 0 && prepared.unusableCounterCount + prepared.ignoredCount >= seriesRead
        ? say('no-data.instant-counters', { query, fromSource })
        : prepared.otherMetricNames.length > 0 && prepared.emptyCount === 0
          ? say('no-data.other-metrics', {
              query,
              fromSource,
              series: seriesRead,
              found: prepared.otherMetricNames.slice(0, 5).map(quote).join(', '),
            })
          : say('no-data.empty', { query, fromSource, series: seriesRead });
  return { check: 'no-data', severity: 'critical', ...words };
}

export function rawCounterFinding(
  prepared: PreparedSeries,
  kind: 'range' | 'instant',
  query: string
): Finding | undefined {
  if (prepared.counterCount === 0) {
    return undefined;
  }
  const count = prepared.counterCount;
  const derived = count - prepared.unusableCounterCount;
  return {
    check: 'raw-counter',
    severity: 'warning',
    ...(derived > 0
      ? say('raw-counter.derived', {
          count,
          from: kind === 'range' ? 'adjacent samples' : 'the samples it had',
          query,
        })
      : say('raw-counter.instant', { count, query })),
    value: count,
  };
}

export function allZeroFinding(): Finding {
  return { check: 'all-zero', severity: 'warning', ...say('all-zero', {}) };
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
      ...say('label-not-found', {
        what: 'broker',
        label: prepared.broker.requestedButAbsent,
        used: prepared.broker.label ?? '',
      }),
    });
  }
  if (prepared.topic.requestedButAbsent) {
    out.push({
      check: 'label-not-found',
      severity: 'warning',
      ...say('label-not-found', {
        what: 'topic',
        label: prepared.topic.requestedButAbsent,
        used: prepared.topic.label ?? '',
      }),
    });
  }
  if (unlabelled) {
    out.push({
      check: 'no-broker-label',
      severity: 'info',
      ...say('no-broker-label', { query }),
    });
  }
  if (prepared.ignoredCount > 0 && prepared.rates.length > 0) {
    out.push({
      check: 'ignored-series',
      severity: 'info',
      ...say('ignored-series', { count: prepared.ignoredCount, reason: prepared.ignored[0].reason }),
      value: prepared.ignoredCount,
    });
  }
  for (const text of notices.slice(0, 5)) {
    out.push({ check: 'query-notice', severity: 'info', ...say('query-notice', { text }) });
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
  return {
    check: 'invalid-values',
    severity: 'warning',
    ...say('invalid-values', { negative, absurd, query: recommendedQueryFor(prepared) }),
    value: negative + absurd,
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
        ...say('cluster-total', { refId, total, brokers: brokerSum, gap }),
        value: gap,
        threshold: TOTAL_TOLERANCE,
      });
    }
  }
  return out;
}
