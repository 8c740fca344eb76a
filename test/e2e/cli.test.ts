/**
 * The kafkalens command (built into cli/kafkalens.cjs by npm run build) against a real
 * Prometheus scraping the simulated cluster: the same verdict as the panel, the exit codes scripts
 * rely on, JSON for them, Korean on request.
 */
import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer, request as httpRequest } from 'http';
import { tmpdir } from 'os';
import type { AddressInfo } from 'net';
import { existsSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';
import { RunningCluster, startCluster } from './cluster';
import { api } from './prometheus';
import { PromResponse } from '../../src/cli/promToFrames';
import { healthPanelOptions, healthPanelQueries, readYaml, REPO } from './stackFiles';
import { healthQueries } from '../../src/cli/queries';

const CLI = join(REPO, 'cli', 'kafkalens.cjs');
const run = promisify(execFile);

async function kafkalens(
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      timeout: 90_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

/** A webhook receiver on loopback: the JSON bodies posted to it. */
async function webhookSink(): Promise<{ url: string; received: Array<Record<string, unknown>>; close: () => void }> {
  const received: Array<Record<string, unknown>> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => server.close(),
  };
}

beforeAll(async () => {
  if (!existsSync(CLI)) {
    await run(process.execPath, [join(REPO, 'scripts', 'build-cli.mjs')]);
  }
});

describe.each([
  ['balanced', 0, 'OK'],
  ['hot-broker', 1, 'WARNING'],
  ['stalled-broker', 2, 'CRITICAL'],
] as const)('kafkalens check on the %s cluster', (scenario, exit, word) => {
  let cluster: RunningCluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(scenario);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`says ${word} and exits ${exit}`, async () => {
    const r = await kafkalens(['check', '--prometheus', cluster!.prometheus.url, '--range', '30m']);
    // The whole output when the exit code is not the one expected: it says why.
    expect({ code: r.code, err: r.err, ...(r.code === exit ? {} : { out: r.out }) }).toEqual({ code: exit, err: '' });
    expect(r.out).toContain(`Kafka Broker Health — ${word}`);
    for (const broker of ['kafka-1', 'kafka-2', 'kafka-3']) {
      expect(r.out).toContain(broker);
    }
    if (scenario === 'stalled-broker') {
      expect(r.out).toMatch(/CRITICAL broker-stalled kafka-3: Broker kafka-3 stopped taking messages/);
    }
  });

  it('posts the change of verdict to a webhook (a real HTTP server on loopback)', async () => {
    const sink = await webhookSink();
    const received = sink.received;
    try {
      const r = await kafkalens(['check', '--prometheus', cluster!.prometheus.url, '--notify', sink.url]);
      expect(r.code).toBe(exit);
      // Only a verdict other than OK is news to a check that remembers nothing.
      expect(received).toHaveLength(word === 'OK' ? 0 : 1);
      if (received.length) {
        expect(received[0]).toMatchObject({ status: 'RAISED', verdict: word.toLowerCase(), previous: null });
      }
    } finally {
      sink.close();
    }
  });

  it('gives the same verdict as JSON, with every query run', async () => {
    const r = await kafkalens(['check', '--prometheus', cluster!.prometheus.url, '--json']);
    const report = JSON.parse(r.out);
    const findings = (report.findings as Array<{ severity: string; check: string; message: string }>).map(
      (f) => `${f.severity} ${f.check}: ${f.message}`
    );
    expect({ verdict: report.verdict, findings }).toEqual({
      verdict: word === 'OK' ? 'ok' : word.toLowerCase(),
      findings: expect.anything(),
    });
    expect(report.queries.every((q: { status: string }) => q.status === 'success')).toBe(true);
    expect(report.signals.roles.map((x: { role: string }) => x.role)).toContain('messagesIn');
  });
});

describe('kafkalens check, in Korean and when it cannot check', () => {
  let cluster: RunningCluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster('balanced');
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('speaks Korean with --lang ko', async () => {
    const r = await kafkalens(['check', '--prometheus', cluster!.prometheus.url, '--lang', 'ko']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('정상');
    expect(r.out).toContain('클러스터 합계');
  });

  it('exits 3 with the reason when Prometheus does not answer', async () => {
    const r = await kafkalens(['check', '--prometheus', 'http://127.0.0.1:9', '--query-timeout', '2s']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no query reached Prometheus at http:\/\/127\.0\.0\.1:9/);
  });
});

describe('kafkalens against a stalled cluster, then a balanced one', () => {
  let stalledCluster: RunningCluster | undefined;
  let balanced: RunningCluster | undefined;
  beforeAll(async () => {
    stalledCluster = await startCluster('stalled-broker', [
      join(REPO, 'provisioning/prometheus/rules/kafka-recording.yml'),
    ]);
    balanced = await startCluster('balanced');
    // Bounded wait for two evaluations of the 15 s recording rules for every broker, so the
    // recording-source check has a recent window to judge and not just the first evaluation.
    for (let i = 0; i < 60; i++) {
      const r = await api<PromResponse>(stalledCluster.prometheus.url, '/api/v1/query', {
        query: 'count_over_time(kafka:broker_messages_in:rate1m[2m]) >= 2',
      });
      if (((r.data?.result as unknown[] | undefined)?.length ?? 0) >= 3) {
        break;
      }
      await new Promise((res) => setTimeout(res, 1000));
    }
  });
  afterAll(async () => {
    await stalledCluster?.stop();
    await balanced?.stop();
  });

  it('reads the recording rules with --source recording, to the same verdict', async () => {
    const r = await kafkalens([
      'check',
      '--prometheus',
      stalledCluster!.prometheus.url,
      '--source',
      'recording',
      '--json',
    ]);
    const report = JSON.parse(r.out);
    expect(report.queries[0].expr).toContain('kafka:broker_topic_messages_in:rate1m');
    // Prometheus evaluates recording rules from its start only (the backfilled history has none),
    // so the range is short: kafka-3 at zero reads as CRITICALly out of balance rather than stalled.
    // Which finding leads depends on how many 15 s rule evaluations exist yet (a loaded CI machine
    // may have only the first, computed across the backfill/live gap), so ask for kafka-3 among the
    // critical findings and print them all if it is not.
    const critical = (report.findings as Array<{ severity: string; check: string; subject?: string }>)
      .filter((f) => f.severity === 'critical')
      .map((f) => `${f.check}:${f.subject ?? '(cluster)'}`);
    expect({ verdict: report.verdict, critical }).toEqual({
      verdict: 'critical',
      critical: expect.arrayContaining([expect.stringMatching(/:kafka-3$/)]),
    });
  });

  it('--until-healthy gives up at --timeout with CRITICAL; returns 0 at once on a healthy cluster', async () => {
    const waiting = await kafkalens([
      'check',
      '--prometheus',
      stalledCluster!.prometheus.url,
      '--until-healthy',
      '--timeout',
      '2s',
      '--interval',
      '1s',
    ]);
    expect(waiting.code).toBe(2);
    expect(waiting.err).toMatch(/CRITICAL \(\d+\): waiting/);
    const healthy = await kafkalens([
      'check',
      '--prometheus',
      balanced!.prometheus.url,
      '--until-healthy',
      '--timeout',
      '1m',
    ]);
    expect(healthy.code).toBe(0);
  });

  it('a webhook sink receives exactly one RAISED and one CLEARED over four cron runs (--state)', async () => {
    const sink = await webhookSink();
    const { received } = sink;
    const hook = sink.url;
    const dir = mkdtempSync(join(tmpdir(), 'kafkalens-state-'));
    try {
      const cron = (cluster: RunningCluster) =>
        kafkalens([
          'check',
          '--prometheus',
          cluster.prometheus.url,
          '--state',
          join(dir, 'state.json'),
          '--notify',
          hook,
        ]);
      expect((await cron(stalledCluster!)).code).toBe(2);
      expect((await cron(stalledCluster!)).code).toBe(2);
      expect((await cron(balanced!)).code).toBe(0);
      expect((await cron(balanced!)).code).toBe(0);
      expect(received.map((r) => `${r.status}:${r.verdict}`)).toEqual(['RAISED:critical', 'CLEARED:ok']);
    } finally {
      sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('behind a proxy that wants a token: exit 3 saying authentication failed; with the token, the verdict', async () => {
    const proxy = await prometheusProxy(() => balanced!.prometheus.url, 's3cret');
    try {
      const refused = await kafkalens(['check', '--prometheus', proxy.url]);
      expect(refused.code).toBe(3);
      expect(refused.err).toMatch(/^kafkalens: authentication failed \(HTTP 401\)/);
      const allowed = await kafkalens(['check', '--prometheus', proxy.url], { KAFKALENS_BEARER_TOKEN: 's3cret' });
      expect({ code: allowed.code, err: allowed.err }).toEqual({ code: 0, err: '' });
    } finally {
      proxy.close();
    }
  });

  it('--until-healthy waits while the cluster is CRITICAL and exits 0 when it recovers', async () => {
    // The first check reads the stalled cluster, the later ones the balanced one: a recovery.
    let requests = 0;
    const queriesPerCheck = healthQueries().length;
    const proxy = await prometheusProxy(() =>
      requests++ < queriesPerCheck ? stalledCluster!.prometheus.url : balanced!.prometheus.url
    );
    try {
      const r = await kafkalens([
        'check',
        '--prometheus',
        proxy.url,
        '--until-healthy',
        '--interval',
        '1s',
        '--timeout',
        '1m',
      ]);
      expect(r.code).toBe(0);
      expect(r.err.match(/CRITICAL \(\d+\): waiting/g)).toHaveLength(1);
      expect(r.out).toContain('Kafka Broker Health — OK');
    } finally {
      proxy.close();
    }
  });
});

/** A proxy on loopback in front of the Prometheus `upstream()` names for each request; with `token`, it wants it. */
async function prometheusProxy(upstream: () => string, token?: string): Promise<{ url: string; close: () => void }> {
  const proxy = createServer((req, res) => {
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end('Unauthorized');
      return;
    }
    const target = new URL(upstream());
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { accept: 'application/json' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => proxy.close() };
}

describe('what kafkalens runs', () => {
  it('the provisioned health panel’s queries and roles, for both query sources', () => {
    const panel = healthPanelQueries();
    const roles = (healthPanelOptions() as { labels: { roles: Record<string, string> } }).labels.roles;
    for (const [source, label] of [
      ['rate', 'rate() in the query'],
      ['recording', 'recording rules'],
    ] as const) {
      expect(healthQueries(source).map((q) => ({ refId: q.refId, expr: q.expr }))).toEqual(
        panel.filter((q) => q.source === label).map((q) => ({ refId: q.refId, expr: q.expr }))
      );
    }
    // Roles as the panel sets them; A is messages in, which the panel recognises by name.
    for (const q of healthQueries()) {
      expect({ refId: q.refId, role: roles[q.refId] ?? 'messagesIn' }).toEqual({ refId: q.refId, role: q.role });
    }
  });

  it('is a one-shot service of the demo stack: docker compose run --rm check', () => {
    const check = readYaml<{
      services: Record<string, { profiles?: string[]; volumes?: string[]; entrypoint?: string[]; command?: string[] }>;
    }>('docker-compose.yaml').services.check;
    expect(check.profiles).toEqual(['tools']);
    expect(check.volumes).toContain('./cli:/opt/kafkalens:ro');
    expect(check.entrypoint).toEqual(['node', '/opt/kafkalens/kafkalens.cjs']);
    expect(check.command).toEqual(expect.arrayContaining(['check', '--prometheus', 'http://prometheus:9090']));
  });
});
