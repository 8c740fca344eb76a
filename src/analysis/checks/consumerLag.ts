/**
 * `consumer-lag`, after Burrow's rules over a window of the group's lag:
 * - Burrow WARN (lag increasing through the window) → warning when the lag grows through the
 *   recent window and is above the floor [1,000 messages];
 * - Burrow STALL / STOP (offsets not moving while there is lag) → critical when the lag grows
 *   as fast as producers write to the group's topics (≥ 90% of their produce rate): the group
 *   consumes next to nothing.
 * Burrow judges committed offsets; kafka_exporter gives the lag itself, so a group that stopped
 * committing but still has no lag is not reported here (there is nothing waiting for it).
 */
import type { ConsumerGroupStat, Finding, HealthOptions, TopicStat } from '../types';
import { latest, Timelines } from '../signals/brokerSignals';
import { say } from '../messages';
import { CheckResult, result, skipped } from './context';

/** Share of recent steps that must not fall for the lag to count as growing throughout. */
const RISING_SHARE = 0.8;
const STALL_SHARE = 0.9;

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
  topics: TopicStat[],
  options: HealthOptions
): { groups: ConsumerGroupStat[]; check: CheckResult } {
  if (!t) {
    return { groups: [], check: result() };
  }
  const topicRates = new Map(topics.map((x) => [x.name, x.rate]));
  const range = t.axis.kind === 'range';
  const floor = options.thresholds.consumerLagFloor;
  const findings: Finding[] = [];
  const groups = Array.from(t.byName.entries()).map(([name, values]): ConsumerGroupStat => {
    const groupTopics = Array.from(t.topics.get(name)?.keys() ?? [])
      .filter((x) => x !== '')
      .sort();
    const known = groupTopics.length > 0 && groupTopics.every((x) => topicRates.has(x));
    const produceRate = known ? groupTopics.reduce((a, x) => a + (topicRates.get(x) ?? 0), 0) : undefined;
    const lag = latest(values);
    const growth = range ? recentGrowth(values, t.axis.times, t.axis.recentStart) : undefined;
    let status: ConsumerGroupStat['status'] = 'ok';
    if (growth?.growing && lag >= floor) {
      const stalled = produceRate !== undefined && produceRate > 0 && growth.perSec >= STALL_SHARE * produceRate;
      status = stalled ? 'stalled' : 'growing';
      findings.push({
        check: 'consumer-lag',
        severity: stalled ? 'critical' : 'warning',
        subject: name,
        ...(stalled
          ? say('consumer-lag.stalled', { group: name, lag, growth: growth.perSec, topics: groupTopics.join(', ') })
          : say('consumer-lag.growing', { group: name, lag, growth: growth.perSec })),
        value: lag,
        threshold: floor,
      });
    }
    return {
      name,
      lag,
      growthPerSec: growth && Number.isFinite(growth.perSec) ? growth.perSec : undefined,
      produceRate,
      status,
      topics: groupTopics,
      series: range ? Array.from(values, (v) => (Number.isFinite(v) ? v : null)) : undefined,
    };
  });
  const rank = { stalled: 0, growing: 1, ok: 2 };
  groups.sort((a, b) => rank[a.status] - rank[b.status] || b.lag - a.lag || a.name.localeCompare(b.name));
  const check = range
    ? result(findings)
    : skipped('consumer-lag', 'needs a range query to see the lag grow; this data is an instant query');
  return { groups, check };
}
