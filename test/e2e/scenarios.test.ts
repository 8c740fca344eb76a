/**
 * End to end: exporter text → real Prometheus (scrapes plus backfilled history) → the dashboard's
 * own queries over the HTTP API → frames as Grafana's backend builds them → analyze → verdict.
 */
import { join } from 'path';
import { analyze, HealthReport, METRIC_ROLES } from '../../src/analysis';
import { RunningCluster, startCluster } from './cluster';
import { toFrames } from '../../src/cli/promToFrames';
import { ScenarioName } from './simulator/model';
import { demoScenario } from './simulator/demo';
import { spreadAround } from '../../src/analysis/stats';
import { toAnalysisOptions } from '../../src/options/toAnalysisOptions';
import { dashboard, healthPanelOptions, healthPanelQueries, REPO } from './stackFiles';

// What Grafana asks for a 30 min range: its step floor is the data source's scrape interval (5 s).
const STEP = 5;
const RANGE = 30 * 60;
const RECORDING_RULES = join(REPO, 'provisioning/prometheus/rules/kafka-recording.yml');
const QUERIES = healthPanelQueries();
const SOURCES = Array.from(new Set(QUERIES.map((q) => q.source)));
const RATE_QUERY = QUERIES.find((q) => q.source === SOURCES[0] && q.refId === 'A')!;
const RECORDED_QUERY = QUERIES.find((q) => q.source === SOURCES[1] && q.refId === 'A')!;
/** All the health panel's queries (messages in, bytes, idle, replication, controllers, lag). */
const PANEL_QUERIES = QUERIES.filter((q) => q.source === SOURCES[0]);
const PANEL_OPTIONS = toAnalysisOptions(healthPanelOptions() as never);
/** msg/s of the simulated cluster (test/e2e/simulator/model.ts). */
const CLUSTER_RATE = 180 + 90 + 300;

/** Runs queries as the panel would (each with its refId) and analyses the frames with the panel's options. */
async function report(
  cluster: RunningCluster,
  queries: Array<{ refId: string; expr: string }> = PANEL_QUERIES
): Promise<HealthReport> {
  const end = await cluster.alignedEnd(STEP);
  const start = end - RANGE;
  const frames = [];
  for (const q of queries) {
    const body = await cluster.rangeQuery(q.expr, start, end, STEP);
    expect(body.status).toBe('success');
    frames.push(...toFrames(body, { refId: q.refId, range: true, expr: q.expr, step: STEP }));
  }
  return analyze(frames as never, { ...PANEL_OPTIONS, timeRange: { from: start * 1000, to: end * 1000 } });
}

const only = (expr: string) => [{ refId: 'A', expr }];

const problems = (r: HealthReport) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.check}:${f.subject ?? ''}`);

function explain(name: string, r: HealthReport) {
  return `${name}: ${r.verdict}\n${r.findings.map((f) => `  ${f.severity} ${f.check} ${f.subject ?? ''}: ${f.message}`).join('\n')}`;
}

const SCENARIOS: Array<[ScenarioName, (r: HealthReport) => void]> = [
  [
    'balanced',
    (r) => {
      expect(r.verdict).toBe('ok');
      expect(problems(r)).toEqual([]);
      expect(r.cluster.brokerCount).toBe(3);
      expect(r.cluster.topicCount).toBe(3);
      expect(r.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.9);
      expect(r.cluster.totalRate).toBeLessThan(CLUSTER_RATE * 1.1);
      // The other queries: healthy replication, one controller, consumers keeping up.
      // Every role but disk usage, which needs kubelet or node_exporter (not part of the stack).
      expect(r.signals.roles.map((x) => x.role)).toEqual(METRIC_ROLES.filter((role) => role !== 'diskUsage'));
      expect([r.signals.underReplicated, r.signals.offlinePartitions, r.signals.activeControllers]).toEqual([0, 0, 1]);
      // The controllers report only controller metrics: they are not brokers of the report.
      expect(r.brokers.map((b) => b.name)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
      expect(r.signals.consumerGroups.map((g) => [g.name, g.status])).toEqual([
        ['analytics', 'ok'],
        ['billing', 'ok'],
      ]);
      for (const b of r.brokers) {
        expect(b.requestHandlerIdle).toBeCloseTo(0.82, 1);
        // orders 600 B, payments 350 B, clickstream 1,200 B per message.
        expect(b.avgMessageBytes).toBeGreaterThan(800);
        expect(b.avgMessageBytes).toBeLessThan(1000);
        expect(b.bytesOut! / b.bytesIn!).toBeCloseTo(2, 1);
      }
    },
  ],
  [
    'hot-broker',
    (r) => {
      expect(r.verdict).toBe('warning');
      // Bytes follow messages here: the same broker is hot in bytes in and out.
      expect(problems(r)).toEqual(['imbalance:kafka-2', 'bytes-imbalance:kafka-2', 'bytes-imbalance:kafka-2']);
      expect(r.brokers.find((b) => b.name === 'kafka-2')?.status).toBe('hot');
      // Why: leaders and replicas are even, no one topic sits on it — move some of its busiest partitions.
      expect(r.findings[0].messageKey).toBe('imbalance.hot-traffic');
      expect(r.findings[0].commands?.[1]).toContain('--broker-list "1,2,3" --generate');
      expect(JSON.stringify(r.findings[0])).not.toContain('kafka-leader-election');
    },
  ],
  [
    'stalled-broker',
    (r) => {
      expect(r.verdict).toBe('critical');
      // One cause, one finding: its bytes stopped too, but a stalled broker is left out of the
      // balance of messages and bytes alike, and the others are not called hot.
      expect(problems(r)).toEqual(['broker-stalled:kafka-3']);
      expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'stalled']);
    },
  ],
  [
    'gone-broker',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toContain('broker-missing:kafka-3');
      expect(r.cluster.brokerCount).toBe(2);
    },
  ],
  [
    'spike',
    (r) => {
      expect(r.verdict).toBe('warning');
      expect(problems(r)).toEqual(['spike:']);
    },
  ],
  [
    'drop',
    (r) => {
      expect(r.verdict).toBe('warning');
      expect(problems(r)).toEqual(['drop:']);
    },
  ],
  [
    'under-replicated',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['under-replicated:kafka-2']);
      expect(r.findings[0].message).toMatch(/over the 5 min limit/);
      expect(r.signals.underReplicated).toBe(4);
    },
  ],
  [
    'disk-failed',
    (r) => {
      expect(r.verdict).toBe('critical');
      // One incident: the failed disk, with the replication problems it causes folded under it.
      expect(
        r.incidents.filter((i) => i.severity !== 'info').map((i) => `${i.cause.check}:${i.cause.subject}`)
      ).toEqual(['offline-log-dirs:kafka-3']);
      expect(r.incidents[0].effects.map((e) => `${e.check}:${e.subject}`).sort()).toEqual([
        'under-min-isr:kafka-1',
        'under-replicated:kafka-1',
        'under-replicated:kafka-2',
      ]);
      expect(r.brokers.find((b) => b.name === 'kafka-3')!.status).toBe('log-dir-offline');
      expect([r.signals.offlineLogDirs, r.signals.underMinIsr, r.signals.underReplicated]).toEqual([1, 1, 6]);
    },
  ],
  [
    'network-saturated',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['network-processors:kafka-1']);
      expect(r.brokers.find((b) => b.name === 'kafka-1')!.status).toBe('saturated');
    },
  ],
  [
    'unclean-election',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['unclean-election:']);
      expect(r.signals.uncleanElections).toBe(1);
      expect(r.findings[0].message).toMatch(/the latest at .*, 4 min ago\)/);
    },
  ],
  [
    'leadership-drift',
    (r) => {
      // Why kafka-2 is hot: leadership drifted onto it after a restart and stayed.
      const incident = r.incidents.find((i) => i.severity !== 'info')!;
      expect(`${incident.cause.check}:${incident.cause.subject ?? ''}`).toBe('preferred-leader-imbalance:');
      expect(incident.effects.map((e) => `${e.check}:${e.subject}`)).toEqual(
        expect.arrayContaining(['leader-skew:kafka-2', 'imbalance:kafka-2'])
      );
      expect(incident.cause.suggestion).toContain('kafka-leader-election --election-type PREFERRED');
      expect(r.signals.preferredReplicaImbalance).toBe(8);
      expect(r.brokers.find((b) => b.name === 'kafka-2')!.status).toBe('hot');
    },
  ],
  [
    'isr-churn',
    (r) => {
      // Followers keep dropping out of kafka-2's ISRs, and two partitions stay out: one incident.
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['isr-churn:kafka-2', 'under-replicated:kafka-2']);
      expect(r.incidents[0].cause.check).toBe('isr-churn');
      expect(r.incidents[0].effects.map((e) => `${e.check}:${e.subject}`)).toEqual(['under-replicated:kafka-2']);
      expect(r.findings[0].message).toMatch(
        /^Broker kafka-2's partitions keep losing in-sync replicas \(3(\.\d+)? ISR shrinks a minute/
      );
      expect(r.brokers.find((b) => b.name === 'kafka-2')!.status).toBe('under-replicated');
      expect(r.signals.isrShrinks).toBeGreaterThan(20);
    },
  ],
  [
    'slow-broker',
    (r) => {
      // kafka-3 answers Produce ~37× slower than its peers; the fetch long-poll waits are no alarm.
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['request-latency:kafka-3']);
      expect(r.findings[0].message).toBe(
        'Broker kafka-3 answers Produce requests slowly: p99 450 ms against 12 ms on its peers (38×).'
      );
      expect(r.brokers.map((b) => [b.name, b.status, b.produceP99])).toEqual([
        ['kafka-1', 'ok', 12],
        ['kafka-2', 'ok', 12],
        ['kafka-3', 'slow', 450],
      ]);
    },
  ],
  [
    'storage-skew',
    (r) => {
      // Replicas are even, data is not: kafka-1 holds 30 GB against a mean of 18 GB.
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['storage-skew:kafka-1']);
      expect(r.findings[0].message).toBe(
        'Broker kafka-1 holds 30.0 GB of log against a mean of 18.0 GB: data is unevenly spread, and its disk fills first.'
      );
      expect(r.brokers.map((b) => b.logSize)).toEqual([30e9, 12e9, 12e9]);
    },
  ],
  [
    'group-behind',
    (r) => {
      // billing's lag stopped growing long ago, but it is six minutes behind: critical in time.
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['consumer-lag:billing']);
      expect(r.findings[0].messageKey).toBe('consumer-lag.behind');
      const billing = r.signals.consumerGroups.find((g) => g.name === 'billing')!;
      expect(billing.status).toBe('behind');
      expect(billing.behindSeconds).toBeGreaterThan(330);
      expect(billing.behindSeconds).toBeLessThan(390);
      expect(r.signals.consumerGroups.find((g) => g.name === 'analytics')!.status).toBe('ok');
    },
  ],
  [
    'placement-skew',
    (r) => {
      // Why kafka-1 is hot: it holds twice the replicas; leaders follow them, so no election advice.
      const incident = r.incidents.find((i) => i.severity !== 'info')!;
      expect(`${incident.cause.check}:${incident.cause.subject}`).toBe('partition-skew:kafka-1');
      expect(incident.effects.map((e) => `${e.check}:${e.subject}`)).toEqual(
        expect.arrayContaining(['imbalance:kafka-1'])
      );
      expect(r.findings.map((f) => f.check)).not.toContain('leader-skew');
      expect(incident.cause.commands?.[1]).toContain('--broker-list "1,2,3" --generate');
      expect(JSON.stringify(incident)).not.toContain('kafka-leader-election');
    },
  ],
  [
    'controller-lost',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['active-controllers:']);
      expect(r.signals.activeControllers).toBe(0);
    },
  ],
  [
    'handlers-saturated',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['request-handlers:kafka-3']);
      expect(r.brokers.find((b) => b.name === 'kafka-3')!.requestHandlerIdle).toBeLessThan(0.1);
    },
  ],
  [
    'offline-partitions',
    (r) => {
      // Three controllers each report the same 2: counted once.
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['offline-partitions:']);
      expect(r.signals.offlinePartitions).toBe(2);
      expect(r.findings[0].message).toMatch(/^Partitions without a leader: 2\./);
    },
  ],
  [
    'group-stalls',
    (r) => {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['consumer-lag:billing']);
      expect(r.signals.consumerGroups.map((g) => [g.name, g.status])).toEqual([
        ['billing', 'stalled'],
        ['analytics', 'ok'],
      ]);
    },
  ],
];

/** The disk-usage query docs/how-it-works.md recommends with node_exporter, given its role. */
const DISK_QUERY = {
  refId: 'V',
  expr: 'max by (instance) (1 - node_filesystem_avail_bytes{mountpoint="/var/lib/kafka/data"} / node_filesystem_size_bytes{mountpoint="/var/lib/kafka/data"})',
};

describe('scenario disk-filling against a real Prometheus, with the recommended disk-usage query', () => {
  let cluster: RunningCluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster('disk-filling', [RECORDING_RULES]);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('warns about a disk filling, critical past 90%, and says since when', async () => {
    const r = await report(cluster!, [...PANEL_QUERIES, DISK_QUERY]);
    try {
      expect(r.verdict).toBe('critical');
      expect(problems(r)).toEqual(['disk-usage:kafka-2', 'storage-skew:kafka-2']);
      expect(r.findings[0].message).toBe("Broker kafka-2's data disk is 93% full (above 90%).");
      expect(r.brokers.map((b) => [b.name, b.status, Math.round(b.diskUsage! * 100)])).toEqual([
        ['kafka-1', 'ok', 55],
        ['kafka-2', 'disk-full', 93],
        ['kafka-3', 'ok', 55],
      ]);
      // Warning from 70%, critical from 90%: both moments are on the timeline.
      const row = r.health!.brokers.find((b) => b.name === 'kafka-2')!;
      expect(row.segments.map((s) => s.state)).toEqual(['ok', 'warning', 'critical']);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n\n${explain('disk-filling', r)}`);
    }
  });
});

describe.each(SCENARIOS)('scenario %s against a real Prometheus', (name, expectations) => {
  let cluster: RunningCluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(name, [RECORDING_RULES]);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`gives the expected verdict for the dashboard's query (${RATE_QUERY.source})`, async () => {
    const r = await report(cluster!);
    try {
      expectations(r);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n\n${explain(name, r)}`);
    }
  });

  if (name === 'balanced') {
    it("reads the same cluster through the recording rules (the dashboard's other query source)", async () => {
      // Recorded series start when Prometheus does (history is not recorded back), so compare the
      // current rates, not the trends, once the rules have been evaluated on live data.
      const liveEnd = await cluster!.alignedEnd(STEP);
      for (let i = 0; i < 160; i++) {
        // As a range query ending at `end` sees it: the latest evaluation at or before `end`.
        const end = await cluster!.alignedEnd(STEP);
        const r = await cluster!.instantQuery('timestamp(kafka:cluster_messages_in:rate1m)', end);
        const at = Number((r.data?.result as Array<{ value: [number, string] }> | undefined)?.[0]?.value[1] ?? 0);
        if (at >= liveEnd) {
          break;
        }
        await new Promise((res) => setTimeout(res, 250));
      }
      const live = await report(cluster!, [RATE_QUERY]);
      const recorded = await report(cluster!, [RECORDED_QUERY]);
      expect(recorded.cluster.brokerCount).toBe(3);
      expect(recorded.cluster.topicCount).toBe(3);
      expect(recorded.cluster.totalRate).toBeGreaterThan(live.cluster.totalRate * 0.85);
      expect(recorded.cluster.totalRate).toBeLessThan(live.cluster.totalRate * 1.15);
      expect(recorded.findings.filter((f) => f.severity === 'critical')).toEqual([]);
    });

    it("answers the dashboard's instant queries: the stat panels and the health panel set to Instant", async () => {
      const time = await cluster!.alignedEnd(STEP);
      const stats = dashboard().panels.filter((p) => p.type === 'stat');
      expect(stats.length).toBe(3);
      const values: Record<string, number | null> = {};
      for (const p of stats) {
        const expr = p.targets[0].expr;
        const frames = toFrames(await cluster!.instantQuery(expr, time), {
          refId: 'A',
          range: false,
          expr,
          step: STEP,
        });
        expect(frames).toHaveLength(1);
        expect(frames[0].schema.meta.type).toBe('numeric-multi');
        values[p.title ?? ''] = frames[0].data.values[1][0] as number | null;
      }
      expect(values).toEqual({ 'Under-replicated partitions': 0, 'Offline partitions': 0, 'Active controllers': 1 });

      const body = await cluster!.instantQuery(RATE_QUERY.expr, time);
      const r = analyze(toFrames(body, { refId: 'A', range: false, expr: RATE_QUERY.expr, step: STEP }) as never);
      expect(r.verdict).toBe('ok');
      expect(r.cluster.brokerCount).toBe(3);
      expect(r.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.9);
      expect(r.notEvaluated.map((n) => n.check)).toEqual(
        expect.arrayContaining(['spike', 'drop', 'broker-stalled', 'broker-missing'])
      );
    });

    it('does not count the all-topics series twice when the query forgets topic!=""', async () => {
      const r = await report(
        cluster!,
        only('sum by (instance, topic) (rate(kafka_server_brokertopicmetrics_messagesin_total[1m]))')
      );
      expect(r.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.9);
      expect(r.cluster.totalRate).toBeLessThan(CLUSTER_RATE * 1.1);
      expect(r.cluster.topicCount).toBe(3);
      expect(r.verdict).toBe('ok');
    });

    it('diagnoses raw counters when the query forgets rate(), and still derives the rates', async () => {
      const r = await report(cluster!, only('kafka_server_brokertopicmetrics_messagesin_total{topic!=""}'));
      expect(r.findings.map((f) => f.check)).toContain('raw-counter');
      expect(r.findings.find((f) => f.check === 'raw-counter')!.suggestion).toMatch(/rate\(/);
      expect(r.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.85);
      expect(r.cluster.totalRate).toBeLessThan(CLUSTER_RATE * 1.15);
    });
  }
});

describe('the demo stack (docker compose up) against a real Prometheus', () => {
  // The load generator's own traffic (simulator/demo.ts reads docker/loadgen/loadgen.sh), on the
  // demo's topology: three dedicated controllers, three brokers.
  let cluster: RunningCluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(demoScenario(REPO), [RECORDING_RULES]);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('gives the verdict the README promises', async () => {
    const r = await report(cluster!);
    try {
      expect(r.verdict).toBe('critical');
      // First: kafka-1 runs hot, CRITICAL.
      expect(r.findings[0]).toMatchObject({ check: 'imbalance', severity: 'critical', subject: 'kafka-1' });
      // Why: leaders and replicas are even overall, but all of clickstream is led by kafka-1 — spread that topic.
      expect(r.findings[0]).toMatchObject({
        messageKey: 'imbalance.hot-partitions',
        params: expect.objectContaining({ topic: 'clickstream' }),
      });
      expect(r.findings[0].commands?.[0]).toContain('{"topic":"clickstream"}');
      // clickstream, all led by kafka-1, is the reason (said as information: a skewed topic is a cause, not a fault).
      expect(r.findings.map((f) => `${f.check}:${f.subject}`)).toContain('topic-skew:clickstream');
      // billing reads a share of orders: its lag grows, and in time it is soon minutes behind.
      expect(r.findings.find((f) => f.check === 'consumer-lag')).toMatchObject({
        severity: 'critical',
        subject: 'billing',
        messageKey: 'consumer-lag.behind',
      });
      expect(r.signals.consumerGroups.map((g) => [g.name, g.status])).toEqual([
        ['billing', 'behind'],
        ['analytics', 'ok'],
      ]);
      // Dedicated brokers: the idle meter reads true ratios, and nothing is said about it.
      expect(r.findings.filter((f) => f.check === 'request-handlers')).toEqual([]);
      for (const b of r.brokers) {
        expect(b.requestHandlerIdle).toBeCloseTo(0.9, 1);
      }
      expect(r.brokers.map((b) => b.name)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
      expect([r.signals.underReplicated, r.signals.offlinePartitions, r.signals.activeControllers]).toEqual([0, 0, 1]);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n\n${explain('demo', r)}`);
    }
  });

  it('stays CRITICAL at every step of the range, audit-log bursts included', async () => {
    const r = await report(cluster!);
    const series = r.brokers.map((b) => b.series!);
    let judged = 0;
    for (let i = 0; i < series[0].length; i++) {
      const rates = series.map((s) => s[i]);
      if (rates.some((v) => v === null)) {
        continue;
      }
      judged++;
      const { deviation } = spreadAround(rates as number[]);
      const score = Math.max(...rates.map((v) => Math.abs(deviation(v!))));
      expect({ step: i, score: score > PANEL_OPTIONS.thresholds!.imbalance!.critical! }).toEqual({
        step: i,
        score: true,
      });
    }
    expect(judged).toBeGreaterThan(300);
  });
});
