import fc from 'fast-check';
import { aggregate, clusterTimeline } from './aggregate';
import { buildAxis } from './timeline';
import type { RateSeries } from './prepare';

/** Per step, the plain sum of every valid sample at that time; NaN where none. */
function naiveBrokerSums(series: RateSeries[], axisTimes: Float64Array, broker: string): number[] {
  const own = series.filter((s) => s.broker === broker);
  const allTopics = own.filter((s) => s.topic === undefined);
  const used = allTopics.length > 0 ? allTopics : own;
  return Array.from(axisTimes, (t) => {
    let sum = NaN;
    for (const s of used) {
      const i = s.times.indexOf(t);
      if (i >= 0 && !Number.isNaN(s.values[i])) {
        sum = Number.isNaN(sum) ? s.values[i] : sum + s.values[i];
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

type SeriesSpec = typeof seriesArb extends fc.Arbitrary<infer T> ? T : never;

function toRateSeries(specs: SeriesSpec[]): RateSeries[] {
  return specs.map((s) => ({
    broker: s.broker,
    topic: s.topic,
    times: Float64Array.from(s.steps),
    values: Float64Array.from(s.steps, (_, i) => s.values[i]),
    instant: false,
  }));
}

describe('aggregate', () => {
  it('broker timelines equal the per-step sums of their series, NaN where no sample landed', () => {
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const series = toRateSeries(specs);
        const axis = buildAxis(series);
        const { brokers } = aggregate(series, axis, 'last');
        for (const b of brokers) {
          const expected = naiveBrokerSums(series, axis.times, b.name);
          expect(Array.from(b.values)).toEqual(expected.map((v) => (Number.isNaN(v) ? NaN : expect.closeTo(v, 3))));
        }
      }),
      { numRuns: 300 }
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
});
