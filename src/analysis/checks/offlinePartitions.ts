import { latest, highestTimeline } from '../signals/brokerSignals';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, single } from './context';
import { condition } from './stability';
import { codesOnAxis, STATE } from '../history';

/** `offline-partitions`: partitions without a leader now (the highest count any controller reports). */
export const offlinePartitions = defineCheck({
  id: 'offline-partitions',
  scope: 'cluster',
  summary: 'partitions without a leader',
  unit: 'count',
  roles: ['offlinePartitions'],
  thresholds: {},
  history: ({ signals, messages }) =>
    signals.offline && messages
      ? {
          cluster: codesOnAxis(messages.axis, signals.offline.axis, highestTimeline(signals.offline), (v) =>
            v > 0 ? STATE.critical : STATE.none
          ),
        }
      : {},
  evaluate({ signals }): CheckResult {
    const t = signals.offline;
    if (!t) {
      return result();
    }
    const counts = highestTimeline(t);
    if (!condition(counts, t.axis, (v) => v > 0).holds) {
      return result();
    }
    const count = latest(counts);
    return single({
      check: 'offline-partitions',
      severity: 'critical',
      ...say('offline-partitions', { count }),
      value: count,
      threshold: 0,
    });
  },
});
