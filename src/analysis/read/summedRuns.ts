import { countLabels, type Labels } from './decodeFrame';
import type { RawSeries } from './series';
import { TOPIC_LABEL_CANDIDATES } from '../metric/labels';
import { Arena } from '../arena';
import { keepShape, Releasable } from '../shapes';

/**
 * The per-step sums of a run of series read one after the other: same query, same time grid, same
 * labels but for the topic — one broker's topics, as Prometheus sends them (sorted by labels, the
 * broker label before `topic`). The reader adds each sample to its run in the loop that checks it
 * anyway, so that the aggregation adds a broker's run at once instead of loading every sample a
 * second time (100 × 100 × 240 points: about 8 % of the analysis). Nothing is decided here: the
 * aggregation uses a run only where its own rules would have added exactly these series, in this
 * order, into an empty sum (see aggregate.ts), so the result is the same to the last bit; a run it
 * cannot use cost an add per sample.
 */
export interface SummedRun {
  /** Per sample of the shared grid: the members' values added in reading order, from 0. */
  readonly sums: Float64Array;
  /** How many series were added. */
  members: number;
}

interface RunKey {
  refId: string;
  name: string;
  labels: Labels;
  times: Float64Array;
  /** How many labels. */
  names: number;
}

/** Shorter series are not summed in runs: the bookkeeping per series would cost more than it saves. */
const MIN_RUN_SAMPLES = 16;

/** After this many runs of one in a row, the reader stops summing for the call. */
const MAX_SINGLE_RUNS = 32;

/** Runs take at most this many samples of memory in all; past it the reader stops making them. */
const MAX_SUMMED_SAMPLES = 4_000_000;

/** Makes the runs while the reader reads: `target` each range series, then `joined` or `spoiled`. */
export class RunSummer implements Releasable {
  private readonly arena = new Arena(1 << 16, 1 << 22);
  private run: SummedRun | undefined;
  /** What the next series must match to continue the run (see continues). */
  private key: RunKey | undefined;
  /** The first member of the current run. */
  private first: RawSeries | undefined;
  /** Runs of one in a row, and whether that many stopped the summing. */
  private single = 0;
  private off = false;
  /** Samples taken from the arena so far. */
  private samples = 0;
  /** The buffer of the last run of one, for the next run. */
  private spare: Float64Array | undefined;
  private topicNames: ReadonlySet<string>;

  /** `topicLabel`: the topic label chosen in the options, if any (the usual ones are known). */
  constructor(topicLabel = '') {
    this.topicNames = new Set(topicLabel ? [...TOPIC_LABEL_CANDIDATES, topicLabel] : TOPIC_LABEL_CANDIDATES);
    keepShape(this);
  }

  release(): void {
    this.arena.release();
    this.run = undefined;
    this.first = undefined;
    this.key = undefined;
    this.spare = undefined;
    this.topicNames = new Set();
  }

  /**
   * The sums that the samples of this series (range, with sorted unique times shared with other
   * series) are to be added to while the reader checks them: its run's, continued or started.
   * Undefined when it is not worth it (short series, series in no order) or memory is used up.
   * Then `joined` once its samples are known to be gap-free and in range, else `spoiled`.
   */
  target(refId: string, name: string, labels: Labels, times: Float64Array): Float64Array | undefined {
    if (this.off || times.length < MIN_RUN_SAMPLES) {
      this.end();
      return undefined;
    }
    const run =
      this.run && this.continues(refId, name, labels, times) ? this.run : this.start(refId, name, labels, times);
    return run?.sums;
  }

  /** The series whose samples were just added is a member of the run. */
  joined(s: RawSeries): void {
    const run = this.run!;
    if (run.members === 0) {
      this.first = s;
    }
    s.run = run;
    s.runIndex = run.members++;
  }

  /** The samples just added were not all usable: the run is of no use, and ends. */
  spoiled(): void {
    const run = this.run!;
    run.members = 0;
    this.spare = run.sums;
    this.run = undefined;
    this.first = undefined;
  }

  /** Ends the current run: the next series starts another. */
  end(): void {
    const run = this.run;
    if (run && run.members <= 1) {
      // A run of one saves nothing: its buffer serves the next run.
      if (this.first) {
        this.first.run = undefined;
      }
      this.spare = run.sums;
      // Many in a row: the series come in no order (or one per broker); summing stops for this read.
      this.off = ++this.single >= MAX_SINGLE_RUNS;
    } else if (run) {
      this.single = 0;
    }
    this.run = undefined;
    this.first = undefined;
  }

  private start(refId: string, name: string, labels: Labels, times: Float64Array): SummedRun | undefined {
    this.end();
    const n = times.length;
    let sums: Float64Array;
    if (this.spare && this.spare.length === n) {
      sums = this.spare;
      sums.fill(0);
      this.spare = undefined;
    } else if (this.samples + n <= MAX_SUMMED_SAMPLES) {
      sums = this.arena.float64(n);
      this.samples += n;
    } else {
      return undefined;
    }
    this.run = { sums, members: 0 };
    this.key = { refId, name, labels, times, names: countLabels(labels) };
    return this.run;
  }

  /** Same query, metric and grid as the run's first series, and the same labels but for the topic. */
  private continues(refId: string, name: string, b: Labels, times: Float64Array): boolean {
    const key = this.key!;
    if (times !== key.times || refId !== key.refId || name !== key.name) {
      return false;
    }
    const a = key.labels;
    let names = 0;
    for (const label in b) {
      names++;
      if (b[label] !== a[label] && !(this.topicNames.has(label) && hasOwn.call(a, label))) {
        return false;
      }
    }
    return names === key.names;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
