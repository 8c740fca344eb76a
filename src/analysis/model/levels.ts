/**
 * Levels that judge the present against the past without being fooled by the range.
 *
 * The cluster's **present level** is the median of the recent window. Its **regime** is the run
 * of steps, back from now, whose values stay within a band around that level (a step or two
 * outside is tolerated). The **level before** is the median of a span (default 30 minutes) just
 * before the regime began — the most recent abrupt shift. A cliff two hours ago on a 24-hour
 * range, or producers stopped 40 minutes ago, still compares with what came before it; a daily
 * cycle or a smooth decline never leaves its band abruptly, so the level before stays close; a
 * completed rolling restart (down, then back up) sits inside the 30-minute span before the
 * recovery and the median sees through it.
 *
 * A broker **stalls** when its latest samples (at least two) are near zero and the span before
 * them carried traffic: its own shift, whenever it happened.
 */
import { median, medianOfFinite, robustSigma } from '../stats';

/** Band around the present level, relative to it. */
const BAND_SHARE = 0.25;
/** … and in robust standard deviations of the recent window. */
const BAND_SIGMAS = 3;
/** Steps outside the band in a row that end the regime (fewer are outliers). */
const BREAK_STEPS = 3;
/** Values the level before needs to mean anything. */
const MIN_BEFORE = 3;

export interface Regime {
  /** Median of the recent window. */
  present: number;
  /** Median of the span before the regime began; NaN when the regime covers the whole range. */
  before: number;
  /** Robust standard deviation of that span, for the noise guard. */
  sigma: number;
  /** First step of the regime. */
  since: number;
}

function finiteIn(values: Float64Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    if (Number.isFinite(values[i])) {
      out.push(values[i]);
    }
  }
  return out;
}

/**
 * The present level, where its regime began and the level before it. `spanSteps` is the span of
 * the level before (≥ 1).
 */
export function currentRegime(values: Float64Array, recentStart: number, spanSteps: number): Regime {
  const recent = finiteIn(values, recentStart, values.length);
  const present = recent.length ? median(recent) : NaN;
  if (!Number.isFinite(present)) {
    return { present, before: NaN, sigma: 0, since: values.length };
  }
  const band = Math.max(BAND_SHARE * Math.abs(present), BAND_SIGMAS * robustSigma(recent, present));
  let since = Math.min(recentStart, values.length);
  let outside = 0;
  let i = since - 1;
  for (; i >= 0; i--) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    if (Math.abs(v - present) > band) {
      outside++;
      if (outside >= BREAK_STEPS) {
        break;
      }
    } else {
      outside = 0;
      since = i;
    }
  }
  if (i < 0) {
    return { present, before: NaN, sigma: 0, since: 0 };
  }
  const span = Math.max(1, Math.round(spanSteps));
  const before = finiteIn(values, since - span, since);
  if (before.length < MIN_BEFORE) {
    return { present, before: NaN, sigma: 0, since };
  }
  const level = median(before);
  return { present, before: level, sigma: robustSigma(before, level), since };
}

export interface Stall {
  /** Median of the near-zero run at the end. */
  now: number;
  /** Median of the span before the run. */
  before: number;
  /** First step of the run. */
  since: number;
}

/** Below this share of its level before, a broker counts as stalled (and below the minimum rate). */
export const STALL_SHARE = 0.05;

export function nearZeroLimit(before: number, minRate: number): number {
  return minRate > 0 ? Math.min(minRate, STALL_SHARE * before) : STALL_SHARE * before;
}

/**
 * A broker at ~0 now that carried traffic before: its latest finite samples (two or more) all
 * below the near-zero limit of the span before them. Undefined when it is not stalled.
 */
export function stallOf(values: Float64Array, minRate: number, spanSteps: number): Stall | undefined {
  // The run of small values at the end (below the minimum rate; exact zeros when it is 0); the
  // limit is decided once the level before is known.
  const small = (v: number) => (minRate > 0 ? v < minRate : v <= 0);
  const run: number[] = [];
  let since = values.length;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    if (!small(v)) {
      break;
    }
    run.push(v);
    since = i;
  }
  if (run.length < 2) {
    return undefined;
  }
  const before = finiteIn(values, since - Math.max(1, Math.round(spanSteps)), since);
  if (before.length < MIN_BEFORE) {
    return undefined;
  }
  const level = median(before);
  const now = median(run);
  const activeBefore = level > 0 && level >= minRate;
  return activeBefore && now < nearZeroLimit(level, minRate) ? { now, before: level, since } : undefined;
}

export interface Levels {
  baseline: number;
  recent: number;
}

export interface BrokerTrend extends Levels {
  /** Near zero now (two samples or more) after carrying traffic before. */
  stalled: boolean;
}

/**
 * A broker's levels: for a stalled broker, its near-zero run against the span before it; else
 * the recent window's median against the span before the window.
 */
export function brokerTrend(
  values: Float64Array,
  recentStart: number,
  minRate: number,
  spanSteps: number
): BrokerTrend {
  const stall = stallOf(values, minRate, spanSteps);
  if (stall) {
    return { baseline: stall.before, recent: stall.now, stalled: true };
  }
  const span = Math.max(1, Math.round(spanSteps));
  return {
    baseline: medianOfFinite(values, recentStart - span, recentStart),
    recent: medianOfFinite(values, recentStart, values.length),
    stalled: false,
  };
}

/** The cluster's present level and the level before its most recent abrupt shift. */
export function clusterLevels(
  values: Float64Array,
  recentStart: number,
  spanSteps: number
): Levels & { sigma: number } {
  const regime = currentRegime(values, recentStart, spanSteps);
  return { baseline: regime.before, recent: regime.present, sigma: regime.sigma };
}
