/**
 * The benchmark's clusters and its way of timing, shared by `npm run bench` (Node) and
 * `npm run bench:browser` (Chromium), so that both measure the same frames the same way. No Node
 * imports: the browser host bundles it. Figures only; nothing here asserts a time.
 */
import { clusterFrames, inPrometheusOrder, instantFrame, PlainFrame } from './frames';

export interface BenchSize {
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

export const BENCH_SIZES: BenchSize[] = [
  { label: 'tenth', brokers: 100, topics: 100, points: 240 },
  { label: 'full', brokers: 100, topics: 1000, points: 240 },
  { label: 'tenth, shuffled', brokers: 100, topics: 100, points: 240, shuffled: true },
  { label: 'full, instant', brokers: 100, topics: 1000, points: 1, shuffled: true, instant: true },
  { label: 'many brokers, aligned', brokers: 1000, topics: 10, points: 240 },
  { label: 'many brokers, own offsets', brokers: 1000, topics: 10, points: 240, offsets: true },
];

/** How a size reads in a table: brokers × topics × points, and how its frames differ. */
export function sizeName(size: BenchSize): string {
  const kind = size.instant ? ', instant' : size.shuffled ? ', shuffled' : size.offsets ? ', own offsets' : '';
  return `${size.brokers} brokers × ${size.topics} topics × ${size.points} points${kind}`;
}

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

/** Messages per second of broker b, topic t at step i: 50–150, varied but fixed. */
const rate = (b: number, t: number, i: number) => 50 + ((b * 7919 + t * 104729 + i * 15485863) % 1000) / 10;

/** The frames of one size, as a panel receives them. */
export function benchFrames(size: BenchSize): PlainFrame[] {
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

export function median(values: number[]): number {
  return values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * A full collection, where the runtime offers one (Node with --expose-gc, as `npm run bench` runs):
 * each contender starts from a heap without the garbage of the one before.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Median time of each contender over `blocks` rounds in which each runs a block of `runs` timed
 * calls in turn, each block after a full collection and two untimed calls. The host's drift (other
 * tenants of the machine) falls on every contender alike, and none pays for collecting the
 * garbage of the one before it.
 */
export function timeInBlocks(blocks: number, runs: number, contenders: Array<() => void>): number[] {
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

/** The value fields of these frames, as reduceField is given them. */
export function valueFields(frames: PlainFrame[]): Array<PlainFrame['fields'][number]> {
  return frames.map((f) => f.fields[1]);
}

/**
 * Clears what reduceField caches on a field (`state.calcs`), so every run computes: the state
 * object itself stays, as Grafana's fields keep theirs.
 */
function forgetCalcs(field: PlainFrame['fields'][number]): void {
  const state = (field as { state?: { calcs?: unknown } }).state;
  if (state) {
    state.calcs = undefined;
  }
}

/** The part of @grafana/data the contender uses (passed in: the core's testkit does not load it). */
interface GrafanaReducers {
  reduceField: (options: { field: never; reducers: string[] }) => Record<string, unknown>;
  ReducerID: { sum: string; mean: string; min: string; max: string; last: string };
}

/**
 * The benchmark's yardstick: reduceField computing sum, mean, min, max and last over every value
 * field, its cached result forgotten first. Returns the sum of the sums (to keep the work live).
 */
export function reduceFieldPass(grafana: GrafanaReducers, fields: Array<PlainFrame['fields'][number]>): () => number {
  const { ReducerID } = grafana;
  const reducers = [ReducerID.sum, ReducerID.mean, ReducerID.min, ReducerID.max, ReducerID.last];
  return () => {
    let sum = 0;
    for (const field of fields) {
      forgetCalcs(field);
      sum += grafana.reduceField({ field: field as never, reducers }).sum as number;
    }
    return sum;
  };
}
