/**
 * `consumer-lag`, after Burrow's rules over a window of the group's lag:
 * - Burrow WARN (lag increasing through the window) → warning when the lag grows through the
 *   recent window and is above the floor [1,000 messages];
 * - Burrow STALL / STOP (offsets not moving while there is lag) → critical when the lag grows
 *   as fast as producers write to the group's topics (≥ 90% of their produce rate): the group
 *   consumes next to nothing.
 * Burrow judges committed offsets; kafka_exporter gives the lag itself, so a group that stopped
 * committing but still has no lag is not reported here (there is nothing waiting for it).
 * The model measures each group (signals/consumerGroups.ts); this judges it.
 */
import type { ConsumerGroupStatus, Finding } from '../types';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';

const STALL_SHARE = 0.9;

export const consumerLag = defineCheck({
  id: 'consumer-lag',
  scope: 'group',
  summary: "a consumer group's lag growing, or the group stalled",
  unit: 'count',
  roles: ['consumerLag'],
  settings: ['recentMinutes'],
  thresholds: {
    consumerLagFloor: {
      kind: 'single',
      default: 1000,
      label: 'Consumer lag floor',
      description: 'A growing lag below this many messages is not reported.',
      unit: 'msgs',
      step: 100,
    },
  },
  evaluate({ signals, groups }, { consumerLagFloor: floor }): CheckResult {
    if (!signals.lag) {
      return result();
    }
    if (signals.lag.axis.kind !== 'range') {
      return skipped('consumer-lag', 'needs a range query to see the lag grow; this data is an instant query');
    }
    const findings: Finding[] = [];
    const groupStatuses = new Map<string, ConsumerGroupStatus>();
    for (const { stat, growing } of groups) {
      if (!growing || !(stat.lag >= floor)) {
        continue;
      }
      const growth = stat.growthPerSec ?? NaN;
      const stalled =
        stat.produceRate !== undefined && stat.produceRate > 0 && growth >= STALL_SHARE * stat.produceRate;
      groupStatuses.set(stat.name, stalled ? 'stalled' : 'growing');
      findings.push({
        check: 'consumer-lag',
        severity: stalled ? 'critical' : 'warning',
        subject: stat.name,
        ...(stalled
          ? say('consumer-lag.stalled', { group: stat.name, lag: stat.lag, growth, topics: stat.topics.join(', ') })
          : say('consumer-lag.growing', { group: stat.name, lag: stat.lag, growth })),
        value: stat.lag,
        threshold: floor,
      });
    }
    return { ...result(findings), groupStatuses };
  },
});
