import fc from 'fast-check';
import { aggregate, clusterTimeline, reduceRate } from './aggregate';
import { Axis, buildAxis, timeGrid } from './timeline';
import { prepareSeries, RateSeries } from './prepare';
import { extractSeries } from '../read/extractSeries';
import { brokerName, clusterFrames, inPrometheusOrder, STEP } from '../testkit/frames';

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

describe("aggregate with the reader's runs (read/summedRuns.ts)", () => {
  const times = Float64Array.from(grid.slice(0, 4));

  /** Topic series of one run; the run's sums are marked (+1000) so that using them shows. */
  function runOf(broker: string, topics: string[], base = 1): RateSeries[] {
    const run = { sums: new Float64Array(times.length), members: topics.length };
    return topics.map((topic, k) => {
      const values = Float64Array.from(times, (_, i) => base + k + i);
      values.forEach((v, i) => (run.sums[i] += v + (k === 0 ? 1000 : 0)));
      return { broker, topic, times, values, instant: false, gapless: true, run, runIndex: k };
    });
  }

  const brokerValues = (series: RateSeries[]) =>
    new Map(aggregate(series, buildAxis(series), 'last').brokers.map((b) => [b.name, Array.from(b.values)]));

  it("a broker's whole run, in the reader's order, is added at once", () => {
    const series = runOf('a', ['t1', 't2', 't3']);
    // 1000 more than the members' sums: the run's sums were used.
    expect(brokerValues(series).get('a')).toEqual([1006, 1009, 1012, 1015]);
  });

  it('otherwise each series is added: out of order, incomplete, a second run, mixed brokers, all-topics', () => {
    const plain = [6, 9, 12, 15];
    const swapped = runOf('a', ['t1', 't2', 't3']);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(brokerValues(swapped).get('a')).toEqual(plain);
    expect(brokerValues(runOf('a', ['t1', 't2', 't3']).slice(0, 2)).get('a')).toEqual([3, 5, 7, 9]);
    // The first run is used; the second adds to a sum no longer empty, series by series.
    const twice = [...runOf('a', ['t1', 't2', 't3']), ...runOf('a', ['t4', 't5', 't6'], 4)];
    const firstRun = Array.from(twice[0].run!.sums);
    expect(brokerValues(twice).get('a')).toEqual([1021, 1027, 1033, 1039]);
    // The first run's sums were taken as the broker's, then copied before the second was added:
    // the run itself is unchanged, and the same series give the same timeline again.
    expect(Array.from(twice[0].run!.sums)).toEqual(firstRun);
    expect(brokerValues(twice).get('a')).toEqual([1021, 1027, 1033, 1039]);
    const mixed = runOf('a', ['t1', 't2', 't3']);
    mixed[2] = { ...mixed[2], broker: 'b' };
    expect(brokerValues(mixed).get('a')).toEqual([3, 5, 7, 9]);
    const withAll = runOf('a', ['t1', 't2', 't3']);
    withAll[1] = { ...withAll[1], topic: undefined };
    // The all-topics series is the broker's total.
    expect(brokerValues(withAll).get('a')).toEqual([2, 3, 4, 5]);
  });

  it('property: with or without the runs, every broker timeline and topic rate is the same to the last bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        // Runs are made of 16 samples or more: mostly such series.
        fc.oneof(fc.integer({ min: 16, max: 24 }), fc.integer({ min: 16, max: 24 }), fc.integer({ min: 1, max: 15 })),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 8 }),
        fc.record({
          shuffled: fc.boolean(),
          withAllTopics: fc.boolean(),
          offsets: fc.boolean(),
          twice: fc.boolean(),
          // The first broker's series end a few steps before the others': its run starts where the
          // axis does but does not cover it.
          firstEndsEarly: fc.integer({ min: 0, max: 3 }),
        }),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 3 }),
        (brokers, topics, points, gaps, how, jitters) => {
          // Fractions: an order of adding other than the loop's would show in the last bits.
          const rate = (b: number, t: number, i: number) => 0.1 + ((b * 7919 + t * 104729 + i * 131) % 1000) / 7;
          let frames = clusterFrames({
            brokers,
            topics,
            points,
            rate,
            withAllTopics: how.withAllTopics,
            offset: how.offsets ? (b) => (b * 3001) % STEP : undefined,
          });
          if (how.firstEndsEarly > 0 && brokers > 1) {
            frames = frames.map((f) =>
              f.fields[1].labels?.instance === brokerName(0)
                ? { ...f, fields: f.fields.map((x) => ({ ...x, values: x.values.slice(0, -how.firstEndsEarly) })) }
                : f
            );
          }
          for (const g of gaps) {
            const values = frames[g % frames.length].fields[1].values;
            values[g % values.length] = null;
          }
          // A timestamp a millisecond off, at either end or in the middle: the reader reads that series
          // the long way, and a run it was summed into is of no use.
          for (const j of jitters) {
            const frame = frames[j % frames.length];
            const times = (frame.fields[0].values as number[]).slice();
            times[j % 3 === 0 ? 0 : j % 3 === 1 ? times.length - 1 : times.length >> 1] += 1;
            frame.fields[0] = { ...frame.fields[0], values: times };
          }
          if (how.twice) {
            frames = [...frames, ...frames.slice(0, 3)];
          }
          frames = how.shuffled ? frames.slice().reverse() : inPrometheusOrder(frames);
          const extracted = extractSeries(frames);
          const { rates } = prepareSeries(extracted.series, {
            metricName: '',
            brokerLabel: '',
            topicLabel: '',
            queries: { A: 'rate(x[5m])' },
          });
          const axis = buildAxis(rates, timeGrid(rates, { interval: STEP }));
          const withRuns = aggregate(rates, axis, 'last');
          // Nothing of the runs was changed by using them: the same again.
          const again = aggregate(rates, axis, 'last');
          const without = aggregate(
            rates.map((r) => ({ ...r, run: undefined })),
            axis,
            'last'
          );
          const bits = (values: ArrayLike<number>) => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));
          expect(withRuns.brokers.map((b) => [b.name, bits(b.values)])).toEqual(
            without.brokers.map((b) => [b.name, bits(b.values)])
          );
          expect(bits(withRuns.topicRates.rate)).toEqual(bits(without.topicRates.rate));
          expect(again.brokers.map((b) => [b.name, bits(b.values)])).toEqual(
            withRuns.brokers.map((b) => [b.name, bits(b.values)])
          );
          // A timeline said to be complete has a value at every step.
          for (const b of [...withRuns.brokers, ...without.brokers]) {
            if (b.complete) {
              expect(Array.from(b.values).some((v) => Number.isNaN(v))).toBe(false);
            }
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
