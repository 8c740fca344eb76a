/**
 * npm run bench — prints how long analyze() takes on large clusters, next to
 *  (a) @grafana/data's reduceField computing sum/mean/min/max/last over the same fields, and
 *  (b) a bare loop summing the same values,
 * as ratios measured in one run. Figures only; nothing here asserts a time.
 */
import { performance } from 'perf_hooks';
import { analyze } from '../src/analysis';
import type { PlainFrame } from '../src/analysis/testkit/frames';
import {
  BENCH_SIZES,
  benchFrames,
  collectGarbage,
  median,
  reduceFieldPass,
  sizeName,
  timeInBlocks,
  valueFields,
} from '../src/analysis/testkit/benchmark';

/** Median of `runs` timed calls, after two untimed ones so every contender is measured once the JIT has settled. */
function timeIt(runs: number, fn: () => void): number {
  return timeInBlocks(1, runs, [fn])[0];
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
  analyze(benchFrames({ label: 'warm-up', brokers: 5, topics: 20, points: 60 }));
  const grafana = loadGrafanaData();

  console.log(`analyze() benchmark — Node ${process.version}, core loaded without a DOM: ${analyzedInPlainNode}`);
  const rows: Array<Record<string, string | number>> = [];
  const perSample: Array<{ analyze: number; reduce: number }> = [];
  let offsetCost = NaN;
  for (const size of BENCH_SIZES) {
    const frames = benchFrames(size);
    const series = frames.length;
    const samples = series * size.points;
    const runs = size.label === 'full' ? 2 : 4;
    const fields = valueFields(frames);

    let sink = 0;
    const analyzeFrames = (input: PlainFrame[]) => () => {
      sink += analyze(input).cluster.totalRate;
    };
    const reduceAll = reduceFieldPass(grafana as never, fields);
    const reduce = () => {
      sink += reduceAll();
    };
    const loop = () => {
      let total = 0;
      for (const field of fields) {
        const values = field.values as number[];
        for (let i = 0; i < values.length; i++) {
          total += values[i];
        }
      }
      sink += total;
    };
    // Own offsets are compared with the same brokers on one grid, in the same blocks.
    const onOneGrid = size.offsets ? benchFrames({ ...size, offsets: false }) : undefined;
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
      size: sizeName(size),
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
    `Growth: ${BENCH_SIZES[1].label} holds ${(rows[1].samples as number) / (rows[0].samples as number)}× the samples of ${BENCH_SIZES[0].label}; ` +
      `analyze's time per sample changed by ${(perSample[1].analyze / perSample[0].analyze).toFixed(2)}× (1.00 = linear), ` +
      `reduceField's by ${(perSample[1].reduce / perSample[0].reduce).toFixed(2)}× (what the larger heap costs any code on this machine).`
  );
  const afterCollection = firstCallAfterCollection(benchFrames(BENCH_SIZES[0]));
  if (afterCollection) {
    console.log(
      `After a full collection (${BENCH_SIZES[0].label}): the first analysis takes ${afterCollection.first.toFixed(1)} ms, ` +
        `against ${afterCollection.warm.toFixed(1)} ms back to back (a dashboard may collect between two refreshes).`
    );
  }
  console.log(
    `Own offsets: brokers scraped at their own moments cost ${offsetCost.toFixed(2)}× ` +
      'the time per sample of the same brokers on one grid, measured in the same blocks (the step grid keeps it linear; the target is ≤ 1.5×).'
  );
}

main();
