/**
 * @jest-environment node
 */
import { analyze } from '../analyze';
import { rangeFrame, stepTimes } from '../testkit/frames';
import { copyWith, whenRead } from './lazy';

describe('properties built when read', () => {
  it('build once, on the first read, and are ordinary enumerable values from then on', () => {
    let builds = 0;
    const row = whenRead({ name: 'a', list: [] as number[] }, 'list', () => {
      builds++;
      return [1, 2];
    });
    expect(Object.keys(row)).toEqual(['name', 'list']);
    expect(builds).toBe(0);
    expect(row.list).toEqual([1, 2]);
    expect(row.list).toBe(row.list);
    expect(builds).toBe(1);
    expect(Object.getOwnPropertyDescriptor(row, 'list')).toMatchObject({ value: [1, 2], enumerable: true });
  });

  it('survive a copy unbuilt, and each copy builds its own once read', () => {
    let builds = 0;
    const row = whenRead({ name: 'a', list: [] as number[] }, 'list', () => [++builds]);
    const copy = copyWith(row, { name: 'b' });
    expect(builds).toBe(0);
    expect(copy).toEqual({ name: 'b', list: [1] });
    expect(row.list).toEqual([2]);
    // Assigned rather than read: the value given, nothing built.
    const other = whenRead({ list: [] as number[] }, 'list', () => [++builds]);
    other.list = [9];
    expect(other.list).toEqual([9]);
    expect(builds).toBe(2);
  });

  it("a broker's step series in the report: not built by the analysis, the values of its timeline when read", () => {
    const times = stepTimes(10);
    const frames = ['kafka-1', 'kafka-2', 'kafka-3'].map((instance, b) =>
      rangeFrame(
        { instance, topic: 't' },
        times,
        times.map((_, i) => (b === 2 && i === 4 ? null : 10 * (b + 1) + (i % 2)))
      )
    );
    const report = analyze(frames, { timeRange: { from: times[0], to: times[times.length - 1] }, now: times[9] });
    for (const b of report.brokers) {
      expect(typeof Object.getOwnPropertyDescriptor(b, 'series')?.get).toBe('function');
    }
    const third = JSON.parse(JSON.stringify(report)).brokers[2].series;
    expect(third).toEqual(times.map((_, i) => (i === 4 ? null : 30 + (i % 2))));
    expect(report.brokers[0].series).toEqual(times.map((_, i) => 10 + (i % 2)));
  });
});
