/**
 * `preferred-leader-imbalance`: partitions whose leader is not their preferred replica, as the
 * active controller counts them, above a share of the partitions (Kafka's own
 * leader.imbalance.per.broker.percentage is 10%) through the recent window *and* as long again
 * before it: leadership that drifted (after a restart) and stayed, not a rolling restart in
 * progress. Absent (KRaft controllers not scraped) is not evaluated, never read as 0.
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { currentCounts, MIN_PARTITIONS, total } from '../signals/placement';
import { codesOnAxis, STATE } from '../history';
import { electionCommands } from '../commands';
import { defineCheck } from './check';
import { CheckResult, result, single, skipped } from './context';
import { highestTimeline } from '../signals/brokerSignals';

export const preferredLeaderImbalance = defineCheck({
  id: 'preferred-leader-imbalance',
  scope: 'cluster',
  summary: 'leadership drifted from the preferred replicas and stayed',
  unit: 'fraction',
  roles: ['preferredReplicaImbalance'],
  settings: ['recentMinutes'],
  // Leadership away from the preferred replicas is why leaders are skewed.
  explains: { 'leader-skew': 'cluster' },
  thresholds: {
    preferredLeaderImbalance: {
      kind: 'single',
      default: 0.1,
      label: 'Preferred-leader imbalance',
      description:
        'Share of the partitions led by a replica other than the preferred one, held through the recent window and as long before it (Kafka’s leader.imbalance.per.broker.percentage is 10%). 0 disables.',
      step: 0.05,
    },
  },
  history: ({ signals, messages }, { preferredLeaderImbalance: share }) => {
    const t = signals.preferredImbalance;
    const partitions = total(currentCounts(signals.leaders).values());
    if (!t || !messages || share <= 0 || partitions < MIN_PARTITIONS) {
      return {};
    }
    return {
      cluster: codesOnAxis(messages.axis, t.axis, highestTimeline(t), (v) =>
        v > share * partitions ? STATE.warning : STATE.none
      ),
    };
  },
  evaluate({ signals }, { preferredLeaderImbalance: share }): CheckResult {
    const t = signals.preferredImbalance;
    if (!t || share <= 0) {
      return result();
    }
    const partitions = total(currentCounts(signals.leaders).values());
    if (partitions < MIN_PARTITIONS) {
      return skipped(
        'preferred-leader-imbalance',
        `needs the leader counts to know the partitions (at least ${MIN_PARTITIONS})`
      );
    }
    const counts = highestTimeline(t);
    const limit = share * partitions;
    const { recentStart, freshStart } = t.axis;
    // Held since as long before the recent window as the window itself.
    const from = Math.max(0, recentStart - (counts.length - recentStart));
    let latest = NaN;
    let seen = 0;
    for (let i = from; i < counts.length; i++) {
      const v = counts[i];
      if (!Number.isFinite(v)) {
        continue;
      }
      if (!(v > limit)) {
        return result();
      }
      seen++;
      latest = i >= freshStart ? v : latest;
    }
    if (!Number.isFinite(latest) || seen < 2 || from === recentStart) {
      return result();
    }
    const finding: Finding = {
      check: 'preferred-leader-imbalance',
      severity: 'warning',
      ...say('preferred-leader-imbalance', { count: latest, partitions, share: latest / partitions }),
      value: latest / partitions,
      threshold: share,
      commands: electionCommands(),
    };
    return single(finding);
  },
});
