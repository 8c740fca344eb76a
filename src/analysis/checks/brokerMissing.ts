import { stepRates } from '../model/model';
import type { BrokerStatus, Finding } from '../types';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';
import { STATE } from '../history';

/**
 * `broker-missing`: a broker whose latest sample is older than the staleness limit while others
 * are fresh (model/freshness.ts). A silent cluster is one finding (cluster-silent), not one per broker.
 */
/** The first missing (NaN) step; the length when none is. */
function firstGap(series: Float64Array): number {
  for (let i = 0; i < series.length; i++) {
    if (series[i] !== series[i]) {
      return i;
    }
  }
  return series.length;
}

export const brokerMissing = defineCheck({
  id: 'broker-missing',
  scope: 'broker',
  summary: 'a broker silent while the others report',
  unit: 'duration',
  roles: ['messagesIn'],
  // Its followers leave the ISR (the leaders of those partitions report them under-replicated),
  // partitions with no other replica go offline, its traffic moves to the others or is lost.
  explains: {
    'under-replicated': 'cluster',
    'under-min-isr': 'cluster',
    'isr-churn': 'cluster',
    'leader-skew': 'cluster',
    'preferred-leader-imbalance': 'cluster',
    'offline-partitions': 'cluster',
    'bytes-imbalance': 'cluster',
    imbalance: 'cluster',
    'topic-skew': 'cluster',
    drop: 'cluster',
  },
  settings: ['recentMinutes'],
  thresholds: {},
  // Down from the first step its latest sample is stale at, until it reports again.
  history: ({ messages }) => {
    if (!messages) {
      return {};
    }
    const { times, staleAfter } = messages.axis;
    const brokers = new Map<string, Uint8Array>();
    for (let k = 0; k < messages.brokers.length; k++) {
      const b = messages.brokers[k];
      // A row only for a broker that was down at some step (see brokerStalled).
      let states: Uint8Array | undefined;
      const series = stepRates(messages, k);
      // A silence is a run of missing steps: a timeline without one (most) has nothing to mark.
      const gap = firstGap(series);
      if (gap === series.length) {
        continue;
      }
      // A silence longer than the staleness limit is down from its first step: who went first shows.
      let last = gap - 1;
      for (let i = gap; i <= series.length; i++) {
        if (i < series.length && series[i] !== series[i]) {
          continue;
        }
        const until = i < series.length ? times[i] : messages.axis.judgeAt;
        if (last >= 0 && i - last > 1 && until - times[last] > staleAfter) {
          states ??= new Uint8Array(times.length);
          states.fill(STATE.down, last + 1, i);
        }
        last = i < series.length ? i : last;
      }
      if (states) {
        brokers.set(b.name, states);
      }
    }
    return { brokers };
  },
  evaluate({ messages }): CheckResult {
    if (!messages) {
      return result();
    }
    if (messages.axis.kind !== 'range') {
      return skipped('broker-missing', 'needs a range query; this data is an instant query');
    }
    const findings: Finding[] = [];
    const statuses = new Map<string, BrokerStatus>();
    const perBroker = messages.freshness.clusterSilentMs === undefined;
    for (const b of messages.brokers) {
      if (b.status !== 'missing') {
        continue;
      }
      statuses.set(b.name, 'missing');
      if (!perBroker) {
        continue;
      }
      const silent = messages.freshness.stale.get(b.name) ?? NaN;
      findings.push({
        check: 'broker-missing',
        severity: 'critical',
        subject: b.name,
        subjectKind: 'broker',
        ...say('broker-missing', {
          broker: b.name,
          silentMs: silent,
          since: messages.freshness.judgeAt - silent,
          brokerLabel: messages.brokerLabel ?? 'instance',
        }),
        value: silent,
        threshold: messages.axis.staleAfter,
      });
    }
    return result(findings, [], statuses);
  },
});
