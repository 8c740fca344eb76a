/**
 * Request latency (`kafka.network:type=RequestMetrics,name=TotalTimeMs,request=…`), the 99th
 * percentile only, per request type and broker. The jmx_exporter and Strimzi rules export every
 * percentile as one name with a `quantile` label ("0.99"); some configs put it in the name
 * (`…_99thpercentile`). A query that already picked the p99 (`max by (instance, request) (…
 * {quantile="0.99"})`) has neither: it is taken as the p99. Other percentiles, means and counts
 * are left out, and so are request types other than the three judged.
 */
import type { HealthOptions } from '../types';
import type { RawSeries } from '../read/series';
import type { TimeGrid } from '../model/timeline';
import { gaugeMeans, type Timelines } from './brokerSignals';

export const REQUEST_KINDS = ['Produce', 'FetchConsumer', 'FetchFollower'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const P99_NAME = /_99thpercentile$/i;
const OTHER_STAT_NAME = /_(?:\d+thpercentile|mean|min|max|count|stddev|sum|total|oneminuterate|meanrate)$/i;

/** Whether a series carries the 99th percentile, by its quantile label or its name. */
export function isP99(s: RawSeries): boolean {
  const q = s.labels.quantile;
  if (q !== undefined) {
    return Math.abs(Number(q) - 0.99) < 1e-9;
  }
  return P99_NAME.test(s.name) || !OTHER_STAT_NAME.test(s.name);
}

/** The request type a series is about, when it is one of those judged. */
function kindOf(s: RawSeries): RequestKind | undefined {
  const request = s.labels.request;
  return (REQUEST_KINDS as readonly string[]).includes(request) ? (request as RequestKind) : undefined;
}

/** p99 request time (ms) per request type, per broker. */
export function requestLatencies(
  series: RawSeries[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid
): Map<RequestKind, Timelines> {
  const byKind = new Map<RequestKind, RawSeries[]>();
  for (const s of series) {
    const kind = kindOf(s);
    if (kind && isP99(s)) {
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(s);
    }
  }
  const out = new Map<RequestKind, Timelines>();
  for (const kind of REQUEST_KINDS) {
    const t = byKind.has(kind) ? gaugeMeans(byKind.get(kind)!, options, brokerLabel, grid) : undefined;
    if (t) {
      out.set(kind, t);
    }
  }
  return out;
}
