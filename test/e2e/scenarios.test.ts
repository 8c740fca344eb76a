import { analyze, HealthReport } from '../../src/analysis';
import { RunningCluster, startCluster } from './cluster';
import { toFrames } from './promToFrames';
import { ScenarioName } from './simulator/model';

const QUERY = 'sum by (instance, topic) (rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m]))';
// What Grafana asks for a 30 min range: its step floor is the data source's scrape interval (5 s).
const STEP = 5;
const RANGE = 30 * 60;

async function report(cluster: RunningCluster, expr = QUERY): Promise<HealthReport> {
  // Grafana aligns range queries to the step.
  const end = Math.floor(Date.now() / 1000 / STEP) * STEP;
  const start = end - RANGE;
  const body = await cluster.rangeQuery(expr, start, end, STEP);
  expect(body.status).toBe('success');
  const frames = toFrames(body, { refId: 'A', range: true, expr, step: STEP });
  return analyze(frames as never, { timeRange: { from: start * 1000, to: end * 1000 } });
}

const checks = (r: HealthReport) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.check}:${f.subject ?? ''}`);

describe.each<[ScenarioName, (r: HealthReport) => void]>([
  [
    'balanced',
    (r) => {
      expect(r.verdict).toBe('ok');
      expect(r.cluster.brokerCount).toBe(3);
      expect(r.cluster.topicCount).toBe(3);
      expect(r.cluster.totalRate).toBeGreaterThan(570 * 0.9);
      expect(r.cluster.totalRate).toBeLessThan(570 * 1.1);
    },
  ],
  [
    'hot-broker',
    (r) => {
      expect(r.verdict).toBe('warning');
      expect(checks(r)).toEqual(['imbalance:kafka-2']);
    },
  ],
  [
    'stalled-broker',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(checks(r)).toContain('broker-stalled:kafka-3');
    },
  ],
  [
    'gone-broker',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(checks(r)).toContain('broker-missing:kafka-3');
    },
  ],
  [
    'spike',
    (r) => {
      expect(checks(r)).toContain('spike:');
      expect(r.verdict).toBe('warning');
    },
  ],
  [
    'drop',
    (r) => {
      expect(checks(r)).toContain('drop:');
      expect(r.verdict).toBe('warning');
    },
  ],
])('scenario %s against a real Prometheus', (name, expectations) => {
  let cluster: RunningCluster;
  beforeAll(async () => {
    cluster = await startCluster(name);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('gives the expected verdict and findings for the dashboard query', async () => {
    const r = await report(cluster);
    try {
      expectations(r);
    } catch (e) {
      // Show what the analysis saw when it disagrees.
      console.log(
        name,
        r.verdict,
        JSON.stringify(
          r.findings.map((f) => [f.check, f.severity, f.subject, f.message]),
          null,
          1
        )
      );
      throw e;
    }
  });
});
