/**
 * Who is reporting *now*. A broker whose latest sample is older than the staleness limit
 * (max(2 steps, 1 minute)) at the judge time is missing while others are fresh — on a 5-minute
 * range and a 7-day one alike. When nobody is fresh:
 * - every series stopped at the same moment (within a step), less than Prometheus' 5-minute
 *   lookback ago: most often ingestion lag (remote write, a busy Prometheus). The report is
 *   judged at the latest data and says how far behind it is (`data-delayed`, warning);
 * - otherwise the cluster, its exporters or the scrape are down (`cluster-silent`, critical).
 */
import type { Samples } from '../read/series';
import { staleAfter, TimeGrid } from './timeline';

/** Prometheus' default lookback: a shorter silence of everything at once is most likely lag. */
export const LOOKBACK_MS = 5 * 60_000;

export interface Freshness {
  /** The moment judged: the grid's, or the latest data when everything lags alike. */
  judgeAt: number;
  /** Brokers with data whose latest sample is stale at the judge time, with how long they are silent (ms). */
  stale: Map<string, number>;
  /** Every broker silent (and not mere lag): for how long (ms). */
  clusterSilentMs?: number;
  /** Everything lags alike by this much (ms); judged at the latest data instead. */
  delayedMs?: number;
}

/** Time of the latest valid sample, read from the end; −Infinity when there is none. */
export function lastSampleTime(times: Float64Array, values: Samples): number {
  for (let i = Math.min(times.length, values.length) - 1; i >= 0; i--) {
    const v = values[i];
    if (v === v) {
      return times[i];
    }
  }
  return -Infinity;
}

/** A broker's series as freshness reads them. */
type BrokerSamples = ReadonlyArray<{ broker: string; times: Float64Array; values: Samples }>;

/** Latest sample time per broker, over all its series. */
function lastSeenByBroker(series: BrokerSamples): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    const t = lastSampleTime(s.times, s.values);
    if (t > (out.get(s.broker) ?? -Infinity)) {
      out.set(s.broker, t);
    }
  }
  return out;
}

/**
 * Which brokers are stale at the judge time, or whether everything is silent or lagging. Only a
 * range has a "since": instant data is judged as it is, with no pass over its series.
 */
export function assessFreshness(series: BrokerSamples, grid: TimeGrid): Freshness {
  const judgeAt = grid.judgeAt;
  const none: Freshness = { judgeAt, stale: new Map() };
  if (grid.kind !== 'range') {
    return none;
  }
  const limit = staleAfter(grid.step);
  const seen = Array.from(lastSeenByBroker(series).entries()).filter(([, t]) => Number.isFinite(t));
  if (seen.length === 0) {
    return none;
  }
  let newest = -Infinity;
  let oldest = Infinity;
  for (const [, t] of seen) {
    newest = Math.max(newest, t);
    oldest = Math.min(oldest, t);
  }
  const silentFor = judgeAt - newest;
  if (silentFor <= limit) {
    const stale = new Map<string, number>();
    for (const [broker, t] of seen) {
      if (judgeAt - t > limit) {
        stale.set(broker, judgeAt - t);
      }
    }
    return { judgeAt, stale };
  }
  if (silentFor < LOOKBACK_MS && newest - oldest <= grid.step) {
    return { judgeAt: newest, stale: new Map(), delayedMs: silentFor };
  }
  return {
    judgeAt,
    stale: new Map(seen.map(([broker, t]) => [broker, judgeAt - t])),
    clusterSilentMs: silentFor,
  };
}
