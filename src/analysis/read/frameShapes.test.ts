import fc from 'fast-check';
import { analyze } from '../analyze';
import { warmFrames } from './decodeFrame';
import { instantFrame, rangeFrame, stepTimes, tableFrame, T0 } from '../testkit/frames';
import { extractSeries } from './extractSeries';

const times = stepTimes(4);

describe('reading the frame shapes a panel receives', () => {
  it('table format: one wide frame, a text column per label, rows grouped into series', () => {
    const rows = ['b1', 'b2'].flatMap((broker, bi) =>
      times.map((time, i) => ({ time, labels: { instance: broker, topic: 'orders' }, value: 10 * (bi + 1) + i }))
    );
    const { series } = extractSeries([tableFrame(rows)]);
    expect(series).toHaveLength(2);
    const b2 = series.find((s) => s.labels.instance === 'b2')!;
    expect(Array.from(b2.values)).toEqual([20, 21, 22, 23]);
    expect(Array.from(b2.times)).toEqual(times);
    expect(b2.labels.topic).toBe('orders');
  });

  it('table format with several queries: `Value #A` and `Value #B` columns keep their refIds', () => {
    const frame = tableFrame([{ time: T0, labels: { instance: 'b1' }, value: 5 }], 'Value #A');
    frame.fields.push({ name: 'Value #B', type: 'number', config: {}, values: [7] });
    const { series } = extractSeries([frame]);
    // Same labels from two queries: one series, never counted twice.
    expect(series).toHaveLength(1);
    expect(series[0].refId).toBe('A');
  });

  it('a "Both" query: the A-Instant twin of a range query is not counted again', () => {
    const frames = [
      instantFrame({ instance: 'b1', topic: 't' }, 500, T0 + 10 * 15_000, 'A-Instant'),
      rangeFrame({ instance: 'b1', topic: 't' }, times, [100, 100, 100, 100], 'A'),
      instantFrame({ instance: 'b2', topic: 't' }, 500, T0 + 10 * 15_000, 'A-Instant'),
      rangeFrame({ instance: 'b2', topic: 't' }, times, [100, 100, 100, 100], 'A'),
    ];
    const report = analyze(frames);
    expect(report.cluster.totalRate).toBe(200);
    expect(report.data.kind).toBe('range');
    expect(report.timeline?.times).toEqual(times);
  });

  it('the same instant query twice: one series holding the latest of the copies', () => {
    const frames = [
      instantFrame({ instance: 'b2', topic: 't' }, 7, T0, 'A'),
      instantFrame({ instance: 'b1', topic: 't' }, 5, T0, 'A'),
      instantFrame({ instance: 'b1', topic: 't' }, 6, T0 + 15_000, 'B'),
    ];
    const { series } = extractSeries(frames);
    expect(series.map((s) => [s.labels.instance, Array.from(s.values), Array.from(s.times)])).toEqual([
      ['b1', [6], [T0 + 15_000]],
      ['b2', [7], [T0]],
    ]);
  });

  it('a "Both" query: frames counted are the range ones, however the instant twins are grouped', () => {
    const instants = ['b1', 'b2', 'b3'].map((b) => instantFrame({ instance: b, topic: 't' }, 5, T0, 'A-Instant'));
    const ranges = ['b1', 'b2', 'b3'].map((b) => rangeFrame({ instance: b, topic: 't' }, times, [1, 1, 1, 1], 'A'));
    const other = instantFrame({ instance: 'b1', topic: 'u' }, 5, T0, 'B');
    // Twins in a run, then scattered between other frames.
    for (const frames of [
      [...instants, ...ranges, other],
      [instants[0], ranges[0], instants[1], other, instants[2], ranges[1], ranges[2]],
    ]) {
      const read = extractSeries(frames);
      expect(read.frameCount).toBe(4);
      expect(read.refIds).toEqual(['A', 'B']);
      expect(read.series.filter((s) => s.instant).map((s) => s.refId)).toEqual(['B']);
    }
  });

  it("a query's text on a later frame than its first decides the role of every series of the query", () => {
    // Series without __name__ (a sum by instance): only the text says they are bytes.
    const query = 'Expr: sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesin_total[5m]))';
    const bytes = ['b1', 'b2', 'b3'].map((b) => rangeFrame({ instance: b }, times, [9, 9, 9, 9], 'B'));
    const messages = rangeFrame({ instance: 'b1', topic: 't' }, times, [1, 1, 1, 1], 'A');
    for (const carrier of [0, 1, 2]) {
      const frames = bytes.map((f, i) =>
        i === carrier ? { ...f, meta: { ...f.meta, executedQueryString: query } } : f
      );
      const { series } = extractSeries([messages, ...frames]);
      expect(series.filter((s) => s.refId === 'B').map((s) => s.role)).toEqual(['bytesIn', 'bytesIn', 'bytesIn']);
      expect(series.filter((s) => s.refId === 'A').map((s) => s.role)).toEqual([undefined]);
    }
  });

  it("fields that carry more than a field needs (Grafana's `state`, `display`) read as plain ones", () => {
    const plain = ['b1', 'b2', 'b3'].flatMap((b, i) => [
      rangeFrame({ instance: b, topic: 't' }, times, [10 + i, 11 + i, 12 + i, 13 + i], 'A'),
      instantFrame({ instance: b, topic: 'u' }, 5 + i, times[3], 'B'),
    ]);
    // Copies with a spread, then a property added: each field ends up with a hidden class of its own.
    const busy = plain.map((f) => ({
      ...f,
      fields: f.fields.map((field) =>
        Object.assign({ ...field }, { state: { displayName: field.name }, display: () => ({ text: '' }) })
      ),
    }));
    expect(analyze(busy)).toEqual(analyze(plain));
    expect(extractSeries(busy).series.map((s) => [s.refId, s.labels, Array.from(s.values)])).toEqual(
      extractSeries(plain).series.map((s) => [s.refId, s.labels, Array.from(s.values)])
    );
  });

  it('an instant-only query (refId A-Instant alone) is read', () => {
    const report = analyze([instantFrame({ instance: 'b1', topic: 't' }, 42, T0, 'A-Instant')]);
    expect(report.data.kind).toBe('instant');
    expect(report.cluster.totalRate).toBe(42);
  });

  it('several queries in any order give the same report', () => {
    const a = rangeFrame({ instance: 'b1', topic: 'x' }, times, [1, 2, 3, 4], 'A');
    const b = rangeFrame({ instance: 'b2', topic: 'y' }, times, [5, 6, 7, 8], 'B');
    expect(analyze([a, b])).toEqual(analyze([b, a]));
    expect(analyze([a, b]).data.refIds).toEqual(['A', 'B']);
  });

  it('unsorted time, duplicate timestamps, strings, null, NaN and ±Infinity', () => {
    const frame = rangeFrame(
      { instance: 'b1' },
      [T0 + 30_000, T0, T0 + 15_000, T0 + 15_000, T0 + 45_000, NaN as unknown as number],
      ['30', 10, null, 20, Infinity, 99]
    );
    const { series } = extractSeries([frame]);
    expect(Array.from(series[0].times)).toEqual([T0, T0 + 15_000, T0 + 30_000, T0 + 45_000]);
    const values = Array.from(series[0].values);
    expect(values.slice(0, 3)).toEqual([10, 20, 30]);
    expect(values[3]).toBeNaN();
  });

  it('Vector-like values of older Grafana versions and ISO time strings', () => {
    const list = [3, 4];
    const frame = {
      refId: 'A',
      fields: [
        {
          name: 'Time',
          type: 'time',
          values: { length: 2, get: (i: number) => new Date(T0 + i * 15_000).toISOString() },
        },
        { name: 'Value', type: 'number', labels: { instance: 'b1' }, values: { toArray: () => list } },
      ],
    };
    const { series } = extractSeries([frame]);
    expect(Array.from(series[0].times)).toEqual([T0, T0 + 15_000]);
    expect(Array.from(series[0].values)).toEqual([3, 4]);
  });

  it('untyped fields from hand-written snapshot JSON are inferred', () => {
    const frame = {
      fields: [
        { name: 'Time', values: [T0, T0 + 15_000] },
        { name: 'Value', labels: { instance: 'b1' }, values: [1, 2] },
      ],
    };
    expect(analyze([frame]).cluster.totalRate).toBe(2);
  });

  it('empty and fieldless frames, non-objects and frames without a time field', () => {
    const odd: unknown[] = [
      null,
      42,
      'frame',
      [],
      {},
      { fields: [] },
      { fields: [{ name: 'x', type: 'string', values: ['a'] }] },
    ];
    expect(extractSeries(odd).series).toHaveLength(0);
    const noTime = { fields: [{ name: 'Value', type: 'number', labels: { instance: 'b1' }, values: [1, 2, 7] }] };
    const report = analyze([noTime]);
    expect(report.data.kind).toBe('instant');
    expect(report.cluster.totalRate).toBe(7);
  });

  it('label values are kept as inert text, even hostile ones', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const report = analyze([
      rangeFrame({ instance: hostile, topic: '__proto__' }, times, [1, 1, 1, 1]),
      rangeFrame({ instance: 'constructor', topic: 'toString' }, times, [1, 1, 1, 1]),
    ]);
    expect(report.brokers.map((b) => b.name).sort()).toEqual([hostile, 'constructor'].sort());
    expect(report.topics.map((t) => t.name).sort()).toEqual(['__proto__', 'toString']);
    expect(report.cluster.totalRate).toBe(2);
  });

  it('the same series twice (a duplicated query, a repeated frame) is counted once', () => {
    const frame = rangeFrame({ instance: 'b1', topic: 't' }, times, [5, 5, 5, 5]);
    const twice = analyze([frame, { ...frame, refId: 'B' }]);
    expect(twice.cluster.totalRate).toBe(5);
    expect(twice.data.seriesUsed).toBe(1);
  });

  it('thousands of series', () => {
    const frames = Array.from({ length: 5000 }, (_, i) =>
      rangeFrame({ instance: `b${i % 50}`, topic: `t${i}` }, times, [1, 1, 1, 1])
    );
    const report = analyze(frames);
    expect(report.cluster.brokerCount).toBe(50);
    expect(report.topics).toHaveLength(5000);
    expect(report.cluster.totalRate).toBe(5000);
  });
});

describe('warming frames before decoding them', () => {
  it('never throws, whatever the list holds', () => {
    const frameLike = fc.record({
      meta: fc.anything(),
      fields: fc.oneof(
        fc.anything(),
        fc.array(fc.record({ labels: fc.anything(), config: fc.anything(), values: fc.anything() }))
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), frameLike)), (list) => {
        warmFrames(list, 0, list.length);
      }),
      { numRuns: 300 }
    );
  });

  it('reads only properties that decoding reads', () => {
    const read = new Set<string>();
    const watched = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, key, receiver) {
          read.add(String(key));
          const v = Reflect.get(t, key, receiver);
          return typeof v === 'object' && v !== null ? watched(v) : v;
        },
      });
    const frame = rangeFrame({ instance: 'kafka-1', topic: 'a' }, [1, 2], [3, 4]);
    warmFrames([watched(frame)], 0, 1);
    expect([...read].filter((k) => !/^\d+$/.test(k)).sort()).toEqual(
      ['config', 'custom', 'fields', 'labels', 'length', 'meta', 'values'].sort()
    );
  });
});

describe('reading a series on the grid of the one before', () => {
  const grid = stepTimes(20);
  const values = (k: number) => grid.map((_, i) => k + i);

  it('a timestamp off the grid in the middle: the series keeps its own timestamps', () => {
    const jittered = grid.map((t, i) => (i === 7 ? t + 1 : t));
    const { series } = extractSeries([
      rangeFrame({ instance: 'a', topic: 'x' }, grid, values(0)),
      rangeFrame({ instance: 'a', topic: 'y' }, jittered, values(1)),
    ]);
    expect(Array.from(series[0].times)).toEqual(grid);
    expect(Array.from(series[1].times)).toEqual(jittered);
    expect(Array.from(series[1].values)).toEqual(values(1));
  });

  it('text, null and infinite samples on the grid are read as the long way reads them', () => {
    const odd = values(2).map((v, i) => (i === 3 ? String(v) : i === 4 ? null : i === 5 ? Infinity : v));
    const { series } = extractSeries([
      rangeFrame({ instance: 'a', topic: 'x' }, grid, values(0)),
      rangeFrame({ instance: 'a', topic: 'y' }, grid, odd),
    ]);
    expect(series[1].times).toBe(series[0].times);
    expect(Array.from(series[1].values)).toEqual(values(2).map((v, i) => (i === 4 || i === 5 ? NaN : v)));
    expect(series[1].range).toBe('plain');
  });
});
