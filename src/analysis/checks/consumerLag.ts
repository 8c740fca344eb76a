/**
 * `consumer-lag`, after Burrow's rules over a window of the group's lag:
 * - Burrow WARN (lag increasing through the window) → warning when the lag grows through the
 *   recent window and is above the floor [1,000 messages];
 * - Burrow STALL / STOP (offsets not moving while there is lag) → critical when the lag grows
 *   as fast as producers write to the group's topics (≥ 90% of their produce rate): the group
 *   consumes next to nothing.
 * Burrow judges committed offsets; kafka_exporter gives the lag itself, so a group that stopped
 * committing but still has no lag is not reported here (there is nothing waiting for it).
 * - lag in time (the worst partition's lag ÷ its produce rate, signals/lagTime.ts) → warning
 *   from 60 s, critical from 300 s, held like a gauge; one finding per group, the worse of the
 *   two rules (a stalled group keeps its own words).
 * The model measures each group (signals/consumerGroups.ts); this judges it.
 */
import type { ConsumerGroupStat, ConsumerGroupStatus, Finding } from '../types';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { condition } from './stability';

const STALL_SHARE = 0.9;

export const consumerLag = defineCheck({
  id: 'consumer-lag',
  scope: 'group',
  summary: "a consumer group's lag growing, or the group stalled",
  unit: 'count',
  roles: ['consumerLag', 'partitionOffsets'],
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
    consumerLagSeconds: {
      kind: 'ceiling',
      default: { warning: 60, critical: 300 },
      label: 'Consumer lag in time',
      description:
        "How far behind its producers a group may be, in seconds: the worst partition's lag ÷ that partition's produce rate. Needs the partition-offsets query (kafka_topic_partition_current_offset). 0 disables a level.",
      unit: 's',
      step: 10,
    },
  },
  evaluate({ signals, groups }, { consumerLagFloor: floor, consumerLagSeconds: seconds }): CheckResult {
    if (!signals.lag) {
      return result();
    }
    const range = signals.lag.axis.kind === 'range';
    const lagAxis = signals.partitionLag?.lag.axis;
    const findings: Finding[] = [];
    const groupStatuses = new Map<string, ConsumerGroupStatus>();
    for (const { stat, growing, behind } of groups) {
      // Burrow's rules, on messages.
      let byMessages: 'critical' | 'warning' | undefined;
      const growth = stat.growthPerSec ?? NaN;
      const stalled =
        stat.produceRate !== undefined && stat.produceRate > 0 && growth >= STALL_SHARE * stat.produceRate;
      if (range && growing && stat.lag >= floor) {
        byMessages = stalled ? 'critical' : 'warning';
      }
      // Lag in time: the worst partition, held like a gauge.
      let byTime: { severity: 'critical' | 'warning'; limit: number } | undefined;
      if (behind && lagAxis) {
        for (const [severity, limit] of [
          ['critical', seconds.critical],
          ['warning', seconds.warning],
        ] as const) {
          if (limit > 0 && condition(behind.seconds, lagAxis, (v) => v >= limit).holds) {
            byTime = { severity, limit };
            break;
          }
        }
      }
      if (!byMessages && !byTime) {
        continue;
      }
      // One finding per group, the worse of the two; on a tie the time says more, unless stalled.
      const timeFirst = byTime && (!byMessages || RANK[byTime.severity] < RANK[byMessages] || !stalled);
      if (timeFirst) {
        groupStatuses.set(stat.name, 'behind');
        findings.push({
          check: 'consumer-lag',
          severity: byTime!.severity,
          subject: stat.name,
          ...say('consumer-lag.behind', {
            group: stat.name,
            behindMs: stat.behindSeconds! * 1000,
            partition: stat.behindPartition ?? '?',
            lag: stat.lag,
            limitMs: byTime!.limit * 1000,
          }),
          value: stat.lag,
        });
        continue;
      }
      groupStatuses.set(stat.name, stalled ? 'stalled' : 'growing');
      findings.push({
        check: 'consumer-lag',
        severity: byMessages!,
        subject: stat.name,
        ...messageRule(stat, stalled, growth),
        value: stat.lag,
        threshold: floor,
      });
    }
    const notEvaluated =
      range || signals.partitionLag
        ? []
        : [
            {
              check: 'consumer-lag' as const,
              reason: 'needs a range query to see the lag grow; this data is an instant query',
            },
          ];
    return { ...result(findings, notEvaluated), groupStatuses };
  },
});

const RANK = { critical: 0, warning: 1 } as const;

/** The message rules' words, with the time behind when the partition offsets tell it. */
function messageRule(stat: ConsumerGroupStat, stalled: boolean, growth: number) {
  const base = { group: stat.name, lag: stat.lag, growth };
  const topics = stat.topics.join(', ');
  const behindMs = stat.behindSeconds === undefined ? undefined : stat.behindSeconds * 1000;
  if (stalled) {
    return behindMs === undefined
      ? say('consumer-lag.stalled', { ...base, topics })
      : say('consumer-lag.stalled.behind', { ...base, topics, behindMs });
  }
  return behindMs === undefined
    ? say('consumer-lag.growing', base)
    : say('consumer-lag.growing.behind', { ...base, behindMs });
}
