/**
 * What preparation keeps of each series while it visits them, by position, and how that becomes the
 * prepared lists in the list's order: the rate records and the first left-out series with why.
 * Preparation may visit the series in another order than the list's (see readingOrder); nothing
 * made here shows that order.
 */
import type { IgnoredSeries } from '../types';
import { describeSeries, RawSeries, Samples } from '../read/series';
import type { PreparedSeries, RateSeries } from './prepare';
import { RecordPool } from '../recordPool';

/** What a rate record holds between calls (never written to). */
const NO_SAMPLES = new Float64Array(0);

/** The rate records, one per kept series and call (see recordPool.ts). */
const RATE_RECORDS = new RecordPool<RateSeries>(
  () => ({
    broker: '',
    topic: undefined,
    times: NO_SAMPLES,
    values: NO_SAMPLES,
    instant: false,
    gapless: false,
    run: undefined,
    runIndex: 0,
  }),
  (r) => {
    r.broker = '';
    r.topic = undefined;
    r.times = NO_SAMPLES;
    r.values = NO_SAMPLES;
    r.run = undefined;
  }
);

/** The arrays of one sample of one-sample rate records (numbers only: nothing to empty). */
const ONE_SAMPLE_ARRAYS = new RecordPool<number[]>(
  () => [NaN],
  () => undefined
);

function oneSample(value: number): number[] {
  const a = ONE_SAMPLE_ARRAYS.take();
  a[0] = value;
  return a;
}

/** At most this many left-out series are listed (all are counted). */
const MAX_IGNORED_LISTED = 50;

/** Why a series was left out (IgnoredSeries.reason): a code per series, words for the listed few. */
export enum Ignored {
  OtherMetric = 1,
  Empty,
  InstantCounter,
  OutOfRange,
}

/** Flags of a kept series (Kept.flags). */
const KEPT = 1;
export const INSTANT = 2;
export const GAPLESS = 4;
export const UNLABELLED = 8;
/** One sample, kept in Kept.sample. */
const ONE_SAMPLE = 16;

/**
 * What each kept series' rate record will hold, by the series' position in the list. The records
 * are made afterwards, in the list's order, which later stages read them in: made while the series
 * are visited in reading order, they would lie out of order for every one of those stages.
 */
export interface Kept {
  flags: Uint8Array;
  broker: string[];
  topic: Array<string | undefined>;
  values: Samples[];
  times: Float64Array[];
  /** The sample of a one-sample series (an instant query's), read while its array is at hand. */
  sample: Float64Array | undefined;
}

export function keptColumns(length: number, withSamples: boolean): Kept {
  return {
    flags: new Uint8Array(length),
    broker: new Array<string>(length),
    topic: new Array<string | undefined>(length),
    values: new Array<Samples>(length),
    times: new Array<Float64Array>(length),
    sample: withSamples ? new Float64Array(length) : undefined,
  };
}

/** Keeps series i (`flags`: INSTANT, GAPLESS, UNLABELLED). */
export function keep(
  kept: Kept,
  i: number,
  broker: string,
  topic: string | undefined,
  values: Samples,
  times: Float64Array,
  flags: number
): void {
  let all = KEPT | flags;
  if (kept.sample && values.length === 1) {
    kept.sample[i] = values[0];
    all |= ONE_SAMPLE;
  }
  kept.flags[i] = all;
  kept.broker[i] = broker;
  kept.topic[i] = topic;
  kept.values[i] = values;
  kept.times[i] = times;
}

/**
 * The rate records in the list's order (at most `count`); those without the broker label apart
 * when `splitTotals`.
 */
export function rateRecords(
  kept: Kept,
  raw: readonly RawSeries[],
  count: number,
  splitTotals: boolean
): { rates: RateSeries[]; totals: PreparedSeries['totals'] } {
  // Sized once: grown by pushes, a list of 100k is copied again and again into fresh memory.
  const rates = new Array<RateSeries>(count);
  let n = 0;
  const totals: PreparedSeries['totals'] = [];
  for (let i = 0; i < raw.length; i++) {
    const flags = kept.flags[i];
    if (flags === 0) {
      continue;
    }
    const r = RATE_RECORDS.take();
    r.broker = kept.broker[i];
    r.topic = kept.topic[i];
    r.times = kept.times[i];
    // A one-sample series gets its sample in an array of its own, made beside its record: the
    // caller's lies wherever its frame was parsed.
    r.values = kept.sample && (flags & ONE_SAMPLE) !== 0 ? oneSample(kept.sample[i]) : kept.values[i];
    r.instant = (flags & INSTANT) !== 0;
    r.gapless = (flags & GAPLESS) !== 0;
    // The reader's run holds the samples as they came: only for values kept as they came.
    r.run = (flags & (GAPLESS | INSTANT)) === GAPLESS ? raw[i].run : undefined;
    r.runIndex = (flags & (GAPLESS | INSTANT)) === GAPLESS ? (raw[i].runIndex ?? 0) : 0;
    if (splitTotals && (flags & UNLABELLED) !== 0) {
      totals.push({ ...r, refId: raw[i].refId });
    } else {
      rates[n++] = r;
    }
  }
  rates.length = n;
  return { rates, totals };
}

/** The first left-out series with why, as the passes found them: the first pass's, then the second's. */
export function listIgnored(raw: readonly RawSeries[], why: Uint8Array): IgnoredSeries[] {
  const ignored: IgnoredSeries[] = [];
  for (const pass of [
    [Ignored.OtherMetric, Ignored.Empty],
    [Ignored.InstantCounter, Ignored.OutOfRange],
  ]) {
    for (let i = 0; ignored.length < MAX_IGNORED_LISTED && i < raw.length; i++) {
      if (pass.includes(why[i])) {
        ignored.push({ series: describeSeries(raw[i].labels), reason: ignoredReason(why[i], raw[i]) });
      }
    }
  }
  return ignored;
}

function ignoredReason(why: Ignored, s: RawSeries): string {
  switch (why) {
    case Ignored.OtherMetric:
      return `metric ${s.name} is not a messages-in series`;
    case Ignored.Empty:
      return 'no valid sample (all null, NaN or ±Inf)';
    case Ignored.InstantCounter:
      return 'cumulative counter from an instant query: no rate can be derived from one sample';
    default:
      return 'no valid sample: negative or absurd values only';
  }
}
