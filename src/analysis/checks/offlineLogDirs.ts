import { say } from '../messages';
import { brokerCodes, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { aboveZero } from './brokerGauges';

/**
 * `offline-log-dirs`: a broker with a log directory offline (an I/O error took the disk out). Its
 * replicas there are gone until the disk is replaced: critical, with the stability rule.
 */
export const offlineLogDirs = defineCheck({
  id: 'offline-log-dirs',
  scope: 'broker',
  summary: 'a broker lost a log directory (failed disk)',
  unit: 'count',
  roles: ['offlineLogDirs'],
  settings: ['recentMinutes'],
  // The replicas on the failed disk leave the ISR: under-replicated, below min ISR, or offline.
  explains: {
    'under-replicated': 'cluster',
    'under-min-isr': 'cluster',
    'isr-churn': 'cluster',
    'offline-partitions': 'cluster',
  },
  thresholds: {},
  history: ({ signals, messages }) =>
    signals.offlineLogDirs && messages
      ? { brokers: brokerCodes(messages.axis, signals.offlineLogDirs, (v) => (v > 0 ? STATE.critical : STATE.none)) }
      : {},
  evaluate({ signals }): CheckResult {
    if (!signals.offlineLogDirs) {
      return result();
    }
    const { findings, statuses } = aboveZero(signals.offlineLogDirs, 'log-dir-offline', (broker, count) => ({
      check: 'offline-log-dirs',
      severity: 'critical',
      subject: broker,
      subjectKind: 'broker',
      ...say('offline-log-dirs', { broker, count }),
      value: count,
      threshold: 0,
    }));
    return result(findings, [], statuses);
  },
});
