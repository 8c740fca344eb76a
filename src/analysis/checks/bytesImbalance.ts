/**
 * `bytes-imbalance`: the imbalance score of messages-in, applied to bytes in and bytes out per
 * broker (same formula, same thresholds). Large messages can load a broker that message counts
 * call balanced, and consumers (bytes out) can load one that producers do not.
 */
import type { Finding, LevelThresholds } from '../types';
import { say } from '../messages';
import { formatBytesRate } from '../format';
import { farthestFromMean, spreadAround } from '../stats';
import { compareNames } from '../names';
import { defineCheck } from './check';
import { aboveCeiling, append, CheckResult, result, skipped } from './context';
import { IMBALANCE } from './imbalance';

/** Below this average per broker, bytes are a trickle and their balance means nothing (1 KiB/s). */
export const MIN_BYTE_RATE = 1024;

/**
 * `live`: the brokers taking traffic now (messages-in); a missing or stalled broker has its own
 * finding and carries no bytes to balance. Without messages-in, every broker with bytes counts.
 */
function judge(
  direction: 'in' | 'out',
  all: Map<string, number>,
  { warning, critical }: LevelThresholds,
  live?: ReadonlySet<string>
): CheckResult {
  const rates = live ? new Map(Array.from(all).filter(([b]) => live.has(b))) : all;
  if (rates.size < 2) {
    return result();
  }
  const { mean, deviation: deviationOf } = spreadAround(Array.from(rates.values()));
  if (!(mean >= MIN_BYTE_RATE)) {
    return skipped('bytes-imbalance', `average bytes ${direction} per broker below ${formatBytesRate(MIN_BYTE_RATE)}`);
  }
  // Brokers in name order: (near-)ties go to the first name, so neither input order nor rounding picks it.
  const subject = farthestFromMean(Array.from(rates.keys()).sort(compareNames), (b) => deviationOf(rates.get(b)!))!;
  const deviation = deviationOf(rates.get(subject)!);
  const severity = aboveCeiling(Math.abs(deviation), warning, critical);
  if (!severity) {
    return result();
  }
  const finding: Finding = {
    check: 'bytes-imbalance',
    severity,
    subject,
    subjectKind: 'broker',
    ...say(`bytes-imbalance.${direction}-${deviation > 0 ? 'high' : 'low'}`, {
      broker: subject,
      bytes: rates.get(subject)!,
      mean,
      deviation,
    }),
    value: Math.abs(deviation),
    threshold: severity === 'critical' ? critical : warning,
  };
  return result([finding]);
}

export const bytesImbalance = defineCheck({
  id: 'bytes-imbalance',
  scope: 'broker',
  summary: 'the same for bytes in and out',
  unit: 'fraction',
  roles: ['bytesIn', 'bytesOut'],
  thresholds: { imbalance: IMBALANCE },
  evaluate({ signals, live }, { imbalance: limits }): CheckResult {
    const out = result();
    for (const r of [judge('in', signals.inRates, limits, live), judge('out', signals.outRates, limits, live)]) {
      append(out.findings, r.findings);
      append(out.notEvaluated, r.notEvaluated);
    }
    return out;
  },
});
