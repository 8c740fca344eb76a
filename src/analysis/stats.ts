/** Small robust statistics used by the checks. Inputs never contain NaN (callers filter). */

export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) {
    return NaN;
  }
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation, scaled to estimate the standard deviation of normal noise. */
export function robustSigma(values: ArrayLike<number>, center = median(values)): number {
  const dev = Array.from(values, (v) => Math.abs(v - center));
  return 1.4826 * median(dev);
}

/** The finite values of `values[from..to)`. */
export function finiteSlice(values: ArrayLike<number>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, values.length); i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      out.push(v);
    }
  }
  return out;
}

/**
 * The mean of `rates` and each rate's deviation from it as a fraction of it: the imbalance
 * arithmetic shared by messages and bytes. Deviations are 0 when the mean is not positive.
 */
export function spreadAround(rates: readonly number[]): { mean: number; deviation: (rate: number) => number } {
  const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0;
  return { mean, deviation: (rate) => (mean > 0 ? (rate - mean) / mean : 0) };
}
