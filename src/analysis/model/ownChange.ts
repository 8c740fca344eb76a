/**
 * A broker against its own past. When one broker's traffic falls, the mean falls with it and the
 * brokers that did not change at all drift above it: they are not hot, the one that fell is the
 * news. Levels are the broker's median in the recent window against the span before it.
 */

/** Down to this share of its own level before, a broker's traffic fell. */
export const FELL_TO = 0.75;
/** Within this share of its own level before, a broker's traffic did not change. */
export const STEADY_WITHIN = 0.1;

/** Recent ÷ level before; NaN when either is unknown (instant data, a broker new in the range). */
export function ownChange(b: { baseline?: number; recent?: number }): number {
  return b.baseline !== undefined && b.baseline > 0 && b.recent !== undefined && Number.isFinite(b.recent)
    ? b.recent / b.baseline
    : NaN;
}

export const fell = (change: number) => change <= FELL_TO;
export const steady = (change: number) => Math.abs(change - 1) <= STEADY_WITHIN;
