/**
 * The demo's load profile (docker/loadgen/loadgen.sh, read by simulator/demo.ts) keeps the promise
 * of the README: kafka-1 CRITICALly out of balance at every step, audit-log bursts included —
 * checked on the simulator's exporter counters as rate(...[1m]) reads them, every 5 s scrape.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_OPTIONS } from '../../src/options/defaults';
import { spreadAround } from '../../src/analysis/stats';
import { demoScenario, LOADGEN, loadProfile } from './simulator/demo';
import { BROKERS, Counters, topicsOf } from './simulator/model';
import { REPO } from './stackFiles';

const CRITICAL = DEFAULT_OPTIONS.thresholds.imbalance.critical;
const SCRAPE = 5;
const WINDOW = 60;
const SPAN = 45 * 60;

/** Imbalance score and the farthest broker at every scrape, from rate(messagesin[1m]) per broker. */
function scores(repo: string): Array<{ t: number; score: number; broker: string }> {
  const scenario = demoScenario(repo);
  const counters = new Counters(scenario, -SPAN - WINDOW, 0);
  const topics = topicsOf(scenario).length;
  const total = (b: (typeof BROKERS)[number], t: number) =>
    Array.from({ length: topics }, (_, i) => counters.messagesIn(b, i, t)).reduce((a, v) => a + v, 0);
  const out = [];
  for (let t = -SPAN; t <= 0; t += SCRAPE) {
    const rates = BROKERS.map((b) => (total(b, t) - total(b, t - WINDOW)) / WINDOW);
    const { deviation } = spreadAround(rates);
    const devs = rates.map((r) => Math.abs(deviation(r)));
    const score = Math.max(...devs);
    out.push({ t, score, broker: BROKERS[devs.indexOf(score)] });
  }
  return out;
}

describe('the demo load profile', () => {
  it('is read from the load generator: topics, leaders, bursts and the slow consumer group', () => {
    const p = loadProfile(REPO);
    expect(p.topics.map((t) => t.name)).toEqual(['orders', 'payments', 'clickstream', 'audit-log']);
    expect(p.topics.find((t) => t.name === 'clickstream')!.leaders).toEqual({ 'kafka-1': 1 });
    expect(p.topics.find((t) => t.name === 'orders')!.leaders).toEqual({
      'kafka-1': expect.closeTo(1 / 3),
      'kafka-2': expect.closeTo(1 / 3),
      'kafka-3': expect.closeTo(1 / 3),
    });
    expect(p.burst.topic).toBe('audit-log');
    expect(p.groups).toEqual([
      { name: 'analytics', topic: 'clickstream' },
      { name: 'billing', topic: 'orders' },
    ]);
    // billing consumes a fraction of what is written to orders: its lag grows.
    expect(p.slowGroup.name).toBe('billing');
    expect(p.slowGroup.share).toBeGreaterThan(0.1);
    expect(p.slowGroup.share).toBeLessThan(0.5);
  });

  it('keeps kafka-1 CRITICALly out of balance at every scrape, bursts included', () => {
    const s = scores(REPO);
    const bursting = s.filter((x) => x.score < Math.max(...s.map((y) => y.score)) * 0.9);
    // Several bursts fall in the 45 minutes, and they do lower the score…
    expect(bursting.length).toBeGreaterThan(20);
    // …but never to the threshold: with a margin, so rate() noise and scrape jitter cannot flip it.
    expect(Math.min(...s.map((x) => x.score))).toBeGreaterThan(CRITICAL * 1.2);
    expect(new Set(s.map((x) => x.broker))).toEqual(new Set(['kafka-1']));
  });

  it('would flicker with the earlier profile (bursts of 1,500 msg/s over 830 msg/s): the check can fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbh-loadgen-'));
    try {
      cpSync(join(REPO, 'docker'), join(dir, 'docker'), { recursive: true });
      const earlier = readFileSync(join(REPO, LOADGEN), 'utf8')
        .replace(/^BURST_RATE=\d+$/m, 'BURST_RATE=1500')
        .replace(/^produce orders \d+/m, 'produce orders 300')
        .replace(/^produce payments \d+/m, 'produce payments 120')
        .replace(/^produce clickstream \d+/m, 'produce clickstream 400')
        .replace(/^produce audit-log \d+/m, 'produce audit-log 10');
      writeFileSync(join(dir, LOADGEN), earlier);
      expect(Math.min(...scores(dir).map((x) => x.score))).toBeLessThan(CRITICAL * 1.05);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
