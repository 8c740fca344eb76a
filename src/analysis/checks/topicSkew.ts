import type { Finding } from '../types';
import { say } from '../messages';
import { addPartitionsCommands } from '../commands';
import { defineCheck } from './check';
import { CheckResult, reaches, result, skipped } from './context';

/** A topic is worth judging when it carries at least this share of the cluster's traffic. */
export const TOPIC_SKEW_MIN_SHARE = 0.05;
export const TOPIC_SKEW_MIN_BROKERS = 3;

export const TOPIC_SKEW = {
  kind: 'single',
  default: 0.8,
  label: 'Topic skew',
  description: "Share of a busy topic's traffic on one broker that counts as skewed (0–1). 0 disables.",
  step: 0.05,
} as const;

export function isSkewed(share: number, maxBrokerShare: number, limit: number): boolean {
  return reaches(share, TOPIC_SKEW_MIN_SHARE) && reaches(maxBrokerShare, limit);
}

/**
 * `topic-skew` (info): a busy topic whose traffic lands mostly on one broker. Kafka counts
 * MessagesIn on partition leaders, so this means few partitions or leaders bunched together.
 * The topics it reports are the ones the topic table marks skewed.
 */
export const topicSkew = defineCheck({
  id: 'topic-skew',
  scope: 'topic',
  summary: "a busy topic's traffic landing on one broker",
  unit: 'fraction',
  roles: ['messagesIn'],
  thresholds: { topicSkew: TOPIC_SKEW },
  evaluate({ messages }, { topicSkew: limit }): CheckResult {
    if (!messages) {
      return result();
    }
    if (limit <= 0) {
      return skipped('topic-skew', 'disabled: no threshold set');
    }
    if (messages.topics.length === 0) {
      return skipped('topic-skew', 'no per-topic series (no topic label in the data)');
    }
    if (messages.reporting.length < TOPIC_SKEW_MIN_BROKERS) {
      return skipped('topic-skew', `needs at least ${TOPIC_SKEW_MIN_BROKERS} reporting brokers`);
    }
    if (messages.cluster.totalRate <= 0) {
      return skipped('topic-skew', 'no traffic');
    }
    const findings: Finding[] = [];
    for (const t of messages.topics) {
      if (!isSkewed(t.share, t.maxBrokerShare, limit)) {
        continue;
      }
      const top = t.brokers[0];
      findings.push({
        check: 'topic-skew',
        severity: 'info',
        subject: t.name,
        subjectKind: 'topic',
        ...say('topic-skew', { topic: t.name, broker: top.name, share: t.maxBrokerShare, clusterShare: t.share }),
        value: t.maxBrokerShare,
        threshold: limit,
        commands: addPartitionsCommands(t.name, messages.reporting.length),
      });
    }
    return { ...result(findings), skewedTopics: findings.map((f) => f.subject!) };
  },
});
