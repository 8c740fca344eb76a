/**
 * `disk-usage`: a broker's data disk filling up (Confluent Health+ warns at 70%, critical at 90%).
 * Kafka takes a log directory offline when its disk is full, so this comes before the failure.
 * Needs a used-fraction query (kubelet volume stats or node_exporter filesystems); one that
 * returns bytes is said once and not judged.
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';
import { aboveCeiling, ceilingHistory } from './brokerGauges';

export const diskUsage = defineCheck({
  id: 'disk-usage',
  scope: 'broker',
  summary: "a broker's data disk filling up",
  unit: 'fraction',
  roles: ['diskUsage'],
  settings: ['recentMinutes'],
  thresholds: {
    diskUsage: {
      kind: 'ceiling',
      default: { warning: 0.7, critical: 0.9 },
      label: 'Disk usage',
      description:
        "Fires when a broker's data disk is more than this share full (0–1). Needs the disk-usage query (used ÷ capacity).",
      step: 0.05,
    },
  },
  history: ({ signals, messages }, { diskUsage: levels }) =>
    signals.diskUsage && messages ? { brokers: ceilingHistory(messages.axis, signals.diskUsage, levels) } : {},
  evaluate({ signals }, { diskUsage: levels }): CheckResult {
    const notFraction = signals.diskNotFraction
      ? skipped(
          'disk-usage',
          `query ${signals.diskNotFraction.join(', ')} returns bytes, not a used fraction: divide used by capacity`
        )
      : result();
    if (!signals.diskUsage) {
      return notFraction;
    }
    const findings = aboveCeiling(signals.diskUsage, levels, (broker, usage, severity, limit) => ({
      check: 'disk-usage',
      severity,
      subject: broker,
      subjectKind: 'broker',
      ...say('disk-usage', { broker, usage, limit }),
      value: usage,
      threshold: limit,
    })) satisfies Finding[];
    return result(
      findings,
      notFraction.notEvaluated,
      new Map(findings.filter((f) => f.severity === 'critical').map((f) => [f.subject!, 'disk-full' as const]))
    );
  },
});
