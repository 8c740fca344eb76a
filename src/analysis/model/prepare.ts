import type { IgnoredSeries } from '../types';
import { classifyMetric, MetricInfo } from '../metric/metricNames';
import {
  consistentWithCounter,
  deriveRates,
  emptyTally,
  queryMakesRates,
  queryReadsCounter,
  StepTally,
  tallyLooksCumulative,
  tallySteps,
} from '../metric/counters';
import {
  addLabelNames,
  BROKER_LABEL_CANDIDATES,
  chooseLabel,
  LabelChoice,
  TOPIC_LABEL_CANDIDATES,
} from '../metric/labels';
import { ABSURD_RATE, RawSeries, SampleRange, Samples } from '../read/series';
import type { SummedRun } from '../read/summedRuns';
import { readingOrder } from '../read/seriesSet';
import { GAPLESS, Ignored, INSTANT, keep, keptColumns, listIgnored, rateRecords, UNLABELLED } from './keptSeries';
import { keepShape, Releasable } from '../shapes';

/** Name given to series that carry none of the broker labels (e.g. `sum(rate(...))`). */
export const UNLABELLED_BROKER = '(no broker label)';

/**
 * Negative or absurd samples become gaps; the counts say how many there were. The reader's `range`,
 * when known, settles the usual case (all within range) without a pass over the samples.
 */
function sanitize(values: Samples, range?: SampleRange): { values: Samples; negative: number; absurd: number } {
  if (range === 'plain' || range === 'full' || range === 'none') {
    return { values, negative: 0, absurd: 0 };
  }
  let negative = 0;
  let absurd = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0) {
      negative++;
    } else if (v > ABSURD_RATE) {
      absurd++;
    }
  }
  if (negative === 0 && absurd === 0) {
    return { values, negative, absurd };
  }
  const clean = Float64Array.from(values as ArrayLike<number>, (v) => (v < 0 || v > ABSURD_RATE ? NaN : v));
  return { values: clean, negative, absurd };
}

/** A messages-in series in msg/s, assigned to a broker and (unless all-topics) a topic. */
export interface RateSeries {
  broker: string;
  /** undefined for the broker's all-topics series. */
  topic?: string;
  times: Float64Array;
  values: Samples;
  instant: boolean;
  /** Known to have no missing (NaN) sample: the reader saw every one. Absent or false: unknown. */
  gapless?: boolean;
  /** The reader's run this series' samples were summed into, unchanged since (see summedRuns.ts). */
  run?: SummedRun;
  runIndex?: number;
}

export interface PreparedSeries {
  rates: RateSeries[];
  /**
   * Series without a broker label beside others that have one (a `sum(...)` total next to the
   * per-broker query): cluster totals to cross-check, never a broker.
   */
  totals: Array<RateSeries & { refId: string }>;
  /** Samples that were negative (not a rate of a counter) or absurd (above ABSURD_RATE): left out. */
  negativeSamples: number;
  absurdSamples: number;
  ignored: IgnoredSeries[];
  ignoredCount: number;
  /** Messages-in series that held only empty samples. */
  emptyCount: number;
  /** Series read as cumulative counters (derived or unusable). */
  counterCount: number;
  /** Counters from instant queries, for which no rate can be derived. */
  unusableCounterCount: number;
  broker: LabelChoice;
  topic: LabelChoice;
  metricNames: string[];
  otherMetricNames: string[];
}

function hasValue(values: Samples): boolean {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      return true;
    }
  }
  return false;
}

/**
 * Decides, per series, whether values are cumulative: from the name; for unnamed data, from the
 * query text (rate() and friends make rates), and only then from the data, pooled per query (refId).
 * Every candidate is observed (in series order) before the first decision.
 */
class CounterJudge implements Releasable {
  private pooled = new Map<string, StepTally>();
  // What the query text says is a property of the query: read once per refId, not per series.
  private textOf = new Map<string, { rates: boolean; counts: boolean }>();
  // Neighbours nearly always share their query: the last answer before the map.
  private lastRefId: string | undefined;
  private lastText = { rates: false, counts: false };

  constructor(private queries: Readonly<Record<string, string>>) {
    keepShape(this);
  }

  release(): void {
    this.pooled = new Map();
    this.textOf = new Map();
    this.queries = {};
    this.lastRefId = undefined;
  }

  private text(s: RawSeries): { rates: boolean; counts: boolean } {
    if (s.refId === this.lastRefId) {
      return this.lastText;
    }
    let t = this.textOf.get(s.refId);
    if (!t) {
      t = { rates: queryMakesRates(this.queries[s.refId]), counts: queryReadsCounter(this.queries[s.refId]) };
      this.textOf.set(s.refId, t);
    }
    this.lastRefId = s.refId;
    this.lastText = t;
    return t;
  }

  /** Whether observe() would pool the series' steps. */
  wouldObserve(s: RawSeries, info: MetricInfo): boolean {
    return info.counter === 'maybe' && !s.instant && !this.text(s).rates;
  }

  /** Pools the steps of an unnamed range series whose query text does not settle it. */
  observe(s: RawSeries, info: MetricInfo): void {
    if (this.wouldObserve(s, info)) {
      const tally = this.pooled.get(s.refId) ?? emptyTally();
      // One fall that is not a reset settles it for the whole query: no need to read further series.
      this.pooled.set(s.refId, tally.badFalls > 0 ? tally : tallySteps(s.values, tally));
    }
  }

  isCounter(s: RawSeries, info: MetricInfo): boolean {
    switch (info.counter) {
      case 'yes':
        return true;
      case 'no':
        return false;
      case 'likely':
        return s.instant || consistentWithCounter(s.values);
      default: {
        const text = this.text(s);
        if (text.rates) {
          return false;
        }
        // Counts even on an instant query, where they are unusable and said so.
        return text.counts || (!s.instant && tallyLooksCumulative(this.pooled.get(s.refId) ?? emptyTally()));
      }
    }
  }
}

function candidateLabelNames(raw: readonly RawSeries[], candidate: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    if (candidate[i] !== 0) {
      addLabelNames(names, raw[i].labels);
    }
  }
  return names;
}

export function prepareSeries(
  raw: RawSeries[],
  opts: {
    metricName: string;
    brokerLabel: string;
    topicLabel: string;
    queries?: Readonly<Record<string, string>>;
    /**
     * The label names of every series in `raw`, when the caller already read them (the reader
     * does, for the messages-in series): used as they are when every series is a candidate.
     */
    labelNames?: ReadonlySet<string>;
  },
  /** How names are read; messages-in spellings by default, other counters (bytes) by their role. */
  classify: (name: string) => MetricInfo = (name) => classifyMetric(name, opts.metricName)
): PreparedSeries {
  // Why a series was left out, by its position: listed in the list's order once the passes are
  // done (the passes may visit the series in another order, see `visit`).
  const ignoredWhy = new Uint8Array(raw.length);
  let ignoredCount = 0;
  const ignore = (i: number, why: Ignored) => {
    ignoredCount++;
    ignoredWhy[i] = why;
  };
  // Series in the order they lie in memory when the list was sorted from series that came
  // unsorted (100k instant series): every result below is kept by position, so the order of the
  // visits never shows.
  const visit = readingOrder(raw);

  // Thousands of series share a handful of names: classify each name once, and look the last
  // one up before the map (neighbours nearly always share it). No list of infos per series.
  const byName = new Map<string, MetricInfo>();
  let lastName: string | undefined;
  let lastInfo: MetricInfo | undefined;
  const infoOf = (s: RawSeries): MetricInfo => {
    if (s.name !== lastName || !lastInfo) {
      lastInfo = byName.get(s.name);
      if (!lastInfo) {
        lastInfo = classify(s.name);
        byName.set(s.name, lastInfo);
      }
      lastName = s.name;
    }
    return lastInfo;
  };
  const otherNames = new Set<string>();
  // Which series are candidates: flags rather than lists of the candidates, which 100k pushes cost.
  // 2: a candidate whose steps the counter judge must see (in the list's order, see below).
  const candidate = new Uint8Array(raw.length);
  // Label names present on the candidates, read in the same pass (with 100k series that arrive
  // unsorted, each pass over them is a pass of cache misses) unless the caller knows them.
  const known = opts.labelNames;
  const namesRead = new Set<string>();
  let emptyCount = 0;
  let candidates = 0;
  let observed = 0;
  // Counters are told apart in the same passes: each pass over 100k unsorted series is a pass of
  // cache misses.
  const counters = new CounterJudge(opts.queries ?? {});
  for (let k = 0; k < raw.length; k++) {
    const i = visit ? visit[k] : k;
    const s = raw[i];
    const info = infoOf(s);
    if (!info.messagesIn) {
      otherNames.add(s.name);
      ignore(i, Ignored.OtherMetric);
    } else if (!(s.range !== undefined ? s.range !== 'none' : hasValue(s.values))) {
      // (The reader's range, when known, says whether there is a valid sample without a pass.)
      emptyCount++;
      ignore(i, Ignored.Empty);
    } else {
      candidates++;
      if (!known) {
        addLabelNames(namesRead, s.labels);
      }
      if (counters.wouldObserve(s, info)) {
        candidate[i] = 2;
        observed++;
      } else {
        candidate[i] = 1;
      }
    }
  }
  // The judge pools steps in order (its sums, and where it stops reading): in the list's order,
  // whatever the visits' order. Only unnamed range series without rate() in their query take part.
  for (let i = 0; observed > 0 && i < raw.length; i++) {
    if (candidate[i] === 2) {
      counters.observe(raw[i], infoOf(raw[i]));
      observed--;
    }
  }
  // The caller's names of every series are the candidates' when none was left out; else (an odd
  // metric or an empty series in the query) a left-out series' labels must not count.
  const present: ReadonlySet<string> = !known
    ? namesRead
    : candidates === raw.length
      ? known
      : candidateLabelNames(raw, candidate);

  const broker = chooseLabel(present, opts.brokerLabel, BROKER_LABEL_CANDIDATES);
  const topic = chooseLabel(present, opts.topicLabel, TOPIC_LABEL_CANDIDATES);
  const kept = keptColumns(raw.length, visit !== undefined);
  const metricNames = new Set<string>();
  let counterCount = 0;
  let unusableCounterCount = 0;
  let negativeSamples = 0;
  let absurdSamples = 0;
  // Whether some series carry the broker label and some do not: then the ones without it are
  // totals, not a broker (decided after the pass, on the series it kept).
  let labelled = false;
  let unlabelled = false;
  for (let k = 0; k < raw.length; k++) {
    const i = visit ? visit[k] : k;
    if (candidate[i] === 0) {
      continue;
    }
    const s = raw[i];
    const info = infoOf(s);
    const brokerName = broker.label ? s.labels[broker.label] : undefined;
    if (brokerName) {
      labelled = true;
    } else {
      unlabelled = true;
    }
    if (s.name) {
      metricNames.add(s.name);
    }
    let values = s.values;
    if (counters.isCounter(s, info)) {
      counterCount++;
      if (s.instant) {
        unusableCounterCount++;
        ignore(i, Ignored.InstantCounter);
        continue;
      }
      values = deriveRates(s.times, s.values);
    }
    // Derived rates are new values; the reader's range holds for the series as it came.
    const clean = sanitize(values, values === s.values ? s.range : undefined);
    negativeSamples += clean.negative;
    absurdSamples += clean.absurd;
    values = clean.values;
    if (values !== s.values && !hasValue(values)) {
      ignore(i, Ignored.OutOfRange);
      continue;
    }
    const topicName = info.allTopics
      ? undefined
      : (info.topicFromName ?? (topic.label ? s.labels[topic.label] : undefined));
    const flags =
      (s.instant ? INSTANT : 0) |
      (values === s.values && s.range === 'full' ? GAPLESS : 0) |
      (brokerName ? 0 : UNLABELLED);
    keep(kept, i, brokerName || UNLABELLED_BROKER, topicName || undefined, values, s.times, flags);
  }
  // Series without the broker label beside others with it are totals (see PreparedSeries).
  const { rates, totals } = rateRecords(kept, raw, candidates, broker.label !== undefined && labelled && unlabelled);
  const ignored = ignoredCount > 0 ? listIgnored(raw, ignoredWhy) : [];

  return {
    rates,
    totals,
    negativeSamples,
    absurdSamples,
    ignored,
    ignoredCount,
    emptyCount,
    counterCount,
    unusableCounterCount,
    broker,
    topic,
    metricNames: Array.from(metricNames).sort(),
    otherMetricNames: Array.from(otherNames).sort(),
  };
}
