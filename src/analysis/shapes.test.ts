import { analyze } from './analyze';
import { keptShapes } from './shapes';
import { RecordPool } from './recordPool';
import { clusterFrames, inPrometheusOrder, instantFrame, rangeFrame, stepTimes } from './testkit/frames';

/** Whether a value a released instance still holds is empty (nothing of the call behind it). */
function holdsNothing(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') {
    return true; // primitives, and functions (a released lookup answers nothing)
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (value instanceof Map || value instanceof Set) {
    return value.size === 0;
  }
  if (value instanceof ArrayBuffer) {
    return false; // an arena's buffer, which views of the call's figures share
  }
  if (ArrayBuffer.isView(value)) {
    // A fresh builder's first arrays (64 numbers) at most; never a view into a call's buffer.
    return value.byteLength <= 256 && value.buffer.byteLength === value.byteLength;
  }
  if (keptShapes().includes(value as never)) {
    return true; // another kept instance, checked on its own
  }
  // An object of its own (a released interner's arena, a released judge's query texts).
  return depth < 3 && Object.values(value).every((v) => holdsNothing(v, depth + 1));
}

/** A record's field once emptied: a primitive, or an empty list or label set (a shared placeholder). */
function emptied(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return true;
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return (value as ArrayLike<unknown>).length === 0;
  }
  return Object.keys(value).length === 0;
}

describe('the hidden classes of per-call objects are kept, their contents are not', () => {
  const times = stepTimes(20);
  const frames = [
    ...inPrometheusOrder(clusterFrames({ brokers: 4, topics: 6, points: 20, rate: (b, t) => 100 + b * 10 + t })),
    // Instant frames in no order: the series set sorts them (its digit builder at work).
    ...['b3', 'b1', 'b2'].map((b) => instantFrame({ instance: b, topic: 'x' }, 5, times[19], 'B')),
    rangeFrame(
      { instance: 'broker-0' },
      times,
      times.map(() => 1_000),
      'C'
    ),
  ];

  it('after an analysis, an instance of each per-call class is kept, holding nothing of the call', () => {
    const report = analyze(frames, { roles: { C: 'bytesIn' } });
    expect(report.brokers.length).toBeGreaterThan(0);
    const kept = keptShapes();
    expect(kept.map((k) => k.constructor.name).sort()).toEqual(
      expect.arrayContaining([
        'Arena',
        'CounterJudge',
        'CoveragePool',
        'DigitBuilder',
        'DistinctTimes',
        'Placement',
        'RecordPool',
        'SeriesList',
        'SeriesSet',
        'StepSum',
        'TimeInterner',
      ])
    );
    const pools = kept.filter((k): k is RecordPool<object> => k instanceof RecordPool);
    expect(pools.some((p) => p.kept().length > 0)).toBe(true);
    for (const instance of kept) {
      if (instance instanceof RecordPool) {
        // The records are kept on purpose, each emptied: nothing of the call in any field.
        for (const record of instance.kept()) {
          for (const [field, value] of Object.entries(record)) {
            expect(['record', field, emptied(value)]).toEqual(['record', field, true]);
          }
        }
        continue;
      }
      for (const [field, value] of Object.entries(instance)) {
        expect([instance.constructor.name, field, holdsNothing(value)]).toEqual([
          instance.constructor.name,
          field,
          true,
        ]);
      }
    }
  });

  it('the report stays whole after the release: lazy parts read afterwards match a second analysis', () => {
    const first = analyze(frames, { roles: { C: 'bytesIn' } });
    const second = analyze(frames, { roles: { C: 'bytesIn' } });
    // Read only now, after both calls released their kept instances.
    expect(first.brokers.map((b) => b.series)).toEqual(second.brokers.map((b) => b.series));
    expect(first.topics.map((t) => t.brokers)).toEqual(second.topics.map((t) => t.brokers));
    expect(first.cluster).toEqual(second.cluster);
    expect(first.brokers[0].series?.some((v) => v !== null)).toBe(true);
  });

  it('a report holds no record of its call: read after another analysis refilled them, it is unchanged', () => {
    const other = [
      ...inPrometheusOrder(clusterFrames({ brokers: 5, topics: 7, points: 20, rate: (b, t) => 7 + b * t })),
      ...['b9', 'b8', 'b7', 'b6'].map((b) => instantFrame({ instance: b, topic: 'y' }, 50, times[19], 'B')),
    ];
    const first = analyze(frames, { roles: { C: 'bytesIn' } });
    const between = analyze(other);
    // Read whole only now, after the second call took (and emptied) the kept records.
    expect(first).toEqual(analyze(frames, { roles: { C: 'bytesIn' } }));
    expect(between).toEqual(analyze(other));
    expect(between.brokers.map((b) => b.name)).not.toEqual(first.brokers.map((b) => b.name));
  });
});
