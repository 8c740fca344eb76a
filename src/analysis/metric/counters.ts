/**
 * Cumulative counters versus per-second rates.
 *
 * A query without rate() returns ever-growing counts. Over a range we can still derive rates
 * (as Prometheus' rate() would, treating any fall as a counter reset); from a single instant
 * sample we cannot.
 */

import type { Samples } from '../read/series';

/** A fall to at most this fraction of the previous value is read as a counter reset. */
const RESET_FRACTION = 0.25;
/** Share of steps that must rise for unnamed data to be taken as a counter. */
const RISING_SHARE = 0.9;
const MIN_STEPS = 10;

export interface StepTally {
  steps: number;
  rises: number;
  /** Falls that are not a reset toward zero: impossible for a counter. */
  badFalls: number;
  /** Sum of each series' first valid value: where its count stood when the range began. */
  level: number;
  /** Sum of each series' increase over the range (a reset counts the value it restarted to). */
  increase: number;
}

export function emptyTally(): StepTally {
  return { steps: 0, rises: 0, badFalls: 0, level: 0, increase: 0 };
}

/**
 * A counter that has run for a while stands well above what it gains over a dashboard range; a
 * ramp of rates (producers starting, rate() climbing after a restart) starts low and climbs. Below
 * this ratio of level to increase, rising data is read as rates.
 */
const COUNTER_LEVEL_SHARE = 0.5;

/** rate(), irate(), increase(), deriv(), delta() and idelta() return rates or window increases, never running counts. */
const RATE_FUNCTION = /\b(?:i?rate|increase|deriv|i?delta)\s*\(/;

/** Whether the query text already makes rates of a counter. */
export function queryMakesRates(query: string | undefined): boolean {
  return !!query && RATE_FUNCTION.test(query);
}

/** A counter's name (`…_total`, `…_count`) in a query that makes no rates of it: running counts. */
export function queryReadsCounter(query: string | undefined): boolean {
  return !!query && !RATE_FUNCTION.test(query) && /[a-zA-Z0-9_:](?:_total|_count)\b/.test(query);
}

/** Counts rises and falls between consecutive valid samples. Flat series add nothing: they fit both readings. */
export function tallySteps(values: Samples, into: StepTally): StepTally {
  let steps = 0;
  let rises = 0;
  let badFalls = 0;
  let increase = 0;
  let first = NaN;
  let prev = NaN;
  let changed = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      continue;
    }
    if (Number.isNaN(prev)) {
      first = v;
    } else {
      steps++;
      if (v > prev) {
        rises++;
        increase += v - prev;
        changed = true;
      } else if (v < prev) {
        changed = true;
        increase += v;
        if (v > prev * RESET_FRACTION) {
          badFalls++;
        }
      }
    }
    prev = v;
  }
  if (changed) {
    into.steps += steps;
    into.rises += rises;
    into.badFalls += badFalls;
    into.level += first;
    into.increase += increase;
  }
  return into;
}

/**
 * For data without a telling name or query: rises on ≥ 90% of ≥ 10 steps, no falls but resets,
 * and a level that is large against its increase over the range (a counter that has run a while).
 */
export function tallyLooksCumulative(t: StepTally): boolean {
  return (
    t.steps >= MIN_STEPS &&
    t.rises >= RISING_SHARE * t.steps &&
    t.badFalls === 0 &&
    t.level >= COUNTER_LEVEL_SHARE * t.increase
  );
}

/** True unless the data contradicts a counter (a fall that is not a reset toward zero). */
export function consistentWithCounter(values: Samples): boolean {
  return tallySteps(values, emptyTally()).badFalls === 0;
}

/** Longest run of unchanged samples that is read as missed scrapes rather than as idleness. */
export const MAX_STALE_RUN = 3;

/**
 * Per-second rates from cumulative counts, like PromQL's rate() between adjacent samples:
 * a fall means the counter restarted from zero. The first sample has no rate (NaN).
 *
 * A range query repeats a series' last sample at every step until a newer one arrives, so a
 * missed scrape shows as a step without increase followed by a step with a double one. A run of
 * at most MAX_STALE_RUN unchanged steps that ends in an increase is therefore spread evenly over
 * the run; a longer run is real idleness and stays at 0.
 */
export function deriveRates(times: Float64Array, values: Samples): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  let prevT = NaN;
  let prevV = NaN;
  // Index and sample where the current run of unchanged values started (-1: no run).
  let runStart = -1;
  let runT = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      continue;
    }
    if (!Number.isNaN(prevV)) {
      const seconds = (times[i] - prevT) / 1000;
      if (v === prevV) {
        if (runStart < 0) {
          runStart = i;
          runT = prevT;
        }
        out[i] = 0;
      } else {
        const increase = v > prevV ? v - prevV : v;
        out[i] = seconds > 0 ? increase / seconds : NaN;
        if (runStart >= 0 && v > prevV && i - runStart <= MAX_STALE_RUN) {
          const spread = (times[i] - runT) / 1000;
          const rate = spread > 0 ? increase / spread : NaN;
          for (let j = runStart; j <= i; j++) {
            if (!Number.isNaN(out[j])) {
              out[j] = rate;
            }
          }
        }
        runStart = -1;
      }
    }
    prevT = times[i];
    prevV = v;
  }
  return out;
}
