/**
 * npm run bench:cli — the wall time of `kafkalens check` against a real Prometheus (30-minute
 * range), split into the time of the queries and the time of the analysis. Needs `prometheus` and
 * `promtool`. Figures only: nothing here asserts a time.
 *
 * Two kinds of rows:
 * - the exporter simulator (three brokers, every signal, scraped live), as the end-to-end suite
 *   runs it, at 40 and 300 topics;
 * - a synthetic cluster of N brokers × T topics (6 × 40 and 100 × 1,000) queried at a 15 s step: only the messages-in
 *   counters, written as OpenMetrics history (streamed to a file: 100k series do not fit in one
 *   string), backfilled with promtool and served by Prometheus without scraping.
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { once } from 'events';
import { tmpdir } from 'os';
import { join } from 'path';
import { finished } from 'stream/promises';
import { analyze } from '../src/analysis';
import { runCheck } from '../src/cli/check';
import { startCluster } from '../test/e2e/cluster';
import { promtool, startPrometheus } from '../test/e2e/prometheus';
import { SCENARIOS, TopicSpec } from '../test/e2e/simulator/model';

/** The command's own figures for one run. */
async function check(url: string, now: number, stepSeconds?: number) {
  const result = await runCheck({
    target: { url, timeoutMs: 300_000 },
    rangeSeconds: 30 * 60,
    stepSeconds,
    source: 'rate',
    options: {},
    now,
  });
  const queryMs = result.queries.reduce((a, q) => a + q.ms, 0);
  return {
    total: result.ms,
    query: queryMs,
    analysis: result.ms - queryMs,
    series: result.report.data.seriesUsed,
    verdict: result.report.verdict,
  };
}

/** The median run of three. */
async function medianOf3(run: () => Promise<Awaited<ReturnType<typeof check>>>) {
  const runs = [await run(), await run(), await run()];
  runs.sort((a, b) => a.total - b.total);
  return runs[1];
}

/** Scrape interval of the synthetic history: three samples in every 1-minute rate() window. */
const SYNTHETIC_INTERVAL = 20;

/** Messages-in counters of `brokers × topics` over `seconds` up to `end` (unix seconds), streamed to `file`. */
async function writeHistory(file: string, brokers: number, topics: number, end: number, seconds: number) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) {
      await once(out, 'drain');
    }
  };
  await write('# TYPE kafka_server_brokertopicmetrics_messagesin counter\n');
  const start = end - seconds;
  for (let b = 0; b < brokers; b++) {
    for (let t = 0; t < topics; t++) {
      const rate = 5 + ((b * 7 + t) % 11);
      const name = `kafka_server_brokertopicmetrics_messagesin_total{instance="kafka-${b}:7071",job="kafka",topic="topic-${t}"}`;
      let lines = '';
      for (let ts = start; ts <= end; ts += SYNTHETIC_INTERVAL) {
        lines += `${name} ${rate * (ts - start)} ${ts}\n`;
      }
      await write(lines);
    }
  }
  await write('# EOF\n');
  out.end();
  await finished(out);
}

async function benchSynthetic(brokers: number, topics: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kafkalens-bench-'));
  try {
    // Whole minutes in the past: the check judges at the end of the history.
    const end = Math.floor(Date.now() / 1000 / 60) * 60 - 60;
    const history = join(dir, 'history.om');
    const t0 = Date.now();
    await writeHistory(history, brokers, topics, end, 31 * 60);
    await promtool('tsdb', 'create-blocks-from', 'openmetrics', history, join(dir, 'data'));
    rmSync(history);
    const setupMs = Date.now() - t0;
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, 'global:\n  scrape_interval: 15s\n');
    const prometheus = await startPrometheus(config, join(dir, 'data'));
    try {
      // At 15 s, as a Grafana panel with the data source's default 15 s interval queries: the
      // command's default for 30 minutes (6 s) over 100k series is more than Prometheus loads for
      // one query (--query.max-samples).
      return { ...(await medianOf3(() => check(prometheus.url, end * 1000, 15))), setupMs };
    } finally {
      await prometheus.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSimulator(topics: number) {
  const spec: TopicSpec[] = Array.from({ length: topics }, (_, i) => ({
    name: `topic-${i}`,
    rate: () => 5 + (i % 7),
    bytesPerMessage: 500,
  }));
  const cluster = await startCluster({ ...SCENARIOS.balanced, topics: spec, groups: [] });
  try {
    return await medianOf3(() => check(cluster.prometheus.url, Date.now()));
  } finally {
    await cluster.stop();
  }
}

async function main() {
  analyze([]); // load the core once
  const only = process.argv[2]; // e.g. "100x1000": that synthetic row alone
  const rows = [];
  const row = (size: string, r: Awaited<ReturnType<typeof check>>, setupMs?: number) => ({
    size,
    'messages-in series': r.series,
    verdict: r.verdict,
    'check ms': r.total,
    'queries ms': r.query,
    'analysis ms': r.analysis,
    'analysis share': `${Math.round((100 * r.analysis) / r.total)}%`,
    ...(setupMs !== undefined ? { 'backfill ms (not timed)': setupMs } : {}),
  });
  if (!only) {
    for (const topics of [40, 300]) {
      rows.push(row(`simulator: 3 brokers × ${topics} topics, all signals`, await benchSimulator(topics)));
    }
  }
  const synthetic = [
    [6, 40],
    [100, 1000],
  ].filter(([b, t]) => !only || only === `${b}x${t}`);
  for (const [brokers, topics] of synthetic) {
    const r = await benchSynthetic(brokers, topics);
    rows.push(row(`synthetic: ${brokers} brokers × ${topics} topics, messages in`, r, r.setupMs));
  }
  console.log('kafkalens check against a real Prometheus, 30-minute range, median of 3');
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
