import type { CheckId, Finding, Severity, Verdict } from './types';
import { compareNames } from './names';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Order within a severity: data problems first (they undermine everything else), then cluster-wide, then per broker/topic. */
const CHECK_ORDER: CheckId[] = [
  'analysis-error',
  'no-data',
  'raw-counter',
  'invalid-values',
  'all-zero',
  'label-not-found',
  'cluster-silent',
  'data-delayed',
  'offline-partitions',
  'active-controllers',
  'drop',
  'spike',
  'low-throughput',
  'broker-missing',
  'broker-stalled',
  'broker-overload',
  'under-replicated',
  'request-handlers',
  'imbalance',
  'bytes-imbalance',
  'consumer-lag',
  'topic-skew',
  'cluster-total',
  'no-broker-label',
  'ignored-series',
  'query-notice',
];

export function orderFindings(findings: Finding[]): Finding[] {
  return findings
    .slice()
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        CHECK_ORDER.indexOf(a.check) - CHECK_ORDER.indexOf(b.check) ||
        compareNames(a.subject ?? '', b.subject ?? '') ||
        a.message.localeCompare(b.message)
    );
}

/** The worst warning or critical finding; info never changes the verdict. */
export function verdictOf(findings: Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'critical')) {
    return 'critical';
  }
  return findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
}
