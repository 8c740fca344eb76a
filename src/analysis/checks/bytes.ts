/**
 * `bytes-imbalance`: the imbalance score of messages-in, applied to bytes in and bytes out per
 * broker (same formula, same thresholds). Large messages can load a broker that message counts
 * call balanced, and consumers (bytes out) can load one that producers do not.
 */
import type { Finding, HealthOptions } from '../types';
import { current, Timelines } from '../signals/brokerSignals';
import { say } from '../messages';
import { aboveCeiling, CheckResult, result, skipped } from './context';
import { farthestFromMean, spreadAround } from '../stats';
import { compareNames } from '../names';

export function brokerByteRates(t: Timelines | undefined, options: HealthOptions): Map<string, number> {
  const out = new Map<string, number>();
  if (t) {
    for (const [broker, values] of t.byName) {
      const r = current(values, t.axis, options);
      if (Number.isFinite(r)) {
        out.set(broker, r);
      }
    }
  }
  return out;
}

function humanBytes(v: number): string {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

/** Below this average per broker, bytes are a trickle and their balance means nothing (1 KiB/s). */
export const MIN_BYTE_RATE = 1024;

/**
 * `live`: the brokers taking traffic now (messages-in); a missing or stalled broker has its own
 * finding and carries no bytes to balance. Without messages-in, every broker with bytes counts.
 */
export function checkBytesImbalance(
  direction: 'in' | 'out',
  all: Map<string, number>,
  options: HealthOptions,
  live?: ReadonlySet<string>
): CheckResult {
  const rates = live ? new Map(Array.from(all).filter(([b]) => live.has(b))) : all;
  if (rates.size < 2) {
    return result();
  }
  const { mean, deviation: deviationOf } = spreadAround(Array.from(rates.values()));
  if (!(mean >= MIN_BYTE_RATE)) {
    return skipped('bytes-imbalance', `average bytes ${direction} per broker below ${humanBytes(MIN_BYTE_RATE)}`);
  }
  // Brokers in name order: (near-)ties go to the first name, so neither input order nor rounding picks it.
  const subject = farthestFromMean(Array.from(rates.keys()).sort(compareNames), (b) => deviationOf(rates.get(b)!))!;
  const deviation = deviationOf(rates.get(subject)!);
  const { warning, critical } = options.thresholds.imbalance;
  const severity = aboveCeiling(Math.abs(deviation), warning, critical);
  if (!severity) {
    return result();
  }
  const finding: Finding = {
    check: 'bytes-imbalance',
    severity,
    subject,
    subjectKind: 'broker',
    ...say(direction === 'in' ? 'bytes-imbalance.in' : 'bytes-imbalance.out', {
      broker: subject,
      bytes: humanBytes(rates.get(subject)!),
      mean: humanBytes(mean),
      deviation,
    }),
    value: Math.abs(deviation),
    threshold: severity === 'critical' ? critical : warning,
  };
  return result([finding]);
}
