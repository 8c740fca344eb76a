import fc from 'fast-check';
import { analyze } from '../analyze';
import { instantFrame, rangeFrame, stepTimes, STEP } from '../testkit/frames';
import { deriveRates } from './counters';

const times = stepTimes(20);
const seconds = STEP / 1000;

function counterValues(perSec: number[], start = 1_000_000): number[] {
  let total = start;
  return perSec.map((r, i) => (i === 0 ? total : (total += r * seconds)));
}

describe('raw counters', () => {
  it('derives per-second rates like rate(), treating a fall as a restart from zero', () => {
    const out = deriveRates(Float64Array.from([0, 15_000, 30_000, 45_000]), Float64Array.from([100, 250, 30, 180]));
    expect(out[0]).toBeNaN();
    expect(Array.from(out.slice(1))).toEqual([10, 2, 10]);
  });

  it('skips missing samples instead of inventing a rate', () => {
    const out = deriveRates(Float64Array.from([0, 15_000, 30_000]), Float64Array.from([100, NaN, 400]));
    expect(out[2]).toBe(10);
  });

  it('spreads a short run of repeated samples (missed scrapes) over the run, like rate() would', () => {
    // 1 s steps at 100/s; the samples at 3 and 4 s are stale repeats of the one at 2 s.
    const t = Float64Array.from([0, 1, 2, 3, 4, 5, 6].map((s) => s * 1000));
    const out = deriveRates(t, Float64Array.from([0, 100, 200, 200, 200, 500, 600]));
    expect(Array.from(out.slice(1))).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('keeps a long run of repeated samples at 0: that is a broker taking no traffic', () => {
    const t = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7].map((s) => s * 1000));
    const out = deriveRates(t, Float64Array.from([0, 100, 100, 100, 100, 100, 100, 200]));
    expect(Array.from(out.slice(1))).toEqual([100, 0, 0, 0, 0, 0, 100]);
  });

  it('does not spread across a counter reset', () => {
    const t = Float64Array.from([0, 1, 2, 3].map((s) => s * 1000));
    const out = deriveRates(t, Float64Array.from([500, 500, 40, 140]));
    expect(Array.from(out.slice(1))).toEqual([0, 40, 100]);
  });

  it('a named counter (`_total`) is flagged and its rates derived over a range', () => {
    const perSec = times.map(() => 50);
    const report = analyze([
      rangeFrame(
        { __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'b1', topic: 't' },
        times,
        counterValues(perSec)
      ),
    ]);
    const finding = report.findings.find((f) => f.check === 'raw-counter');
    expect(finding?.severity).toBe('warning');
    expect(finding?.suggestion).toContain('rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m])');
    expect(report.cluster.totalRate).toBeCloseTo(50);
    expect(report.verdict).toBe('warning');
  });

  it('a counter reset (broker restart) does not produce a negative or huge rate', () => {
    const values = counterValues(times.map(() => 20));
    const restarted = values.map((v, i) => (i < 10 ? v : (i - 9) * 20 * seconds));
    const report = analyze([
      rangeFrame({ __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'b1' }, times, restarted),
    ]);
    const series = report.brokers[0].series!.filter((v): v is number => v !== null);
    expect(Math.min(...series)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...series)).toBeCloseTo(20);
  });

  it('unnamed data that rises on every step is recognised as cumulative', () => {
    const report = analyze([rangeFrame({ instance: 'b1' }, times, counterValues(times.map((_, i) => 10 + (i % 4))))]);
    expect(report.data.rawCounters).toBe(true);
    expect(report.cluster.totalRate).toBeGreaterThan(9);
    expect(report.cluster.totalRate).toBeLessThan(14);
  });

  it('a noisy but rising rate is not mistaken for a counter', () => {
    // Ramps up over the range, with ±10% noise: it falls on some steps.
    const noisy = times.map((_, i) => (100 + i * 10) * (i % 3 === 0 ? 0.92 : 1.04));
    const report = analyze([rangeFrame({ instance: 'b1' }, times, noisy)]);
    expect(report.data.rawCounters).toBe(false);
    expect(report.cluster.totalRate).toBeCloseTo(noisy[noisy.length - 1]);
  });

  it('too few steps to tell: unnamed data is taken as rates', () => {
    const short = stepTimes(5);
    const report = analyze([rangeFrame({ instance: 'b1' }, short, [1, 2, 3, 4, 5])]);
    expect(report.data.rawCounters).toBe(false);
  });

  it('a cumulative name whose data goes up and down is a rate gauge after all (rule sets differ)', () => {
    const gauge = times.map((_, i) => 100 + (i % 2 ? 10 : -10));
    const report = analyze([
      rangeFrame({ __name__: 'kafka_server_brokertopicmetrics_messagesinpersec', instance: 'b1' }, times, gauge),
    ]);
    expect(report.data.rawCounters).toBe(false);
  });

  it('counters from an instant query cannot give a rate: NO DATA, with the fix', () => {
    const report = analyze([
      instantFrame(
        { __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'b1', topic: 't' },
        123456
      ),
    ]);
    expect(report.verdict).toBe('nodata');
    expect(report.findings.map((f) => f.check)).toEqual(['no-data', 'raw-counter']);
    expect(report.findings[0].message).toMatch(/cumulative counters from an instant query/);
  });
});

describe('rates or counters: the query text first, then the data', () => {
  /** Unnamed series (rate() and sum() drop __name__) on one refId, with Grafana's record of the query. */
  function unnamed(values: (b: number, k: number) => number, query?: string) {
    const long = stepTimes(40);
    return ['b1', 'b2', 'b3'].map((b, i) => {
      const f = rangeFrame(
        { instance: b },
        long,
        long.map((_, k) => values(i, k))
      );
      return i === 0 && query ? { ...f, meta: { ...f.meta, executedQueryString: `Expr: ${query}\nStep: 15s` } } : f;
    });
  }
  const RATE = 'sum by (instance) (rate(kafka_server_brokertopicmetrics_messagesin_total[1m]))';

  it('a producer ramp-up after rate() is rates: no raw-counter finding, the total is the latest rates', () => {
    const r = analyze(unnamed((b, k) => 100 + 50 * k, RATE));
    expect(r.findings.map((f) => f.check)).not.toContain('raw-counter');
    expect(r.cluster.totalRate).toBeCloseTo(3 * (100 + 50 * 39));
  });

  it('without the query text, a ramp that starts low is rates too; a long-running counter is a counter', () => {
    const ramp = analyze(unnamed((b, k) => 100 + 150 * k));
    expect(ramp.findings.map((f) => f.check)).not.toContain('raw-counter');
    // Counts that stood at a million before the range and gain 15,000 over it.
    const counter = analyze(unnamed((b, k) => 1_000_000 * (b + 1) + 10 * seconds * k));
    expect(counter.findings.map((f) => f.check)).toContain('raw-counter');
    expect(counter.cluster.totalRate).toBeCloseTo(30);
  });

  it('a query over a counter name without rate() is counters, even when sum() dropped the name', () => {
    const r = analyze(
      unnamed((b, k) => 100 + 150 * k, 'sum by (instance) (kafka_server_brokertopicmetrics_messagesin_total)')
    );
    expect(r.data.rawCounters).toBe(true);
    expect(r.findings.find((f) => f.check === 'raw-counter')!.suggestion).toMatch(/rate\(/);
  });

  it('a query that makes rates is never read as counters, whatever the data (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('rate(', 'irate(', 'increase(', 'deriv(', 'delta('),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.1, max: 1e4, noNaN: true }),
        (fn, start, slope) => {
          const r = analyze(unnamed((b, k) => start + slope * k * (b + 1), `sum by (instance) (${fn}x[5m]))`));
          expect(r.data.rawCounters).toBe(false);
        }
      ),
      { numRuns: 60 }
    );
  });

  it('a ramp of rates that starts below a third of where it ends is never read as a counter (property)', () => {
    // Level ÷ increase = share ÷ (1 − share): under ½ exactly when the ramp starts under a third.
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 0.33 }), (end, startShare) => {
        const r = analyze(unnamed((_, k) => end * (startShare + ((1 - startShare) * k) / 39)));
        expect(r.data.rawCounters).toBe(false);
      }),
      { numRuns: 60 }
    );
  });
});
