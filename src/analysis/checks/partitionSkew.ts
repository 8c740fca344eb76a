/**
 * `partition-skew`: replicas per broker, peer-relative over the brokers that are up (as Cruise
 * Control balances them): a broker holding far more replicas than the mean carries more of every
 * kind of load; one holding none (a new or emptied broker) takes no traffic at all.
 */
import type { Finding, TopicStat } from '../types';
import { say } from '../messages';
import { currentCounts, MIN_PARTITIONS, skewed, skewOf, total } from '../signals/placement';
import { reassignCommands } from '../commands';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';

export const PLACEMENT_SKEW = {
  kind: 'ceiling',
  default: { warning: 0.2, critical: 0.5 },
  label: 'Partition skew',
  description:
    'Replicas (or leaders, against each broker’s share of replicas) off the mean by more than this share, with one partition of tolerance. 0 disables a level.',
  step: 0.05,
} as const;

/** How many topics a reassignment plan moves at once: the busiest, a plan an operator can review. */
const MOVE_TOPICS = 5;

/**
 * The topics to move: off a broker holding too much, the busiest it leads; onto one holding too
 * little (or nothing), the cluster's busiest, spread over every broker.
 */
export function topicsToMove(topics: readonly TopicStat[], broker: string, off: boolean): string[] {
  const led = off ? topics.filter((t) => t.brokers.some((b) => b.name === broker && b.rate > 0)) : [];
  return (led.length > 0 ? led : topics).slice(0, MOVE_TOPICS).map((t) => t.name);
}

export const partitionSkew = defineCheck({
  id: 'partition-skew',
  scope: 'broker',
  summary: 'replicas unevenly placed across brokers',
  unit: 'fraction',
  roles: ['partitionCount'],
  // A broker with more replicas takes more messages and bytes: that is why it is hot.
  explains: { imbalance: 'subject', 'bytes-imbalance': 'subject', 'storage-skew': 'subject' },
  thresholds: { partitionSkew: PLACEMENT_SKEW },
  evaluate({ signals, messages }, { partitionSkew: { warning, critical } }): CheckResult {
    const replicas = currentCounts(signals.partitions);
    if (replicas.size < 2) {
      return skipped('partition-skew', 'needs the partition counts of at least two brokers that are up');
    }
    const leaders = currentCounts(signals.leaders);
    const partitions = leaders.size > 0 ? total(leaders.values()) : total(replicas.values());
    if (partitions < MIN_PARTITIONS) {
      return skipped('partition-skew', `fewer than ${MIN_PARTITIONS} partitions in the cluster`);
    }
    const mean = total(replicas.values()) / replicas.size;
    const { statuses, worst } = skewed(replicas, () => mean, { warning, critical });
    const findings: Finding[] = [];
    if (worst) {
      const { broker, count, severity } = worst;
      findings.push({
        check: 'partition-skew',
        severity,
        subject: broker,
        subjectKind: 'broker',
        ...say(count === 0 ? 'partition-skew.empty' : count > mean ? 'partition-skew.more' : 'partition-skew.fewer', {
          broker,
          count,
          mean,
        }),
        value: Math.abs(skewOf(count, mean)),
        threshold: severity === 'critical' ? critical : warning,
        commands: reassignCommands(
          topicsToMove(messages?.topics ?? [], broker, count > mean),
          Array.from(replicas.keys())
        ),
      });
    }
    return result(findings, [], statuses);
  },
});
