import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, single } from './context';

/** `cluster-silent`: data earlier in the range, none from any broker within the staleness limit. */
export const clusterSilent = defineCheck({
  id: 'cluster-silent',
  scope: 'cluster',
  summary: 'no broker reports any more: the cluster or its scrape is down',
  unit: 'duration',
  roles: ['messagesIn'],
  // Whatever else the last samples say about single brokers follows from nothing arriving at all.
  explains: {
    'broker-missing': 'cluster',
    'broker-stalled': 'cluster',
    'under-replicated': 'cluster',
    'under-min-isr': 'cluster',
    'isr-churn': 'cluster',
    'offline-partitions': 'cluster',
    'bytes-imbalance': 'cluster',
    imbalance: 'cluster',
    'topic-skew': 'cluster',
    drop: 'cluster',
    'low-throughput': 'cluster',
  },
  thresholds: {},
  evaluate({ messages }): CheckResult {
    const silentMs = messages?.freshness.clusterSilentMs;
    if (!messages || silentMs === undefined) {
      return result();
    }
    return single({
      check: 'cluster-silent',
      severity: 'critical',
      ...say('cluster-silent', { silentMs }),
      value: silentMs,
      threshold: messages.axis.staleAfter,
    });
  },
});
