import { rangeFrame, stepTimes } from '../../../src/analysis/testkit/frames';
import type { PlainFrame } from '../../../src/analysis/testkit/frames';

/** A deterministic pseudo-random sequence, so every run draws the same pictures. */
function noise(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

const TOPICS = [
  'orders',
  'payments',
  'clickstream',
  'inventory',
  'audit-log',
  'user-events',
  'notifications',
  'metrics-raw',
];
const POINTS = 120; // 30 min at 15 s

export interface Scenario {
  frames: PlainFrame[];
  from: number;
  to: number;
  expect: { verdict: string; brokers: number };
}

function build(
  brokers: number,
  rate: (broker: number, topic: number, step: number) => number,
  expect: Scenario['expect']
): Scenario {
  const times = stepTimes(POINTS);
  const jitter = noise(42);
  const frames: PlainFrame[] = [];
  for (let b = 0; b < brokers; b++) {
    for (let t = 0; t < TOPICS.length; t++) {
      const values = times.map((_, i) => Math.max(0, rate(b, t, i) * (1 + 0.08 * jitter())));
      frames.push(rangeFrame({ instance: `kafka-${b}:7071`, job: 'kafka', topic: TOPICS[t] }, times, values));
    }
  }
  return { frames, from: times[0], to: times[times.length - 1], expect };
}

const base = (t: number) => [900, 650, 1200, 300, 120, 480, 220, 60][t];

export const SCENARIOS: Record<string, () => Scenario> = {
  // kafka-2 leads most partitions of "clickstream": hot broker and a skewed topic.
  hot: () =>
    build(5, (b, t) => (t === 2 ? (b === 2 ? 1000 : 50) : base(t) * (b === 4 ? 0.85 : 1)), {
      verdict: 'WARNING',
      brokers: 5,
    }),
  balanced: () => build(3, (_b, t) => base(t), { verdict: 'OK', brokers: 3 }),
  // kafka-1 stops taking traffic for the last five minutes.
  stalled: () =>
    build(4, (b, t, i) => (b === 1 && i >= POINTS - 20 ? 0 : base(t)), { verdict: 'CRITICAL', brokers: 4 }),
  nodata: () => ({
    frames: [],
    from: stepTimes(2)[0],
    to: stepTimes(2)[1],
    expect: { verdict: 'NO DATA', brokers: 0 },
  }),
};
