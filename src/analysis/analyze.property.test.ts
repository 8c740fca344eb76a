import fc from 'fast-check';
import { analyze } from './analyze';
import { clusterFrames, inPrometheusOrder, PlainFrame, STEP, T0 } from './testkit/frames';
import type { HealthReport } from './types';

const VERDICTS = ['ok', 'warning', 'critical', 'nodata'];

/** Any value a field may hold in hostile or broken input. */
const cell = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, '', 'NaN', '12.5', 'abc', '+Inf', true, {}, []),
  fc.string({ maxLength: 5 })
);
const labelName = fc.constantFrom(
  'instance',
  'broker',
  'pod',
  'topic',
  '__name__',
  '__proto__',
  'constructor',
  'host',
  'job'
);
const labelValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'kafka_server_brokertopicmetrics_messagesin_total', 'b1', 'b2')
);
const field = fc.record(
  {
    name: fc.oneof(fc.constantFrom('Time', 'Value', 'Value #A', 'instance', 'topic'), fc.string({ maxLength: 6 })),
    type: fc.constantFrom('time', 'number', 'string', '', 'other', undefined),
    labels: fc.oneof(fc.dictionary(labelName, labelValue, { maxKeys: 4 }), fc.constant(undefined), fc.constant(null)),
    values: fc.oneof(
      fc.array(cell, { maxLength: 30 }),
      fc.array(fc.integer({ min: T0, max: T0 + 100 * STEP }), { maxLength: 30 }),
      fc.constant(undefined)
    ),
  },
  { requiredKeys: [] }
);
const frame = fc.record(
  {
    refId: fc.constantFrom('A', 'B', 'A-Instant', undefined),
    name: fc.constantFrom('exemplar', 'Warnings', undefined),
    meta: fc.oneof(
      fc.constant(undefined),
      fc.record({
        type: fc.constantFrom('timeseries-multi', 'numeric-multi', 'table'),
        custom: fc.record({ resultType: fc.constantFrom('matrix', 'vector', 'scalar', 'exemplar') }),
      }),
      fc.record({
        notices: fc.array(fc.record({ severity: fc.constant('warning'), text: fc.string({ maxLength: 10 }) }), {
          maxLength: 2,
        }),
      })
    ),
    fields: fc.oneof(fc.array(field, { maxLength: 5 }), fc.constant(undefined)),
  },
  { requiredKeys: [] }
);

function assertWellFormed(r: HealthReport) {
  expect(VERDICTS).toContain(r.verdict);
  // The catch-all in analyze() is a last line of defence; the reader itself must cope.
  expect(r.findings.filter((f) => f.check === 'analysis-error')).toEqual([]);
  for (const v of [
    r.cluster.totalRate,
    r.cluster.avgPerBroker,
    r.cluster.minRate,
    r.cluster.maxRate,
    r.cluster.imbalance,
  ]) {
    expect(Number.isFinite(v)).toBe(true);
  }
  for (const b of r.brokers) {
    expect(Number.isFinite(b.rate) && Number.isFinite(b.share) && Number.isFinite(b.deviation)).toBe(true);
  }
  expect(JSON.parse(JSON.stringify(r)).verdict).toBe(r.verdict);
}

/** A cluster with random per-topic rates (always some traffic, never rising on 90% of steps: see framesOf). */
const clusterSpec = fc.record({
  brokers: fc.integer({ min: 1, max: 5 }),
  topics: fc.integer({ min: 1, max: 4 }),
  points: fc.constantFrom(1, 3, 12, 30),
  seed: fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 7, maxLength: 7 }),
  gaps: fc.boolean(),
});
type Spec = typeof clusterSpec extends fc.Arbitrary<infer S> ? S : never;

function framesOf(spec: Spec, opts: { scale?: number; withAllTopics?: boolean } = {}): PlainFrame[] {
  const { seed } = spec;
  return clusterFrames({
    brokers: spec.brokers,
    topics: spec.topics,
    points: spec.points,
    withAllTopics: opts.withAllTopics,
    rate: (b, t, i) => {
      if (spec.gaps && (b + t + i) % 5 === 4) {
        return null;
      }
      // Deterministic pseudo-noise from the seed, above the base on even steps and below it on odd
      // ones, so the data never rises on 90% of its steps and is never taken for a raw counter
      // (seeds near 1 used to make gently rising data that, pooled with the all-topics series, did).
      const base = seed[(b * 3 + t) % seed.length];
      const wobble = seed[(i * 5 + b + t) % seed.length] / 1000;
      const direction = i % 2 === 0 ? 1 : -1;
      return (base + direction * wobble * base) * (opts.scale ?? 1);
    },
  });
}

describe('analyze: properties', () => {
  it('never throws on arbitrary frames, and always returns a well-formed report', () => {
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 6 }), (frames) => {
        assertWellFormed(analyze(frames as unknown[]));
      }),
      { numRuns: 400 }
    );
  });

  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (frames, options) => {
        assertWellFormed(analyze(frames as unknown[], options as never));
      }),
      { numRuns: 300 }
    );
  });

  it('permuting frames changes nothing', () => {
    fc.assert(
      fc.property(clusterSpec, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (spec, keys) => {
        const frames = framesOf(spec, { withAllTopics: spec.brokers % 2 === 0 });
        const shuffled = frames
          .map((f, i) => ({ f, k: keys[i % keys.length] * 1000 + i }))
          .sort((a, b) => a.k - b.k)
          .map(({ f }) => f)
          .reverse();
        expect(analyze(shuffled)).toEqual(analyze(frames));
        // Sorted by labels, as Prometheus returns range results: read without any sorting of ours.
        expect(analyze(inPrometheusOrder(frames))).toEqual(analyze(frames));
      }),
      { numRuns: 60 }
    );
  });

  it('scaling every rate by k scales totals by k and leaves the imbalance unchanged', () => {
    fc.assert(
      fc.property(clusterSpec, fc.double({ min: 1, max: 1000, noNaN: true }), (spec, k) => {
        const base = analyze(framesOf(spec));
        const scaled = analyze(framesOf(spec, { scale: k }));
        expect(scaled.cluster.totalRate).toBeCloseTo(base.cluster.totalRate * k, 6);
        expect(scaled.cluster.avgPerBroker).toBeCloseTo(base.cluster.avgPerBroker * k, 6);
        expect(scaled.cluster.imbalance).toBeCloseTo(base.cluster.imbalance, 9);
        expect(scaled.brokers.map((b) => b.share)).toEqual(base.brokers.map((b) => expect.closeTo(b.share, 9)));
      }),
      { numRuns: 60 }
    );
  });

  it("adding each broker's all-topics series leaves totals unchanged", () => {
    fc.assert(
      fc.property(clusterSpec, (spec) => {
        const without = analyze(framesOf(spec));
        const withAll = analyze(framesOf(spec, { withAllTopics: true }));
        expect(withAll.cluster.totalRate).toBeCloseTo(without.cluster.totalRate, 6);
        expect(withAll.brokers.map((b) => b.rate)).toEqual(without.brokers.map((b) => expect.closeTo(b.rate, 6)));
        expect(withAll.topics.map((t) => t.name)).toEqual(without.topics.map((t) => t.name));
        expect(withAll.brokers.every((b) => b.fromAllTopicsSeries)).toBe(true);
      }),
      { numRuns: 60 }
    );
  });

  it('the sum of broker rates equals the cluster total, and shares sum to 1', () => {
    fc.assert(
      fc.property(clusterSpec, fc.constantFrom('last', 'mean', 'max'), (spec, rateReducer) => {
        const r = analyze(framesOf(spec), { rateReducer: rateReducer as 'last' });
        const sum = r.brokers.reduce((a, b) => a + b.rate, 0);
        expect(sum).toBeCloseTo(r.cluster.totalRate, 6);
        if (r.cluster.totalRate > 0) {
          expect(r.brokers.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 60 }
    );
  });

  it('±10% noise on a balanced cluster never fires anything', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.double({ min: 5, max: 100_000, noNaN: true }),
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 50, maxLength: 50 }),
        fc.integer({ min: 20, max: 120 }),
        (brokers, level, noise, points) => {
          const frames = clusterFrames({
            brokers,
            topics: 1,
            points,
            rate: (b, _t, i) => level * (1 + noise[(i * 7 + b * 13) % noise.length]),
          });
          const r = analyze(frames);
          expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
          expect(r.verdict).toBe('ok');
        }
      ),
      { numRuns: 150 }
    );
  });
});
