import fc from 'fast-check';
import { extractSeries } from '../read/extractSeries';
import { instantFrame, rangeFrame } from '../testkit/frames';
import { readingOrder } from '../read/seriesSet';
import { PreparedSeries, prepareSeries, UNLABELLED_BROKER } from './prepare';
import { timeGrid } from './timeline';

const OPTIONS = { metricName: '', brokerLabel: 'auto', topicLabel: 'auto' };

describe('prepareSeries', () => {
  it('finds every negative or absurd sample whether or not the reader saw their range', () => {
    // Samples as they arrive: numbers of any sign and size, gaps, infinities and text.
    const sample = fc.oneof(
      fc.double({ min: -10, max: 1e13, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom(null, NaN, Infinity, -Infinity, '7', '-2', 'x')
    );
    const metric = fc.constantFrom(
      'kafka_server_brokertopicmetrics_messagesin_total',
      'kafka_server_brokertopicmetrics_messagesinpersec_oneminuterate',
      undefined
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(sample, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        metric,
        (rows, name) => {
          const frames = rows.map((values, b) =>
            rangeFrame(
              { ...(name ? { __name__: name } : {}), instance: `kafka-${b}`, topic: 't' },
              values.map((_, i) => 1_700_000_000_000 + 15_000 * i),
              values
            )
          );
          const series = extractSeries(frames).series;
          const withBounds = prepareSeries(series, OPTIONS);
          const scanned = prepareSeries(
            series.map((s) => ({ ...s, range: undefined })),
            OPTIONS
          );
          expect(withBounds.negativeSamples).toBe(scanned.negativeSamples);
          expect(withBounds.absurdSamples).toBe(scanned.absurdSamples);
          expect(withBounds.rates.map((r) => Array.from(r.values))).toEqual(
            scanned.rates.map((r) => Array.from(r.values))
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("the reader's label names", () => {
  const times = [1_700_000_000_000, 1_700_000_015_000];
  /** Label sets the way queries come: broker as instance or broker, topic or none, other names. */
  const labelsArb = fc.record(
    {
      instance: fc.constantFrom('kafka-0', 'kafka-1'),
      broker: fc.constantFrom('0', '1'),
      topic: fc.constantFrom('orders', 'clicks'),
      job: fc.constant('kafka'),
    },
    { requiredKeys: [] }
  );
  const seriesArb = fc.record({
    labels: labelsArb,
    // An odd metric and an empty series are left out of the candidates.
    name: fc.constantFrom('kafka_server_brokertopicmetrics_messagesin_total', 'up', undefined),
    values: fc.constantFrom<unknown[]>([1, 2], [null, null]),
  });

  it('give the same series, brokers and topics as reading the names again, whatever is left out', () => {
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 8 }), (list) => {
        const frames = list.map((s) =>
          rangeFrame({ ...(s.name ? { __name__: s.name } : {}), ...s.labels }, times, s.values)
        );
        const extracted = extractSeries(frames);
        const hinted = prepareSeries(extracted.series, { ...OPTIONS, labelNames: extracted.messageLabelNames });
        const read = prepareSeries(extracted.series, OPTIONS);
        expect(hinted.broker).toEqual(read.broker);
        expect(hinted.topic).toEqual(read.topic);
        expect(hinted.rates.map((r) => [r.broker, r.topic])).toEqual(read.rates.map((r) => [r.broker, r.topic]));
      }),
      { numRuns: 300 }
    );
  });

  it('are every name of the messages-in series, whatever order each set lists them in (property)', () => {
    const labelSet = fc.dictionary(
      fc.constantFrom('instance', 'topic', 'job', 'pod', 'broker'),
      fc.constantFrom('x', 'y'),
      {
        minKeys: 1,
      }
    );
    fc.assert(
      fc.property(fc.array(labelSet, { minLength: 1, maxLength: 10 }), (sets) => {
        const extracted = extractSeries(sets.map((labels) => rangeFrame(labels, times, [1, 2])));
        const expected = new Set(sets.flatMap((l) => Object.keys(l)));
        expect(new Set(extracted.messageLabelNames)).toEqual(expected);
      }),
      { numRuns: 300 }
    );
  });

  it("of a left-out series do not choose the broker label (an 'up' series labelled broker)", () => {
    const frames = [
      rangeFrame({ __name__: 'up', broker: '7', instance: 'kafka-0:7071' }, times, [1, 1]),
      rangeFrame({ instance: 'kafka-0:7071', topic: 'orders' }, times, [5, 6]),
    ];
    const extracted = extractSeries(frames);
    expect(extracted.messageLabelNames).toContain('broker');
    const prepared = prepareSeries(extracted.series, { ...OPTIONS, labelNames: extracted.messageLabelNames });
    expect(prepared.broker.label).toBe('instance');
    expect(prepared.rates.map((r) => r.broker)).toEqual(['kafka-0:7071']);
  });
});

describe('cluster totals beside per-broker series', () => {
  const times = [1_700_000_000_000, 1_700_000_015_000, 1_700_000_030_000];
  const perBroker = (b: number) => rangeFrame({ instance: `kafka-${b}`, topic: 't' }, times, [10, 11, 12]);

  it('keeps each total with its own query, whatever was left out before it', () => {
    const frames = [
      perBroker(0),
      // Left out before the totals: only gaps, and a counter from an instant query.
      rangeFrame({ instance: 'kafka-9', topic: 't' }, times, [null, null, null]),
      {
        ...instantFrame({ __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'kafka-8' }, 5),
        refId: 'C',
      },
      { ...rangeFrame({ job: 'kafka' }, times, [20, 22, 24]), refId: 'B' },
      perBroker(1),
      { ...rangeFrame({ env: 'prod' }, times, [21, 23, 25]), refId: 'D' },
    ];
    const prepared = prepareSeries(extractSeries(frames).series, OPTIONS);
    expect(prepared.rates.map((r) => r.broker)).toEqual(['kafka-0', 'kafka-1']);
    expect(prepared.totals.map((t) => [t.refId, Array.from(t.values)])).toEqual([
      ['D', [21, 23, 25]],
      ['B', [20, 22, 24]],
    ]);
  });

  it('takes a broker whose label reads like the placeholder for a broker, not for a total', () => {
    const frames = [perBroker(0), rangeFrame({ instance: UNLABELLED_BROKER, topic: 't' }, times, [1, 2, 3])];
    const prepared = prepareSeries(extractSeries(frames).series, OPTIONS);
    expect(prepared.totals).toEqual([]);
    expect(prepared.rates.map((r) => r.broker).sort()).toEqual([UNLABELLED_BROKER, 'kafka-0'].sort());
  });
});

describe('visiting series in the order they were read', () => {
  // Brokers labelled or not (totals), other metrics, counters (from instant queries: left out),
  // gaps, negative and absurd samples, instant and range queries, in any arrival order.
  const seriesArb = fc.record({
    labels: fc.record(
      { instance: fc.constantFrom('kafka-0', 'kafka-1', 'kafka-2'), topic: fc.constantFrom('a', 'b', 'c') },
      { requiredKeys: ['topic'] }
    ),
    name: fc.constantFrom(undefined, 'up', 'kafka_server_brokertopicmetrics_messagesin_total'),
    values: fc.array(fc.constantFrom<unknown>(1, 2.5, 0, null, NaN, -3, 1e13, '4'), { minLength: 1, maxLength: 3 }),
    instant: fc.boolean(),
    refId: fc.constantFrom('A', 'B'),
  });
  const times = [1_700_000_000_000, 1_700_000_015_000, 1_700_000_030_000];

  it('prepares, and finds the time grid, as visiting them in label order does', () => {
    let visited = 0;
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 12 }), (list) => {
        const frames = list.map((s) => {
          const labels = { ...(s.name ? { __name__: s.name } : {}), ...s.labels };
          return s.instant
            ? instantFrame(labels, s.values[0], times[0], s.refId)
            : rangeFrame(labels, times.slice(0, s.values.length), s.values, s.refId);
        });
        const series = extractSeries(frames).series;
        visited += readingOrder(series) ? 1 : 0;
        // A copy of the list has no reading order: visited in its own (label) order.
        const byReading = prepareSeries(series, OPTIONS);
        const byLabels = prepareSeries(series.slice(), OPTIONS);
        const plain = (p: PreparedSeries) => ({
          ...p,
          rates: p.rates.map((r) => ({ ...r, values: Array.from(r.values), times: Array.from(r.times) })),
          totals: p.totals.map((r) => ({ ...r, values: Array.from(r.values), times: Array.from(r.times) })),
        });
        expect(plain(byReading)).toEqual(plain(byLabels));
        // The time grid, read in the same order, too.
        expect(timeGrid(series, { now: times[2] })).toEqual(timeGrid(series.slice(), { now: times[2] }));
      }),
      { numRuns: 500 }
    );
    // The case this is about came up often: series that were read out of label order.
    expect(visited).toBeGreaterThan(100);
  });

  it('knows a series is gapless only when it has no missing sample', () => {
    const frames = [
      rangeFrame({ instance: 'kafka-1', topic: 'a' }, times, [1, 2, 3]),
      rangeFrame({ instance: 'kafka-0', topic: 'a' }, times, [1, null, 3]),
      rangeFrame({ instance: 'kafka-0', topic: 'b' }, times, [1, '2', 3]),
      // Its own query: an instant frame of a range query's refId is the twin of a range series.
      instantFrame({ instance: 'kafka-2', topic: 'a' }, 7, times[0], 'B'),
    ];
    const prepared = prepareSeries(extractSeries(frames).series, OPTIONS);
    expect(prepared.rates.map((r) => [r.broker, r.topic, r.gapless, Array.from(r.values)])).toEqual([
      ['kafka-0', 'a', false, [1, NaN, 3]],
      ['kafka-0', 'b', true, [1, 2, 3]],
      ['kafka-1', 'a', true, [1, 2, 3]],
      ['kafka-2', 'a', true, [7]],
    ]);
  });
});
