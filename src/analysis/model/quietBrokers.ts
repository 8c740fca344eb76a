/**
 * Brokers are the union over the broker signals, not only those with messages-in series. A
 * broker that leads no partition has no per-topic messages-in series at all (the per-topic meters
 * exist only for the topics it hosts, and queries drop the all-topics one), yet it reports its
 * replicas, bytes or request handlers: it is a broker taking 0 msg/s — the new or emptied broker
 * the partition-skew check explains — not an absent one.
 *
 * Guard: only when the other role names its brokers the way messages-in does (at least half of
 * its names are messages-in brokers); else a query with another label format (`kafka-1` against
 * `kafka-1:7071`) would double every broker.
 */
import type { MetricRole } from '../types';
import type { RawSeries } from '../read/series';
import { METRIC_ROLES } from '../signals/roles';
import { UNLABELLED_BROKER, type RateSeries } from './prepare';

/**
 * Roles not reported by a broker about itself: messages-in (what is being completed), the
 * controllers' counts, groups, partitions, and disks (named by volume or host, not broker).
 */
const NOT_BY_BROKER: ReadonlySet<MetricRole> = new Set<MetricRole>([
  'messagesIn',
  'offlinePartitions',
  'activeControllers',
  'uncleanElections',
  'preferredReplicaImbalance',
  'consumerLag',
  'partitionOffsets',
  'diskUsage',
]);
const BROKER_ROLES = METRIC_ROLES.filter((role) => !NOT_BY_BROKER.has(role));

/** Zero-traffic messages-in series for the brokers only other broker signals name. */
export function quietBrokers(
  byRole: ReadonlyMap<MetricRole, RawSeries[]>,
  rates: readonly RateSeries[],
  brokerLabel: string | undefined
): RateSeries[] {
  if (!brokerLabel || rates.length === 0 || !BROKER_ROLES.some((role) => byRole.has(role))) {
    return [];
  }
  const known = new Set(rates.map((r) => r.broker));
  // Per extra broker, the series with the most samples: the times it reported at.
  const extra = new Map<string, { series: RawSeries; count: number }>();
  for (const role of BROKER_ROLES) {
    const series = byRole.get(role) ?? [];
    const names = new Set<string>();
    for (let i = 0; i < series.length; i++) {
      const s = series[i];
      const name = s.labels[brokerLabel];
      if (name && name !== UNLABELLED_BROKER) {
        names.add(name);
      }
    }
    let shared = 0;
    for (const name of names) {
      shared += known.has(name) ? 1 : 0;
    }
    if (shared * 2 < names.size) {
      continue;
    }
    for (let j = 0; j < series.length; j++) {
      const s = series[j];
      const name = s.labels[brokerLabel];
      if (!name || known.has(name)) {
        continue;
      }
      let count = 0;
      for (let i = 0; i < s.values.length; i++) {
        count += Number.isFinite(s.values[i]) ? 1 : 0;
      }
      if (count > (extra.get(name)?.count ?? 0)) {
        extra.set(name, { series: s, count });
      }
    }
  }
  return Array.from(extra, ([broker, { series }]) => ({
    broker,
    times: series.times,
    values: Float64Array.from(series.values as ArrayLike<number>, (v) => (Number.isFinite(v) ? 0 : NaN)),
    instant: series.instant,
  }));
}
