import type { Finding } from '../types';
import { say } from '../messages';
import { CheckContext, CheckResult, reaches, result, skipped } from './context';

/** A topic is worth judging when it carries at least this share of the cluster's traffic. */
export const TOPIC_SKEW_MIN_SHARE = 0.05;
export const TOPIC_SKEW_MIN_BROKERS = 3;

/**
 * `topic-skew` (info): a busy topic whose traffic lands mostly on one broker. Kafka counts
 * MessagesIn on partition leaders, so this means few partitions or leaders bunched together.
 */
export function checkTopicSkew(ctx: CheckContext): CheckResult {
  const limit = ctx.options.thresholds.topicSkew;
  if (limit <= 0) {
    return skipped('topic-skew', 'disabled: no threshold set');
  }
  if (ctx.topics.length === 0) {
    return skipped('topic-skew', 'no per-topic series (no topic label in the data)');
  }
  if (ctx.reporting.length < TOPIC_SKEW_MIN_BROKERS) {
    return skipped('topic-skew', `needs at least ${TOPIC_SKEW_MIN_BROKERS} reporting brokers`);
  }
  if (ctx.cluster.totalRate <= 0) {
    return skipped('topic-skew', 'no traffic');
  }
  const findings: Finding[] = [];
  for (const t of ctx.topics) {
    if (!t.skewed) {
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
    });
  }
  return result(findings);
}

/** Marks the topics the check will report, so the topic table and the findings agree. */
export function isSkewed(share: number, maxBrokerShare: number, limit: number, reportingBrokers: number): boolean {
  return (
    limit > 0 &&
    reportingBrokers >= TOPIC_SKEW_MIN_BROKERS &&
    reaches(share, TOPIC_SKEW_MIN_SHARE) &&
    reaches(maxBrokerShare, limit)
  );
}
