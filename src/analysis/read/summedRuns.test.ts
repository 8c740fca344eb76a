import fc from 'fast-check';
import { extractSeries } from './extractSeries';
import type { RawSeries } from './series';
import type { SummedRun } from './summedRuns';
import { clusterFrames, inPrometheusOrder, PlainFrame, rangeFrame, stepTimes } from '../testkit/frames';

/** Runs are made of series of 16 samples or more (shorter ones are not worth it). */
const POINTS = 16;
const times = stepTimes(POINTS);
const ones = () => new Array<number | null>(POINTS).fill(1);
/** Ones, but `value` at sample 2. */
const onesWith = (value: number | null) => ones().map((v, i) => (i === 2 ? value : v));

/** The runs of the series read, in reading order (extractSeries keeps it for sorted input). */
function runsOf(series: RawSeries[]): SummedRun[] {
  const runs: SummedRun[] = [];
  for (const s of series) {
    if (s.run && !runs.includes(s.run)) {
      runs.push(s.run);
    }
  }
  return runs;
}

/** Each sample's sum over the members, added in their order within the run, from 0. */
function memberSums(series: RawSeries[], run: SummedRun): number[] {
  const members = series.filter((s) => s.run === run).sort((a, b) => (a.runIndex ?? 0) - (b.runIndex ?? 0));
  return Array.from(run.sums, (_, i) => members.reduce((sum, s) => sum + s.values[i], 0));
}

describe('runs summed while reading', () => {
  it("one broker's topics read in a row make one run: their sums, each series with its place", () => {
    const frames = ['a', 'b', 'c'].map((topic, k) =>
      rangeFrame(
        { instance: 'kafka-1', topic },
        times,
        times.map((_, i) => k + i / 10)
      )
    );
    const { series } = extractSeries(frames);
    const runs = runsOf(series);
    expect(runs).toHaveLength(1);
    expect(runs[0].members).toBe(3);
    expect(series.map((s) => s.runIndex)).toEqual([0, 1, 2]);
    expect(Array.from(runs[0].sums)).toEqual(times.map((_, i) => 0 + i / 10 + (1 + i / 10) + (2 + i / 10)));
  });

  it('a run ends where a label other than the topic, the query, the metric or the grid changes', () => {
    const later = stepTimes(POINTS, times[1]);
    const frames: PlainFrame[] = [
      rangeFrame({ instance: 'kafka-1', topic: 'a' }, times, ones()),
      rangeFrame({ instance: 'kafka-1', topic: 'b' }, times, ones()),
      rangeFrame({ instance: 'kafka-2', topic: 'a' }, times, ones()),
      rangeFrame({ instance: 'kafka-2', topic: 'b' }, times, ones()),
      rangeFrame({ instance: 'kafka-2', topic: 'c' }, times, ones(), 'B'),
      rangeFrame({ instance: 'kafka-2', topic: 'd' }, times, ones(), 'B'),
      rangeFrame({ instance: 'kafka-2', topic: 'e', zone: 'x' }, times, ones(), 'B'),
      rangeFrame({ instance: 'kafka-2', topic: 'f', zone: 'x' }, later, ones(), 'B'),
      rangeFrame({ instance: 'kafka-2', topic: 'g', zone: 'x' }, later, ones(), 'B'),
    ];
    const { series } = extractSeries(frames);
    const groups = runsOf(series).map((run) =>
      series
        .filter((s) => s.run === run)
        .map((s) => s.labels.topic)
        .join('')
    );
    expect(groups.sort()).toEqual(['ab', 'ab', 'cd', 'fg']);
    // 'e' was a run of one: it gave its buffer back and belongs to none.
    expect(series.find((s) => s.labels.topic === 'e')?.run).toBeUndefined();
  });

  it('a series with a gap, a negative or an absurd sample joins no run, and the run it spoiled is of no use', () => {
    const frames = [
      rangeFrame({ instance: 'kafka-1', topic: 'a' }, times, ones()),
      rangeFrame({ instance: 'kafka-1', topic: 'b' }, times, ones()),
      rangeFrame({ instance: 'kafka-1', topic: 'c' }, times, onesWith(null)),
      rangeFrame({ instance: 'kafka-1', topic: 'd' }, times, ones()),
      rangeFrame({ instance: 'kafka-1', topic: 'e' }, times, ones()),
      rangeFrame({ instance: 'kafka-1', topic: 'f' }, times, onesWith(-1)),
      rangeFrame({ instance: 'kafka-1', topic: 'g' }, times, onesWith(1e13)),
      rangeFrame({ instance: 'kafka-1', topic: 'h' }, times, ones()),
      rangeFrame({ instance: 'kafka-1', topic: 'i' }, times, ones()),
    ];
    const { series } = extractSeries(frames);
    const usable = (s: RawSeries) => (s.run && s.run.members >= 2 ? `${s.labels.topic}${s.runIndex}` : '-');
    expect(series.map(usable)).toEqual(['-', '-', '-', '-', '-', '-', '-', 'h0', 'i1']);
    expect(series.filter((s) => s.run?.members).every((s) => s.range === 'full')).toBe(true);
  });

  it('a cluster as Prometheus sends it (sorted by labels) makes one run per broker', () => {
    const frames = inPrometheusOrder(
      clusterFrames({ brokers: 3, topics: 4, points: 20, rate: (b, t, i) => b + t + i })
    );
    const runs = runsOf(extractSeries(frames).series);
    expect(runs.map((r) => r.members)).toEqual([4, 4, 4]);
  });

  it('series shorter than 16 samples are not summed', () => {
    const frames = ['a', 'b'].map((topic) =>
      rangeFrame({ instance: 'kafka-1', topic }, stepTimes(15), ones().slice(1))
    );
    expect(runsOf(extractSeries(frames).series)).toHaveLength(0);
  });

  it('the topic label named in the options counts as a topic', () => {
    const frames = ['a', 'b'].map((q) => rangeFrame({ instance: 'kafka-1', queue: q }, times, ones()));
    expect(runsOf(extractSeries(frames).series)).toHaveLength(0);
    expect(runsOf(extractSeries(frames, {}, 'queue').series)).toHaveLength(1);
  });

  it('property: every run holds the sums of its members, read one after the other, in their order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 14, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
        fc.boolean(),
        (brokers, topics, points, gaps, shuffled) => {
          const rate = (b: number, t: number, i: number) => ((b * 31 + t * 17 + i * 7) % 13) / 3;
          let frames = clusterFrames({ brokers, topics, points, rate });
          // Some samples missing: their series end runs and join none.
          for (const g of gaps) {
            const field = frames[g % frames.length].fields[1];
            field.values[g % points] = null;
          }
          frames = shuffled ? frames.slice().reverse() : inPrometheusOrder(frames);
          const { series } = extractSeries(frames);
          for (const run of runsOf(series).filter((r) => r.members > 0)) {
            const members = series.filter((s) => s.run === run);
            expect(members.length).toBe(run.members);
            expect(members.every((s) => s.range === 'full' && !s.instant)).toBe(true);
            expect(Array.from(run.sums)).toEqual(memberSums(series, run));
          }
        }
      ),
      { numRuns: 150 }
    );
  });
});
