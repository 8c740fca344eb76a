/** Small robust statistics used by the checks. Inputs never contain NaN (callers filter). */

/**
 * Work space for median: medians run per broker, window and check (thousands per analysis), and
 * a fresh copy each time was a typed-array allocation each. Not re-entrant, and never needs to be.
 */
let scratch: Float64Array = new Float64Array(256);
let deviations: Float64Array = new Float64Array(256);

/** `a` when it holds `n` values, else a larger replacement: for work spaces reused across calls. */
export function room(a: Float64Array, n: number): Float64Array {
  return a.length >= n ? a : new Float64Array(Math.max(n, 2 * a.length));
}

export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) {
    return NaN;
  }
  // Selection, not a full sort: medians run per broker and window, so they add up.
  scratch = room(scratch, n);
  const a = scratch;
  for (let i = 0; i < n; i++) {
    a[i] = values[i];
  }
  return medianOfFirst(a, n);
}

/**
 * The median of the finite values of `values[from..to)`; NaN when there is none. Copied straight
 * into the work space: no list of them per broker and window.
 */
export function medianOfFinite(values: ArrayLike<number>, from: number, to: number): number {
  const start = Math.max(0, from);
  const end = Math.min(to, values.length);
  scratch = room(scratch, Math.max(0, end - start));
  const a = scratch;
  let n = 0;
  for (let i = start; i < end; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      a[n++] = v;
    }
  }
  return n === 0 ? NaN : medianOfFirst(a, n);
}

/** The median of a[0..n), n > 0; reorders them. */
function medianOfFirst(a: Float64Array, n: number): number {
  const mid = n >> 1;
  const upper = select(a, n, mid);
  if (n % 2) {
    return upper;
  }
  // The lower middle is the largest value left of `mid` after the partition.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) {
    lower = a[i] > lower ? a[i] : lower;
  }
  return (lower + upper) / 2;
}

/** Hoare's selection over a[0..n): puts the k-th smallest at a[k], smaller values before it, larger after. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) {
        i++;
      }
      while (a[j] > pivot) {
        j--;
      }
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      break;
    }
  }
  return a[k];
}

/** Median absolute deviation, scaled to estimate the standard deviation of normal noise. */
export function robustSigma(values: ArrayLike<number>, center = median(values)): number {
  const n = values.length;
  deviations = room(deviations, n);
  for (let i = 0; i < n; i++) {
    deviations[i] = Math.abs(values[i] - center);
  }
  return 1.4826 * median(deviations.subarray(0, n));
}

/**
 * The mean of `rates` and each rate's deviation from it as a fraction of it: the imbalance
 * arithmetic shared by messages and bytes. Deviations are 0 when the mean is not positive.
 */
export function spreadAround(rates: readonly number[]): { mean: number; deviation: (rate: number) => number } {
  const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0;
  return { mean, deviation: (rate) => (mean > 0 ? (rate - mean) / mean : 0) };
}

/**
 * Relative difference under which two figures count as equal: ratios such as (200 − 133.3…) / 133.3…
 * land a hair off the 0.5 they mean, and rounding must not decide a threshold or a subject.
 */
export const RELATIVE_SLACK = 1e-9;

/**
 * The item farthest from the mean (largest |deviation|): the broker that drives an imbalance.
 * Near-ties go to an item above the mean (with two brokers, the hot one is the news, not the one
 * it leaves "idle"), then to the earlier item — so floating-point rounding (a cluster scaled by
 * some factor) never decides which broker is named.
 */
export function farthestFromMean<T>(items: Iterable<T>, deviationOf: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestDev = 0;
  for (const item of items) {
    const dev = deviationOf(item);
    const abs = Math.abs(dev);
    const bestAbs = Math.abs(bestDev);
    const slack = RELATIVE_SLACK * Math.max(abs, bestAbs);
    const farther = abs - bestAbs > slack;
    const tieAbove = Math.abs(abs - bestAbs) <= slack && dev > 0 && bestDev < 0;
    if (best === undefined || farther || tieAbove) {
      best = item;
      bestDev = dev;
    }
  }
  return best;
}
