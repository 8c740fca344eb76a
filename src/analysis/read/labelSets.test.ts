import fc from 'fast-check';
import { analyze } from '../analyze';
import { rangeFrame, stepTimes } from '../testkit/frames';
import { extractSeries } from './extractSeries';

const times = stepTimes(8);
const range = { timeRange: { from: times[0], to: times[times.length - 1] }, now: times[times.length - 1] };

/** Frames whose labels objects are replaced by `shape(labels)`. */
function framesWith(sets: Array<Record<string, unknown>>, shape: (l: Record<string, unknown>) => object) {
  return sets.map((labels, i) => {
    const frame = rangeFrame(
      {},
      times,
      times.map(() => 10 + i)
    );
    frame.fields[1].labels = shape(labels) as never;
    return frame;
  });
}

describe('label sets', () => {
  it('read the same whether the frame object is used as it is, has no prototype, or needs a copy', () => {
    const name = fc.constantFrom('instance', 'topic', 'pod', 'cluster', 'job', 'constructor', 'toString', '__proto__');
    const value = fc.constantFrom('b1', 'b2', 'b10', 't', 'u', 'constructor', '__proto__', '');
    const sets = fc.array(fc.dictionary(name, value, { maxKeys: 4 }), { minLength: 1, maxLength: 6 });
    // A copy into an object of its own kind; entries defined, so a `__proto__` key stays a key.
    const into = (target: object) => (l: Record<string, unknown>) => {
      for (const k of Object.keys(l)) {
        Object.defineProperty(target, k, { value: l[k], enumerable: true, writable: true, configurable: true });
      }
      return target;
    };
    fc.assert(
      fc.property(sets, fc.constantFrom('auto', 'constructor', 'pod'), (labelSets, brokerLabel) => {
        const options = { ...range, brokerLabel };
        const plain = analyze(
          framesWith(labelSets, (l) => into({})(l)),
          options
        );
        const bare = analyze(
          framesWith(labelSets, (l) => into(Object.create(null))(l)),
          options
        );
        // A number among the values: that set is copied, its value read as text.
        const copied = analyze(
          framesWith(labelSets, (l) => into({ job: 7 })(l)),
          options
        );
        expect(bare).toEqual(plain);
        const withJob = analyze(
          framesWith(labelSets, (l) => into({ job: '7' })(l)),
          options
        );
        expect(copied).toEqual(withJob);
      }),
      { numRuns: 200 }
    );
  });

  it('never take a name every object inherits as the broker, topic or cluster label', () => {
    const parsed = JSON.parse(
      '[{"constructor":"b1","__proto__":"x","topic":"t","instance":"i1"},{"instance":"i2","topic":"t"}]'
    ) as Array<Record<string, string>>;
    const frames = parsed.map((labels) => {
      const frame = rangeFrame(
        {},
        times,
        times.map(() => 5)
      );
      frame.fields[1].labels = labels as never;
      return frame;
    });
    for (const brokerLabel of ['constructor', '__proto__', 'toString']) {
      const report = analyze(frames, { ...range, brokerLabel, clusterLabel: 'constructor' });
      // Not the inherited Object function or prototype: the instances, from the usual candidates.
      expect(report.brokers.map((b) => b.name)).toEqual(['i1', 'i2']);
      expect(report.brokers.every((b) => typeof b.name === 'string')).toBe(true);
      expect(report.clusters).toBeUndefined();
      expect(report.cluster.totalRate).toBe(10);
    }
    // The labels are still there as data, own names only.
    const { series } = extractSeries(frames);
    const own = (labels: object, name: string) =>
      Object.prototype.hasOwnProperty.call(labels, name) ? (labels as Record<string, string>)[name] : undefined;
    expect(series.map((s) => own(s.labels, 'constructor'))).toEqual(['b1', undefined]);
    expect(Object.keys(series[0].labels)).toContain('__proto__');
  });

  it('stay right when a script gave Object.prototype an enumerable name', () => {
    const frames = framesWith(
      [
        { instance: 'b1', topic: 't' },
        { instance: 'b2', topic: 't' },
      ],
      (l) => ({ ...l })
    );
    const before = analyze(frames, range);
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    let after;
    let named;
    let read;
    try {
      after = analyze(frames, range);
      named = analyze(frames, { ...range, brokerLabel: 'polluted' });
      read = extractSeries(frames);
    } finally {
      delete proto.polluted;
    }
    expect(after).toEqual(before);
    expect(named.brokers.map((b) => b.name)).toEqual(['b1', 'b2']);
    // Not a label of any series.
    expect(Array.from(read.messageLabelNames ?? [])).not.toContain('polluted');
  });
});
