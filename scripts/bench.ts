/**
 * npm run bench — prints how long analyze() takes on large clusters, next to
 *  (a) @grafana/data's reduceField computing sum/mean/min/max/last over the same fields, and
 *  (b) a bare loop summing the same values,
 * as ratios measured in one run. Figures only; nothing here asserts a time.
 */
import { performance } from 'perf_hooks';
import { analyze } from '../src/analysis';
import { clusterFrames, inPrometheusOrder, instantFrame, PlainFrame } from '../src/analysis/testkit/frames';

interface Size {
  label: string;
  brokers: number;
  topics: number;
  points: number;
  /** Frames in a random order instead of Prometheus' (sorted by labels): the reader has to sort them. */
  shuffled?: boolean;
  /** Instant query frames (one sample each, as a stat or table query returns). */
  instant?: boolean;
  /** Each broker's samples at its own offset from the step grid (its scrape moment). */
  offsets?: boolean;
}

const SIZES: Size[] = [
  { label: 'tenth', brokers: 100, topics: 100, points: 240 },
  { label: 'full', brokers: 100, topics: 1000, points: 240 },
  { label: 'tenth, shuffled', brokers: 100, topics: 100, points: 240, shuffled: true },
  { label: 'full, instant', brokers: 100, topics: 1000, points: 1, shuffled: true, instant: true },
  { label: 'many brokers, aligned', brokers: 1000, topics: 10, points: 240 },
  { label: 'many brokers, own offsets', brokers: 1000, topics: 10, points: 240, offsets: true },
];

/** A fixed pseudo-random permutation, so every run measures the same order. */
function shuffle<T>(items: T[]): T[] {
  let seed = 1;
  return items
    .map((item) => ({ item, key: (seed = (seed * 16807) % 2147483647) }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

/**
 * Frames as the browser's JSON parser builds them from a query response, one after the other in the
 * order of the response: memory order follows that order, every field has the shape the parser
 * gives it, and short label values are the parser's shared (internalized) strings — as in Grafana.
 * Not spread copies: in Node 20's V8 a spread copy given a new property afterwards gets a hidden
 * class of its own, so reduceField's first write of `field.state` would leave 100k classes and
 * make its every later read a slow lookup — a cost browsers' engines do not have (Chromium 150
 * keeps one class) and that flattered analyze in earlier figures.
 */
function asParsed(frames: PlainFrame[]): PlainFrame[] {
  return frames.map((f) => JSON.parse(JSON.stringify(f)));
}

function makeFrames(size: Size): PlainFrame[] {
  const rate = (b: number, t: number, i: number) => 50 + ((b * 7919 + t * 104729 + i * 15485863) % 1000) / 10;
  const frames = size.instant
    ? Array.from({ length: size.brokers * size.topics }, (_, k) => {
        const b = Math.floor(k / size.topics);
        const t = k % size.topics;
        return instantFrame({ instance: `broker-${b}`, topic: `topic-${t}` }, rate(b, t, 0));
      })
    : clusterFrames({
        brokers: size.brokers,
        topics: size.topics,
        points: size.points,
        rate,
        // Offsets spread over the 15 s step, as independent scrapes land.
        offset: size.offsets ? (b) => (b * 7919) % 15_000 : undefined,
      });
  // Range results come sorted by labels (Prometheus sorts them); instant vectors in no particular order.
  return asParsed(size.shuffled ? shuffle(frames) : inPrometheusOrder(frames));
}

/** Median of `runs` timed calls, after two untimed ones so every contender is measured once the JIT has settled. */
function timeIt(runs: number, fn: () => void): number {
  return timeInBlocks(1, runs, [fn])[0];
}

function median(values: number[]): number {
  return values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * Median time of each contender over `blocks` rounds in which each runs a block of `runs` timed
 * calls in turn, each block after a full collection and two untimed calls. The host's drift (other
 * tenants of the machine) falls on every contender alike, and none pays for collecting the
 * garbage of the one before it.
 */
function timeInBlocks(blocks: number, runs: number, contenders: Array<() => void>): number[] {
  const times = contenders.map(() => [] as number[]);
  for (let block = 0; block < blocks; block++) {
    contenders.forEach((fn, k) => {
      collectGarbage();
      for (let call = -2; call < runs; call++) {
        const start = performance.now();
        fn();
        if (call >= 0) {
          times[k].push(performance.now() - start);
        }
      }
    });
  }
  return times.map(median);
}

/**
 * A full collection before each contender (when node runs with --expose-gc, as `npm run bench`
 * does): each starts from a heap without the garbage of the one before — of the previous row,
 * whose frames become garbage, too — instead of the first to be timed paying for it.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * The median time of the first analysis after a full collection, and of analyses back to back.
 * A collection throws away optimized code whose hidden classes died (see analysis/shapes.ts): this
 * line shows whether the analysis keeps its speed across one. Needs --expose-gc.
 */
function firstCallAfterCollection(frames: PlainFrame[]): { first: number; warm: number } | undefined {
  if (!(globalThis as { gc?: () => void }).gc) {
    return undefined;
  }
  const warm = timeIt(11, () => analyze(frames));
  const first: number[] = [];
  for (let round = 0; round < 9; round++) {
    collectGarbage();
    const start = performance.now();
    analyze(frames);
    first.push(performance.now() - start);
  }
  return { first: median(first), warm };
}

/** @grafana/data needs a DOM to load; give it jsdom's, after the core was loaded without one. */
function loadGrafanaData(): typeof import('@grafana/data') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
  const g = globalThis as Record<string, unknown>;
  for (const key of [
    'window',
    'document',
    'navigator',
    'HTMLElement',
    'Element',
    'Node',
    'getComputedStyle',
    'localStorage',
  ]) {
    g[key] ??= key === 'window' ? dom.window : dom.window[key];
  }
  g.matchMedia ??= () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@grafana/data');
}

function main() {
  const analyzedInPlainNode = typeof (globalThis as { window?: unknown }).window === 'undefined';
  analyze(makeFrames({ label: 'warm-up', brokers: 5, topics: 20, points: 60 }));
  const grafana = loadGrafanaData();
  const reducers = [
    grafana.ReducerID.sum,
    grafana.ReducerID.mean,
    grafana.ReducerID.min,
    grafana.ReducerID.max,
    grafana.ReducerID.last,
  ];

  console.log(`analyze() benchmark — Node ${process.version}, core loaded without a DOM: ${analyzedInPlainNode}`);
  const rows: Array<Record<string, string | number>> = [];
  const perSample: Array<{ analyze: number; reduce: number }> = [];
  let offsetCost = NaN;
  for (const size of SIZES) {
    const frames = makeFrames(size);
    const series = frames.length;
    const samples = series * size.points;
    const runs = size.label === 'full' ? 2 : 4;
    const valueFields = frames.map((f) => f.fields[1]);

    let sink = 0;
    const analyzeFrames = (input: PlainFrame[]) => () => {
      sink += analyze(input).cluster.totalRate;
    };
    const reduce = () => {
      for (const field of valueFields) {
        // reduceField caches its result on field.state; clear it so every run computes.
        (field as { state?: unknown }).state = undefined;
        const calcs = grafana.reduceField({ field: field as never, reducers });
        sink += calcs.sum as number;
      }
    };
    const loop = () => {
      let total = 0;
      for (const field of valueFields) {
        const values = field.values as number[];
        for (let i = 0; i < values.length; i++) {
          total += values[i];
        }
      }
      sink += total;
    };
    // Own offsets are compared with the same brokers on one grid, the two analyses in turns.
    const onOneGrid = size.offsets ? makeFrames({ ...size, offsets: false }) : undefined;
    const contenders = [analyzeFrames(frames), reduce, loop, ...(onOneGrid ? [analyzeFrames(onOneGrid)] : [])];
    const [analyzeMs, reduceMs, loopMs, onOneGridMs] = timeInBlocks(3, runs, contenders);
    if (onOneGridMs !== undefined) {
      offsetCost = analyzeMs / onOneGridMs;
    }
    if (!Number.isFinite(sink)) {
      throw new Error('unexpected result');
    }
    perSample.push({ analyze: analyzeMs / samples, reduce: reduceMs / samples });
    rows.push({
      size: `${size.brokers} brokers × ${size.topics} topics × ${size.points} points${size.instant ? ', instant' : size.shuffled ? ', shuffled' : size.offsets ? ', own offsets' : ''}`,
      series,
      samples,
      'analyze ms': +analyzeMs.toFixed(1),
      'reduceField ms': +reduceMs.toFixed(1),
      'bare loop ms': +loopMs.toFixed(1),
      'analyze / reduceField': +(analyzeMs / reduceMs).toFixed(2),
      'analyze / loop': +(analyzeMs / loopMs).toFixed(1),
      'analyze ns/sample': +((analyzeMs * 1e6) / samples).toFixed(1),
    });
  }
  console.table(rows);
  console.log(
    `Growth: ${SIZES[1].label} holds ${(rows[1].samples as number) / (rows[0].samples as number)}× the samples of ${SIZES[0].label}; ` +
      `analyze's time per sample changed by ${(perSample[1].analyze / perSample[0].analyze).toFixed(2)}× (1.00 = linear), ` +
      `reduceField's by ${(perSample[1].reduce / perSample[0].reduce).toFixed(2)}× (what the larger heap costs any code on this machine).`
  );
  const afterCollection = firstCallAfterCollection(makeFrames(SIZES[0]));
  if (afterCollection) {
    console.log(
      `After a full collection (${SIZES[0].label}): the first analysis takes ${afterCollection.first.toFixed(1)} ms, ` +
        `against ${afterCollection.warm.toFixed(1)} ms back to back (a dashboard may collect between two refreshes).`
    );
  }
  console.log(
    `Own offsets: brokers scraped at their own moments cost ${offsetCost.toFixed(2)}× ` +
      'the time per sample of the same brokers on one grid, measured in the same blocks (the step grid keeps it linear; the target is ≤ 1.5×).'
  );
}

main();
