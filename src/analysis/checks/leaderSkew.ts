/**
 * `leader-skew`: leaders per broker judged against each broker's share of the replicas — a broker
 * with twice the replicas leading twice as much is not skewed. Leaders take the produce traffic,
 * so a broker leading more than its share is hot; after a restart, leadership stays where it
 * moved until a preferred leader election hands it back.
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { leaderShares, MIN_PARTITIONS, skewed, skewOf } from '../signals/placement';
import { electionCommands } from '../commands';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';
import { PLACEMENT_SKEW } from './partitionSkew';

export const leaderSkew = defineCheck({
  id: 'leader-skew',
  scope: 'broker',
  summary: "leaders off each broker's share of the replicas",
  unit: 'fraction',
  roles: ['leaderCount'],
  // Leaders take the produce traffic: a broker leading more than its share is the hot one.
  explains: { imbalance: 'subject', 'bytes-imbalance': 'subject' },
  thresholds: { partitionSkew: PLACEMENT_SKEW },
  evaluate({ signals }, { partitionSkew: { warning, critical } }): CheckResult {
    const { leaders, partitions, expectedOf } = leaderShares(signals.leaders, signals.partitions);
    if (leaders.size < 2) {
      return skipped('leader-skew', 'needs the leader counts of at least two brokers that are up');
    }
    if (partitions < MIN_PARTITIONS) {
      return skipped('leader-skew', `fewer than ${MIN_PARTITIONS} partitions in the cluster`);
    }
    // One finding, about the broker farthest from its share (the leadership one broker took, the
    // others lack); statuses for all.
    const { statuses, worst } = skewed(leaders, expectedOf, { warning, critical });
    const findings: Finding[] = [];
    if (worst) {
      const { broker, count, expected, severity } = worst;
      findings.push({
        check: 'leader-skew',
        severity,
        subject: broker,
        subjectKind: 'broker',
        ...say(count > expected ? 'leader-skew.more' : 'leader-skew.fewer', { broker, count, expected }),
        value: Math.abs(skewOf(count, expected)),
        threshold: severity === 'critical' ? critical : warning,
        commands: electionCommands(),
      });
    }
    return result(findings, [], statuses);
  },
});
