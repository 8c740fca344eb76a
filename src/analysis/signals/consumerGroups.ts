/**
 * Consumer groups in the model: each group's latest lag, how it moved through the recent window
 * and how fast producers write to its topics. Whether that is a problem is the consumer-lag
 * check's to say (checks/consumerLag.ts); here every group starts `ok`.
 */
import type { ConsumerGroupStat, TopicStat } from '../types';
import { latest, Timelines } from './brokerSignals';
import { groupsBehind, type GroupBehind, type PartitionLag } from './lagTime';

/** Share of recent steps that must not fall for the lag to count as growing throughout. */
const RISING_SHARE = 0.8;

export interface GroupModel {
  stat: ConsumerGroupStat;
  /** The lag grew through the recent window (range data only). */
  growing: boolean;
  /** Seconds behind per step, when the partition offsets are queried (signals/lagTime.ts). */
  behind?: GroupBehind;
}

function recentGrowth(values: Float64Array, times: Float64Array, recentStart: number) {
  const idx: number[] = [];
  for (let i = Math.max(0, recentStart); i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      idx.push(i);
    }
  }
  if (idx.length < 3) {
    return undefined;
  }
  let notFalling = 0;
  for (let k = 1; k < idx.length; k++) {
    if (values[idx[k]] >= values[idx[k - 1]]) {
      notFalling++;
    }
  }
  const first = idx[0];
  const last = idx[idx.length - 1];
  const seconds = (times[last] - times[first]) / 1000;
  const perSec = seconds > 0 ? (values[last] - values[first]) / seconds : NaN;
  const growing = values[last] > values[first] && notFalling >= RISING_SHARE * (idx.length - 1);
  return { perSec, growing };
}

export function consumerGroups(
  t: Timelines | undefined,
  topics: readonly TopicStat[],
  partitionLag?: PartitionLag
): GroupModel[] {
  if (!t) {
    return [];
  }
  const behindOf = partitionLag ? groupsBehind(partitionLag) : undefined;
  const topicRates = new Map(topics.map((x) => [x.name, x.rate]));
  const range = t.axis.kind === 'range';
  return Array.from(t.byName.entries()).map(([name, values]): GroupModel => {
    const groupTopics = Array.from(t.topics.get(name)?.keys() ?? [])
      .filter((x) => x !== '')
      .sort();
    const known = groupTopics.length > 0 && groupTopics.every((x) => topicRates.has(x));
    const growth = range ? recentGrowth(values, t.axis.times, t.axis.recentStart) : undefined;
    const behind = behindOf?.get(name);
    const seconds = behind ? latest(behind.seconds) : NaN;
    return {
      stat: {
        name,
        lag: latest(values),
        growthPerSec: growth && Number.isFinite(growth.perSec) ? growth.perSec : undefined,
        produceRate: known ? groupTopics.reduce((a, x) => a + (topicRates.get(x) ?? 0), 0) : undefined,
        ...(behind && Number.isFinite(seconds) ? { behindSeconds: seconds, behindPartition: behind.worst } : {}),
        ...(behind?.noEstimate ? { noEstimate: behind.noEstimate } : {}),
        status: 'ok',
        topics: groupTopics,
        series: range ? Array.from(values, (v) => (Number.isFinite(v) ? v : null)) : undefined,
      },
      growing: growth?.growing ?? false,
      behind,
    };
  });
}

const STATUS_RANK: Record<ConsumerGroupStat['status'], number> = { stalled: 0, behind: 1, growing: 2, ok: 3 };

/** The groups with the statuses the check gave them, worst first, then by lag. */
export function judgedGroups(
  groups: readonly GroupModel[],
  statuses: ReadonlyMap<string, ConsumerGroupStat['status']>
): ConsumerGroupStat[] {
  return groups
    .map(({ stat }) => ({ ...stat, status: statuses.get(stat.name) ?? stat.status }))
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.lag - a.lag || a.name.localeCompare(b.name));
}
