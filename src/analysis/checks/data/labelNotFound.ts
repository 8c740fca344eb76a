import type { Finding } from '../../types';
import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result } from '../context';

/** `label-not-found`: a broker or topic label chosen in the options that no series carries. */
export const labelNotFound = defineCheck({
  id: 'label-not-found',
  scope: 'data',
  summary: 'a label chosen in the options that the data lacks',
  roles: [],
  thresholds: {},
  evaluate({ reading }): CheckResult {
    const findings: Finding[] = [];
    for (const what of ['broker', 'topic'] as const) {
      const choice = reading.prepared[what];
      if (choice.requestedButAbsent) {
        findings.push({
          check: 'label-not-found',
          severity: 'warning',
          ...(choice.label
            ? say(`label-not-found.${what}`, { label: choice.requestedButAbsent, used: choice.label })
            : say(`label-not-found.${what}-none`, { label: choice.requestedButAbsent })),
        });
      }
    }
    return result(findings);
  },
});
