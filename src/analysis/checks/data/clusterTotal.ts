/**
 * `cluster-total`: a series without a broker label beside per-broker ones is a cluster total. It
 * is compared with the sum of the brokers, never counted as a broker. A disagreement means brokers
 * are missing from one of the queries (a label filter, a scrape job) or the two measure different
 * things.
 */
import type { Finding } from '../../types';
import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result } from '../context';

/** Relative disagreement a cluster total may have with the sum of the brokers (rate() windows differ a little). */
const TOTAL_TOLERANCE = 0.05;

/** The latest fresh value of a series at the judge time; NaN when it has none. */
function freshValue(
  s: { times: Float64Array; values: ArrayLike<number> },
  judgeAt: number,
  staleAfter: number
): number {
  for (let i = s.values.length - 1; i >= 0; i--) {
    const v = s.values[i];
    if (v === v) {
      return judgeAt - s.times[i] <= staleAfter ? v : NaN;
    }
  }
  return NaN;
}

export const clusterTotal = defineCheck({
  id: 'cluster-total',
  scope: 'data',
  summary: 'a cluster-total series disagreeing with the sum of the brokers',
  unit: 'fraction',
  roles: ['messagesIn'],
  thresholds: {},
  evaluate({ reading, messages }): CheckResult {
    if (!messages) {
      return result();
    }
    const { judgeAt, staleAfter } = messages.axis;
    const brokerSum = messages.cluster.totalRate;
    const byRefId = new Map<string, number>();
    for (const t of reading.prepared.totals) {
      const v = freshValue(t, judgeAt, staleAfter);
      if (Number.isFinite(v)) {
        byRefId.set(t.refId, (byRefId.get(t.refId) ?? 0) + v);
      }
    }
    const findings: Finding[] = [];
    for (const [refId, total] of byRefId) {
      const gap = Math.abs(total - brokerSum) / Math.max(total, brokerSum);
      if (Math.max(total, brokerSum) > 0 && gap > TOTAL_TOLERANCE) {
        findings.push({
          check: 'cluster-total',
          severity: 'warning',
          ...say('cluster-total', { refId, total, brokers: brokerSum, gap }),
          value: gap,
          threshold: TOTAL_TOLERANCE,
        });
      }
    }
    return result(findings);
  },
});
