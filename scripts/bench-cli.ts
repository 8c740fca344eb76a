/**
 * npm run bench:cli — the wall time of `kafkalens check` against a real Prometheus scraping the
 * simulated cluster (30-minute range), split into the time of the queries and the time of the
 * analysis. Needs `prometheus` and `promtool`. Figures only: nothing here asserts a time.
 *
 * The simulator has three brokers; the topic count is what grows (40, then 300 per broker; the backfilled history of more does not fit in one string).
 */
import { analyze } from '../src/analysis';
import { runCheck } from '../src/cli/check';
import { startCluster } from '../test/e2e/cluster';
import { SCENARIOS, TopicSpec } from '../test/e2e/simulator/model';

async function bench(topics: number) {
  const spec: TopicSpec[] = Array.from({ length: topics }, (_, i) => ({
    name: `topic-${i}`,
    rate: () => 5 + (i % 7),
    bytesPerMessage: 500,
  }));
  const cluster = await startCluster({ ...SCENARIOS.balanced, topics: spec, groups: [] });
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const result = await runCheck({
        target: { url: cluster.prometheus.url, timeoutMs: 60_000 },
        rangeSeconds: 30 * 60,
        source: 'rate',
        options: {},
        now: Date.now(),
      });
      const queryMs = result.queries.reduce((a, q) => a + q.ms, 0);
      runs.push({
        total: result.ms,
        query: queryMs,
        analysis: result.ms - queryMs,
        series: result.report.data.seriesUsed,
      });
    }
    // The median run of three.
    runs.sort((a, b) => a.total - b.total);
    return runs[1];
  } finally {
    await cluster.stop();
  }
}

async function main() {
  analyze([]); // load the core once
  const rows = [];
  for (const topics of [40, 300]) {
    const r = await bench(topics);
    rows.push({
      size: `3 brokers × ${topics} topics, 30 min`,
      'messages-in series': r.series,
      'check ms': r.total,
      'queries ms': r.query,
      'analysis ms': r.analysis,
      'analysis share': `${Math.round((100 * r.analysis) / r.total)}%`,
    });
  }
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
