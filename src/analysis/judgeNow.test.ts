/**
 * "Now" at every dashboard range: the incidents an operator meets, on the ranges and steps Grafana
 * asks Prometheus for, with the verdict and findings the operator expects. The rules under test
 * (model/timeline.ts, model/freshness.ts, model/levels.ts):
 * - a broker is missing when silent longer than max(2 steps, 1 minute) while others report;
 * - nothing fresh at all: a cluster-wide silence under 5 minutes at one moment is ingestion lag
 *   (warning, judged at the latest data), else the cluster is down (critical);
 * - drop, spike and stall compare the present with the level before the latest abrupt shift.
 */
import fc from 'fast-check';
import { analyze } from './analyze';
import { rangeFrame, PlainFrame } from './testkit/frames';
import type { HealthReport } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface RangeSpec {
  name: string;
  range: number;
  step: number;
}

/** The ranges and steps Grafana asks for (the step Prometheus gets for a panel about 1,000 px wide). */
const RANGES: RangeSpec[] = [
  { name: '5 min / 15 s', range: 5 * MIN, step: 15_000 },
  { name: '1 h / 15 s', range: HOUR, step: 15_000 },
  { name: '6 h / 1 min', range: 6 * HOUR, step: MIN },
  { name: '24 h / 5 min', range: DAY, step: 5 * MIN },
  { name: '7 d / 30 min', range: 7 * DAY, step: 30 * MIN },
];

/** The moment the panel's query ran: a round hour, so daily cycles line up the same way. */
const NOW = Date.UTC(2026, 11, 1, 15, 0, 0);
const BROKERS = ['kafka-1', 'kafka-2', 'kafka-3'];
const TOPICS = ['orders', 'clicks'];

/** Deterministic ±1 noise. */
function noise(a: number, b: number): number {
  const x = Math.sin(a * 12.9898 + b * 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

interface Scenario {
  /** msg/s of one broker and topic at time t (ms before now is negative); null for no sample. */
  rate: (broker: number, t: number) => number | null;
  /** Offset of each broker's samples from the step grid (ms). */
  offset?: (broker: number, k: number) => number;
  /** Samples end this long before now (ingestion lag). */
  lag?: number;
  /** The dashboard range ends this long after now. */
  future?: number;
  /** No `config.interval` on the Time field: the step is read from the spacing. */
  undeclaredStep?: boolean;
}

function framesFor(spec: RangeSpec, scenario: Scenario): { frames: PlainFrame[]; to: number; from: number } {
  const end = NOW - (scenario.lag ?? 0);
  const from = NOW - spec.range;
  const frames: PlainFrame[] = [];
  BROKERS.forEach((broker, b) => {
    TOPICS.forEach((topic) => {
      const times: number[] = [];
      const values: Array<number | null> = [];
      for (let t = from; t <= end; t += spec.step) {
        const k = times.length;
        const at = t + (scenario.offset?.(b, k) ?? 0);
        if (at > end) {
          break;
        }
        const v = scenario.rate(b, t - NOW);
        times.push(at);
        values.push(v === null ? null : v / TOPICS.length);
      }
      // Prometheus leaves out the steps with no sample: the frame has only the samples there are.
      const kept = times.map((t, i) => [t, values[i]] as const).filter(([, v]) => v !== null);
      const frame = rangeFrame(
        { instance: broker, topic },
        kept.map(([t]) => t),
        kept.map(([, v]) => v)
      );
      // Grafana's Prometheus source declares the query step on the Time field (or nothing, for data
      // that did not come from a range query).
      frame.fields[0].config = scenario.undeclaredStep ? {} : { interval: spec.step };
      frames.push(frame);
    });
  });
  return { frames, from, to: NOW + (scenario.future ?? 0) };
}

function judge(spec: RangeSpec, scenario: Scenario): HealthReport {
  const { frames, from, to } = framesFor(spec, scenario);
  return analyze(frames, { timeRange: { from, to }, now: NOW });
}

const problems = (r: HealthReport) =>
  r.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity}:${f.check}${f.subject ? `:${f.subject}` : ''}`)
    .sort();

const steady =
  (level = 100) =>
  (b: number, t: number) =>
    level * (1 + 0.1 * noise(b, Math.round(t / 1000)));
/** A daily cycle between 40% and 160% of `level`, lowest at 04:00 UTC. */
const daily = (level: number, t: number) => level * (1 - 0.6 * Math.cos((2 * Math.PI * (NOW + t - 4 * HOUR)) / DAY));

/** How long a silence must last to be past the staleness limit, with a step to spare. */
const pastLimit = (spec: RangeSpec) => Math.max(3 * spec.step, 2 * MIN);

describe.each(RANGES)('judging now on a $name dashboard', (spec) => {
  it('a healthy cluster with ±10% noise: OK, nothing said', () => {
    const r = judge(spec, { rate: steady() });
    expect(problems(r)).toEqual([]);
    expect(r.verdict).toBe('ok');
    expect(r.cluster.totalRate).toBeGreaterThan(300 * 0.85);
  });

  it('a broker that missed two steps is not missing yet', () => {
    const r = judge(spec, { rate: (b, t) => (b === 2 && t > -2 * spec.step ? null : steady()(b, t)) });
    expect(problems(r)).toEqual([]);
  });

  it('a broker silent past the limit: missing, its rate 0, and nobody else blamed', () => {
    const silent = pastLimit(spec);
    const r = judge(spec, { rate: (b, t) => (b === 2 && t > -silent ? null : steady()(b, t)) });
    expect(problems(r)).toEqual(['critical:broker-missing:kafka-3']);
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'missing']);
    expect(r.brokers[2].rate).toBe(0);
  });

  it('a broker at 0 (stalled): critical on it alone, the others not hot', () => {
    const since = Math.min(Math.max(3 * spec.step, 10 * MIN), spec.range / 2);
    const r = judge(spec, { rate: (b, t) => (b === 1 && t > -since ? 0 : steady()(b, t)) });
    expect(problems(r)).toEqual(['critical:broker-stalled:kafka-2']);
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'stalled', 'ok']);
  });

  it('a broker at 0 over the whole range: idle (it carried nothing we can see), reassign onto it', () => {
    const r = judge(spec, { rate: (b, t) => (b === 1 ? 0 : steady()(b, t)) });
    expect(problems(r)).toEqual(['critical:imbalance:kafka-2']);
    expect(r.findings[0].message).toMatch(/idle/);
    expect(r.findings[0].suggestion).toMatch(/reassign partitions onto it/i);
    expect(r.findings[0].suggestion).not.toMatch(/leader election first|run a preferred leader election/);
  });

  it('the whole cluster down: one critical finding, every broker missing, total 0', () => {
    const since = Math.max(3 * spec.step, 40 * MIN);
    const r = judge(spec, { rate: (b, t) => (t > -since ? null : steady()(b, t)) });
    if (since >= spec.range) {
      // Nothing in the range at all.
      expect(r.verdict).toBe('nodata');
      return;
    }
    expect(problems(r)).toEqual(['critical:cluster-silent']);
    expect(r.cluster.totalRate).toBe(0);
    expect(r.brokers.every((b) => b.status === 'missing')).toBe(true);
  });

  it('producers stopped 40 minutes ago: a critical drop (or all zero when the range shows nothing else)', () => {
    const since = Math.max(40 * MIN, 3 * spec.step);
    const r = judge(spec, { rate: (b, t) => (t > -since ? 0 : steady()(b, t)) });
    expect(r.verdict).not.toBe('ok');
    if (since >= spec.range) {
      expect(problems(r)).toEqual(['warning:all-zero']);
    } else {
      expect(problems(r)).toContain('critical:drop');
      expect(r.findings.find((f) => f.check === 'drop')!.value).toBeCloseTo(1, 1);
    }
  });

  it('a cliff to 12% within a daily cycle: a drop, whenever in the range it happened', () => {
    const cliff = Math.min(2 * HOUR, spec.range / 3);
    const r = judge(spec, { rate: (b, t) => daily(100, t) * (t > -cliff ? 0.12 : 1) * (1 + 0.05 * noise(b, t)) });
    expect(problems(r)).toContain('warning:drop');
  });

  it('a daily cycle and a smooth nightly decline are not drops', () => {
    expect(problems(judge(spec, { rate: (b, t) => daily(100, t) * (1 + 0.05 * noise(b, t)) }))).toEqual([]);
    // Traffic eases off by 80% over the last eight hours, smoothly.
    const decline = (t: number) => Math.max(0.2, 1 + (0.8 * t) / (8 * HOUR));
    expect(problems(judge(spec, { rate: (b, t) => 100 * decline(t) * (1 + 0.05 * noise(b, t)) }))).toEqual([]);
  });

  it('a range that ends in the future (Today, This week) is judged now: OK', () => {
    const r = judge(spec, { rate: steady(), future: 8 * HOUR });
    expect(problems(r)).toEqual([]);
    expect(r.timeline!.judgeAt).toBeLessThanOrEqual(NOW);
  });

  it('the last 60 s not ingested yet: no alarm', () => {
    const r = judge(spec, { rate: steady(), lag: MIN });
    expect(problems(r)).toEqual([]);
    expect(r.cluster.brokerCount).toBe(3);
  });

  it('every series three minutes behind: a warning about the lag (when that is past the limit), judged at the data', () => {
    const r = judge(spec, { rate: steady(), lag: 3 * MIN });
    const expected = 3 * MIN > Math.max(2 * spec.step, MIN) ? ['warning:data-delayed'] : [];
    expect(problems(r)).toEqual(expected);
    expect(r.cluster.totalRate).toBeGreaterThan(300 * 0.85);
  });

  it.each([false, true])(
    'each broker scraped at its own offset: aligned on the step grid, nobody missing (step read from the data: %s)',
    (undeclaredStep) => {
      const r = judge(spec, {
        rate: steady(),
        offset: (b, k) => Math.round(((b * 0.3 + 0.1) * spec.step + 200 * noise(b, k)) % spec.step),
        undeclaredStep,
      });
      expect(problems(r)).toEqual([]);
      expect(r.timeline!.step).toBeCloseTo(spec.step, -2);
      expect(r.timeline!.times.length).toBeLessThanOrEqual(spec.range / spec.step + 2);
      expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'ok']);
    }
  );
});

/** One gauge per broker on the same step grid; null where it did not report. */
function gaugeFrames(
  spec: RangeSpec,
  labels: Record<string, string>,
  value: (broker: number, t: number) => number | null,
  refId: string
): PlainFrame[] {
  const from = NOW - spec.range;
  return BROKERS.map((broker, b) => {
    const kept: Array<[number, number]> = [];
    for (let t = from; t <= NOW; t += spec.step) {
      const v = value(b, t - NOW);
      if (v !== null) {
        kept.push([t, v]);
      }
    }
    const frame = rangeFrame(
      { ...labels, instance: broker },
      kept.map(([t]) => t),
      kept.map(([, v]) => v),
      refId
    );
    frame.fields[0].config = { interval: spec.step };
    return frame;
  });
}

function judgeWith(spec: RangeSpec, extra: PlainFrame[]): HealthReport {
  const { frames, from, to } = framesFor(spec, { rate: steady() });
  return analyze([...frames, ...extra], { timeRange: { from, to }, now: NOW });
}

/** Long enough to hold through the recent window at any step: at least three steps and ten minutes. */
const lasting = (spec: RangeSpec) => Math.max(3 * spec.step, 10 * MIN);

describe.each(RANGES)('judging now, the other signals, on a $name dashboard', (spec) => {
  const p99 = (value: (b: number, t: number) => number | null) =>
    gaugeFrames(
      spec,
      { __name__: 'kafka_network_requestmetrics_totaltimems', request: 'Produce', quantile: '0.99' },
      value,
      'R'
    );

  it('a broker slow now: critical; one that was slow two hours ago and recovered: nothing', () => {
    const now = judgeWith(
      spec,
      p99((b, t) => (b === 1 && t > -lasting(spec) ? 400 : 12))
    );
    expect(problems(now)).toEqual(['critical:request-latency:kafka-2']);
    if (spec.range > 3 * HOUR) {
      const past = judgeWith(
        spec,
        p99((b, t) => (b === 1 && t > -2 * HOUR - lasting(spec) && t < -2 * HOUR ? 400 : 12))
      );
      expect(problems(past)).toEqual([]);
    }
  });

  it('a broker whose latency stopped reporting is not judged on its last reading', () => {
    const stale = judgeWith(
      spec,
      p99((b, t) => (b === 1 ? (t > -lasting(spec) ? null : 400) : 12))
    );
    expect(problems(stale)).toEqual([]);
  });

  it('leader counts that stopped reporting: no skew from a stale count', () => {
    const leaders = gaugeFrames(
      spec,
      { __name__: 'kafka_server_replicamanager_leadercount' },
      (b, t) => (b === 0 ? (t > -lasting(spec) ? null : 30) : 10),
      'M'
    );
    const r = judgeWith(spec, leaders);
    expect(problems(r).filter((x) => x.includes('leader-skew'))).toEqual([]);
    expect(r.brokers.find((b) => b.name === 'kafka-1')!.leaders).toBeUndefined();
  });

  it('ISR shrinks through the last span: a warning; shrinks that stopped before it: nothing', () => {
    const shrinks = (active: (t: number) => boolean) =>
      gaugeFrames(spec, {}, (b, t) => (b === 2 && active(t) ? 0.05 : 0), 'P').map((f) => ({
        ...f,
        meta: {
          executedQueryString: 'Expr: sum by (instance) (rate(kafka_server_replicamanager_isrshrinks_total[5m]))',
        },
      }));
    expect(
      problems(
        judgeWith(
          spec,
          shrinks((t) => t > -lasting(spec))
        )
      )
    ).toEqual(['warning:isr-churn:kafka-3']);
    expect(
      problems(
        judgeWith(
          spec,
          shrinks((t) => t > -lasting(spec) - 2 * HOUR && t < -2 * HOUR)
        )
      )
    ).toEqual([]);
  });

  it('a disk 95% full now: critical, at any range', () => {
    const disk = gaugeFrames(spec, {}, (b) => (b === 0 ? 0.95 : 0.5), 'T');
    const { frames, from, to } = framesFor(spec, { rate: steady() });
    const r = analyze([...frames, ...disk], { timeRange: { from, to }, now: NOW, roles: { T: 'diskUsage' } });
    // The full disk, and its usage far above the others' (46% over the mean).
    expect(problems(r)).toEqual(['critical:disk-usage:kafka-1', 'warning:storage-skew:kafka-1']);
  });
});

describe('judging now: properties', () => {
  it('moving the data and the clock together by any amount changes no verdict or finding', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RANGES),
        fc.integer({ min: -5 * 365, max: 5 * 365 }),
        fc.integer({ min: 0, max: 2 }),
        (spec, days, which) => {
          const scenarios: Scenario[] = [
            { rate: steady() },
            { rate: (b, t) => (b === 2 && t > -pastLimit(spec) ? null : steady()(b, t)) },
            { rate: (b, t) => (t > -Math.max(40 * MIN, 3 * spec.step) ? 0 : steady()(b, t)) },
          ];
          const { frames, from, to } = framesFor(spec, scenarios[which]);
          const shift = days * DAY;
          const moved = frames.map((f) => ({
            ...f,
            fields: f.fields.map((field, i) =>
              i === 0 ? { ...field, values: field.values.map((t) => (t as number) + shift) } : field
            ),
          }));
          const a = analyze(frames, { timeRange: { from, to }, now: NOW });
          const b = analyze(moved, { timeRange: { from: from + shift, to: to + shift }, now: NOW + shift });
          expect(problems(b)).toEqual(problems(a));
          expect(b.verdict).toBe(a.verdict);
        }
      ),
      { numRuns: 40 }
    );
  });

  it('a silent broker is missing exactly when its silence passes max(2 steps, 1 minute), at any range', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RANGES), fc.integer({ min: 0, max: 12 }), (spec, silentSteps) => {
        const silence = silentSteps * spec.step;
        const r = judge(spec, { rate: (b, t) => (b === 0 && t > -silence ? null : steady()(b, t)) });
        const missing = silence > Math.max(2 * spec.step, MIN);
        expect(r.brokers[0].status === 'missing').toBe(missing);
        // Never blames the brokers still reporting.
        expect(r.brokers.slice(1).map((b) => b.status)).toEqual(['ok', 'ok']);
      }),
      { numRuns: 60 }
    );
  });
});
