import { compareLabels } from '../read/series';
import { BenchSize, benchFrames, reduceFieldPass, timeInBlocks } from './benchmark';

const small: BenchSize = { label: 'small', brokers: 3, topics: 4, points: 5 };
const labelsOf = (frames: ReturnType<typeof benchFrames>) => frames.map((f) => f.fields[1].labels!);

describe('the benchmark clusters', () => {
  it('are a frame per broker and topic, in Prometheus order unless shuffled', () => {
    const frames = benchFrames(small);
    expect(frames).toHaveLength(12);
    expect(frames.every((f) => f.fields[1].values.length === 5)).toBe(true);
    const labels = labelsOf(frames);
    for (let i = 1; i < labels.length; i++) {
      expect(compareLabels(labels[i - 1], labels[i])).toBeLessThan(0);
    }
    const shuffled = labelsOf(benchFrames({ ...small, shuffled: true }));
    expect(shuffled).not.toEqual(labels);
    expect(shuffled.slice().sort(compareLabels)).toEqual(labels);
  });

  it('give each broker its own scrape offset when asked, and instant frames one sample each', () => {
    const offsets = benchFrames({ ...small, offsets: true });
    const firstTimes = new Set(offsets.map((f) => f.fields[0].values[0]));
    expect(firstTimes.size).toBe(3);
    const instant = benchFrames({ ...small, points: 1, instant: true });
    expect(instant.every((f) => f.fields[1].values.length === 1)).toBe(true);
  });

  it("run reduceField afresh each time: its cached result forgotten, the field's state kept", () => {
    const field = { ...benchFrames(small)[0].fields[1], state: { calcs: { sum: 1 }, range: 2 } };
    const seen: unknown[] = [];
    const reduceField = ({ field: f, reducers }: { field: never; reducers: string[] }) => {
      seen.push((f as { state: { calcs?: unknown } }).state.calcs, reducers);
      return { sum: 3 };
    };
    const ReducerID = { sum: 'sum', mean: 'mean', min: 'min', max: 'max', last: 'lastNotNull' };
    expect(reduceFieldPass({ reduceField, ReducerID }, [field, field])()).toBe(6);
    expect(seen).toEqual([undefined, ['sum', 'mean', 'min', 'max', 'lastNotNull'], undefined, expect.any(Array)]);
    expect(field.state).toEqual({ calcs: undefined, range: 2 });
  });
});

describe('timeInBlocks', () => {
  it('runs the contenders in turn, each block two untimed calls and then the timed ones', () => {
    const calls: string[] = [];
    const medians = timeInBlocks(3, 2, [() => calls.push('a'), () => calls.push('b')]);
    expect(calls.join('')).toBe('aaaabbbb'.repeat(3));
    expect(medians).toHaveLength(2);
    expect(medians.every((m) => m >= 0)).toBe(true);
  });
});
