import type { Finding, Severity, Verdict } from './types';
import { CHECK_RANK, CHECKS, withUnit } from './checks/registry';

const CHECKS_COUNT = CHECKS.length;
import { compareNames } from './names';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The findings in report order, each with the unit its check declares. */
export function orderFindings(findings: Finding[]): Finding[] {
  return findings
    .map(withUnit)
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (CHECK_RANK[a.check] ?? CHECKS_COUNT) - (CHECK_RANK[b.check] ?? CHECKS_COUNT) ||
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
