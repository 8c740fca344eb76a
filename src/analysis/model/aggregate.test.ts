import fc from 'fast-check';
import { aggregate, clusterTimeline, reduceRate } from './aggregate';
import { Axis, buildAxis, timeGrid } from './timeline';
import type { RateSeries } from './prepare';

/**
 * Per step, the plain sum over series of each one's latest valid sample within the step
 * [t, t + step); NaN where none.
 */
function naiveBrokerSums(series: RateSeries[], axis: Axis, broker: string): number[] {
  const own = series.filter((s) => s.broker === broker);
  const allTopics = own.filter((s) => s.topic === undefined);
  const used = allTopics.length > 0 ? allTopics : own;
  const last = axis.times.length - 1;
  // One sample in all: an instant axis of one step.
  const stepOf = (t: number) =>
    axis.step > 0 ? Math.min(last, Math.floor((t - axis.times[0]) / axis.step + 1e-6)) : 0;
  return Array.from(axis.times, (_, k) => {
    let sum = NaN;
    for (const s of used) {
      let value = NaN;
      s.times.forEach((t, i) => {
        if (stepOf(t) === k && !Number.isNaN(s.values[i])) {
          value = s.values[i];
        }
      });
      if (!Number.isNaN(value)) {
        sum = Number.isNaN(sum) ? value : sum + value;
      }
    }
    return sum;
  });
}

const grid = Array.from({ length: 30 }, (_, i) => 1_000 + i * 10);

/** A series on some steps of a shared grid: a contiguous run, or scattered steps; with or without gaps. */
const seriesArb = fc.record({
  broker: fc.constantFrom('a', 'b', 'c'),
  topic: fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: undefined }),
  steps: fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, n]) => grid.slice(start, start + n)),
    fc.subarray(grid, { minLength: 1 })
  ),
  values: fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(NaN)), {
    minLength: 30,
    maxLength: 30,
  }),
});

interface SeriesSpec {
  broker: string;
  topic?: string;
  steps: number[];
  values: number[];
}

/** Half the gap-free series say so (RateSeries.gapless), as prepareSeries does for what the reader saw. */
function toRateSeries(specs: SeriesSpec[]): RateSeries[] {
  return specs.map((s) => {
    const values = Float64Array.from(s.steps, (_, i) => s.values[i]);
    return {
      broker: s.broker,
      topic: s.topic,
      times: Float64Array.from(s.steps),
      values,
      instant: false,
      gapless: s.steps.length % 2 === 0 && !values.some(Number.isNaN),
    };
  });
}

describe('aggregate', () => {
  it('broker timelines equal the per-step sums of their series, NaN where no sample landed', () => {
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const series = toRateSeries(specs);
        const axis = buildAxis(series);
        const { brokers } = aggregate(series, axis, 'last');
        for (const b of brokers) {
          const expected = naiveBrokerSums(series, axis, b.name);
          expect(Array.from(b.values)).toEqual(expected.map((v) => (Number.isNaN(v) ? NaN : expect.closeTo(v, 3))));
        }
      }),
      { numRuns: 300 }
    );
  });

  it('series on one query grid keep their own timestamps, gaps and all (the declared step)', () => {
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const series = toRateSeries(specs);
        const axis = buildAxis(series, timeGrid(series, { interval: 10 }));
        const first = Math.min(...specs.map((s) => s.steps[0]));
        const lastTime = Math.max(...specs.map((s) => s.steps[s.steps.length - 1]));
        expect(Array.from(axis.times)).toEqual(grid.filter((t) => t >= first && t <= lastTime));
        series.forEach((s, i) => {
          expect(Array.from(axis.index[i], (k) => axis.times[k])).toEqual(Array.from(s.times));
        });
      }),
      { numRuns: 200 }
    );
  });

  it('own scrape offsets: every sample on its step, and contiguous exactly when the steps follow one another', () => {
    // Each series at its own offset within the 10 ms step, on two or more steps: a run, or a subset
    // with gaps; runs start before or after the others' (a range axis, whatever the mix).
    const jittered = fc.record({
      offset: fc.integer({ min: 0, max: 9 }),
      steps: fc.oneof(
        fc
          .tuple(fc.integer({ min: -3, max: 29 }), fc.integer({ min: 2, max: 34 }))
          .map(([start, n]) => Array.from({ length: n }, (_, i) => start + i)),
        fc.subarray(
          Array.from({ length: 30 }, (_, i) => i),
          { minLength: 2 }
        )
      ),
    });
    fc.assert(
      fc.property(fc.array(jittered, { minLength: 1, maxLength: 10 }), (specs) => {
        const series: RateSeries[] = specs.map((s, i) => ({
          broker: `b${i}`,
          times: Float64Array.from(s.steps, (k) => 1_000 + k * 10 + s.offset),
          values: new Float64Array(s.steps.length).fill(1),
          instant: false,
        }));
        const grid = timeGrid(series, { interval: 10 });
        const axis = buildAxis(series, grid);
        const last = axis.times.length - 1;
        series.forEach((s, i) => {
          const naive = Array.from(s.times, (t) =>
            Math.min(last, Math.max(0, Math.floor((t - grid.origin) / grid.step + 1e-6)))
          );
          const index = axis.index[i];
          expect(Array.from(index)).toEqual(naive);
          expect(axis.contiguous.has(index)).toBe(naive.every((k, j) => j === 0 || k === naive[j - 1] + 1));
        });
      }),
      { numRuns: 300 }
    );
  });

  it('broker by broker or interleaved, the timelines are the same (sums closed, reopened, kept open)', () => {
    // Whole numbers: every order of adding gives the same sums exactly.
    const specs = fc.array(
      fc.record({
        broker: fc.integer({ min: 0, max: 19 }).map((b) => `b${b}`),
        topic: fc.constantFrom('t1', 't2'),
        steps: fc.subarray(grid, { minLength: 1 }),
        values: fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(NaN)), {
          minLength: 30,
          maxLength: 30,
        }),
      }),
      { minLength: 1, maxLength: 60 }
    );
    fc.assert(
      fc.property(specs, (list) => {
        const interleaved = toRateSeries(list);
        const grouped = [...interleaved].sort((x, y) => (x.broker < y.broker ? -1 : x.broker > y.broker ? 1 : 0));
        const timelines = (series: RateSeries[]) => {
          const axis = buildAxis(series);
          return new Map(aggregate(series, axis, 'last').brokers.map((b) => [b.name, Array.from(b.values)]));
        };
        expect(timelines(interleaved)).toEqual(timelines(grouped));
      }),
      { numRuns: 200 }
    );
  });

  it('a gap-free series next to one with gaps: steps only the gappy one misses stay covered', () => {
    const times = Float64Array.from(grid.slice(0, 4));
    const series: RateSeries[] = [
      { broker: 'a', topic: 't1', times, values: Float64Array.of(1, 1, 1, 1), instant: false },
      { broker: 'a', topic: 't2', times, values: Float64Array.of(NaN, 2, NaN, 2), instant: false },
      { broker: 'b', topic: 't1', times: times.subarray(1, 3), values: Float64Array.of(5, 5), instant: false },
      { broker: 'c', topic: 't1', times, values: Float64Array.of(NaN, 3, NaN, NaN), instant: false },
    ];
    const axis = buildAxis(series);
    const { brokers } = aggregate(series, axis, 'last');
    expect(Array.from(brokers.find((b) => b.name === 'a')!.values)).toEqual([1, 3, 1, 3]);
    expect(Array.from(brokers.find((b) => b.name === 'b')!.values)).toEqual([NaN, 5, 5, NaN]);
    expect(Array.from(brokers.find((b) => b.name === 'c')!.values)).toEqual([NaN, 3, NaN, NaN]);
    expect(Array.from(clusterTimeline(brokers, axis.times.length))).toEqual([1, 11, 6, 3]);
  });

  it("topic rates: each topic's brokers once, with the sum of their series' current rates, in arrival order", () => {
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const series = toRateSeries(specs);
        const axis = buildAxis(series);
        const { brokers, topicRates } = aggregate(series, axis, 'last');
        // The plain way: a map of maps filled in series order.
        const expected = new Map<string, Map<string, number>>();
        series.forEach((s, i) => {
          if (s.topic !== undefined) {
            const perBroker = expected.get(s.topic) ?? new Map<string, number>();
            expected.set(s.topic, perBroker);
            const rate = reduceRate(s.values, axis.index[i], axis.recentStart, 'last');
            perBroker.set(s.broker, (perBroker.get(s.broker) ?? 0) + rate);
          }
        });
        const actual = topicRates.topics.map((topic, t) => {
          const entries: Array<[string, number]> = [];
          for (let k = topicRates.start[t]; k < topicRates.start[t + 1]; k++) {
            entries.push([brokers[topicRates.broker[k]].name, topicRates.rate[k]]);
          }
          return [topic, entries];
        });
        expect(actual).toEqual(Array.from(expected, ([topic, perBroker]) => [topic, Array.from(perBroker)]));
        for (const b of brokers) {
          expect(b.topicCount).toBe(Array.from(expected.values()).filter((m) => m.has(b.name)).length);
        }
      }),
      { numRuns: 300 }
    );
  });
});
