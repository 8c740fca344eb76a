/**
 * @jest-environment node
 */
import { healthQueries } from './queries';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, parseDuration } from './kafkalens';
import { recorded } from '../analysis/testkit/fixtures';
import { displayWidth } from './render';

const REPO = join(__dirname, '..', '..');
const healthy = () => recorded('range-messages-in').response;
const EMPTY = { status: 'success', data: { resultType: 'matrix', result: [] } };

/** The recorded healthy response with kafka-3 at zero for its last three minutes: it stalled. */
function stalled(): unknown {
  const response = JSON.parse(JSON.stringify(healthy())) as {
    data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
  };
  for (const s of response.data.result) {
    if (s.metric.instance === 'kafka-3') {
      s.values = s.values.map(([t, v], i) => [t, i >= s.values.length - 12 ? '0' : v]);
    }
  }
  return response;
}

interface FakePrometheus {
  url: string;
  /** Query strings of the range queries, in order. */
  queries: URLSearchParams[];
  /** Bodies posted to /hooks/<name>. */
  hooks: Array<{ path: string; body: unknown }>;
  headers: Array<Record<string, string | string[] | undefined>>;
  close: () => Promise<void>;
}

/**
 * A Prometheus on loopback answering the messages-in query with `messagesIn` (a response, or one
 * per call), nothing for the other queries, and taking webhook posts under /hooks/. With `token`,
 * it answers 401 to requests without it.
 */
const servers: Server[] = [];
async function fakePrometheus(messagesIn: unknown | (() => unknown), token?: string): Promise<FakePrometheus> {
  const fake: Omit<FakePrometheus, 'url' | 'close'> = { queries: [], hooks: [], headers: [] };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      fake.headers.push(req.headers);
      if (url.pathname.startsWith('/hooks/')) {
        fake.hooks.push({ path: url.pathname, body: JSON.parse(body) });
        res.end('ok');
        return;
      }
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401).end('Unauthorized');
        return;
      }
      fake.queries.push(url.searchParams);
      const query = url.searchParams.get('query') ?? '';
      const answer = query.includes('messagesin')
        ? typeof messagesIn === 'function'
          ? (messagesIn as () => unknown)()
          : messagesIn
        : EMPTY;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { ...fake, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** `kafkalens check --prometheus <url> --range 10m <extra>` (the recorded responses span ten minutes). */
function check(url: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}, isTTY = false, maxChecks?: number) {
  return run(['check', '--prometheus', url, '--range', '10m', ...extra], env, isTTY, maxChecks);
}

function lastSample(): number {
  const frame = recorded('range-messages-in').frames[0] as { data: { values: number[][] } };
  return frame.data.values[0][frame.data.values[0].length - 1];
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, isTTY = false, maxChecks?: number) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
    isTTY,
    // The recorded responses are judged at their last step.
    now: lastSample,
    sleep: async () => undefined,
    maxChecks,
  });
  return { code, out, err };
}

describe('kafkalens check', () => {
  it('judges a healthy cluster OK, exit 0, with brokers, topics and the cluster total', async () => {
    const prometheus = await fakePrometheus(healthy());
    const { code, out } = await check(`${prometheus.url}/`, []);
    expect(out).toContain('Kafka Broker Health — OK');
    expect(out).toMatch(/kafka-1\s+\d[\d,.]* msg\/s/);
    expect(out).toContain('Cluster total:');
    expect(out).toMatch(/clickstream/);
    expect(code).toBe(0);
    // The dashboard's queries over the range asked for.
    expect(prometheus.queries).toHaveLength(healthQueries('rate').length);
    expect(Number(prometheus.queries[0].get('end')) - Number(prometheus.queries[0].get('start'))).toBe(600);
    // 10 minutes over ~300 points, at least 5 s.
    expect(prometheus.queries.map((q) => q.get('step'))).toEqual(prometheus.queries.map(() => '5'));
  });

  it('queries at the step asked for with --step', async () => {
    const prometheus = await fakePrometheus(healthy());
    const { code, out } = await check(prometheus.url, ['--step', '30s']);
    expect(prometheus.queries.map((q) => q.get('step'))).toEqual(prometheus.queries.map(() => '30'));
    // The range end is aligned to the step, as Grafana aligns it.
    expect(Number(prometheus.queries[0].get('end')) % 30).toBe(0);
    expect(out).toContain('Kafka Broker Health');
    expect(code).toBeLessThan(3);
  });

  it('prints a plain table when piped (snapshot)', async () => {
    const prometheus = await fakePrometheus(healthy());
    const { out } = await check(prometheus.url, []);
    expect(out).not.toContain('\u001b[');
    expect(out.split('\n').slice(0, 12).join('\n')).toMatchSnapshot();
  });

  it('says the same in Korean with --lang ko, or from LANG', async () => {
    const prometheus = await fakePrometheus(healthy());
    const flag = await check(prometheus.url, ['--lang', 'ko']);
    expect(flag.out).toContain('Kafka Broker Health — 정상');
    expect(flag.out).toContain('클러스터 합계');
    const env = await check(prometheus.url, [], { LANG: 'ko_KR.UTF-8' });
    expect(env.out).toContain('정상');
  });

  it('prints the report as JSON with the queries run', async () => {
    const prometheus = await fakePrometheus(healthy());
    const { out, code } = await check(prometheus.url, ['--json']);
    const json = JSON.parse(out);
    expect(json.verdict).toBe('ok');
    expect(json.brokers.map((b: { name: string }) => b.name)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
    expect(json.queries.map((q: { refId: string }) => q.refId)).toEqual('ABCDEFGHIJKLMNOPQRSU'.split(''));
    expect(code).toBe(0);
  });

  it('NO DATA, an unreachable or refusing Prometheus, a foreign answer: exit 3 with the reason, no stack trace', async () => {
    const empty = await fakePrometheus(EMPTY);
    const nodata = await run(['check', '--prometheus', empty.url]);
    expect(nodata.out).toContain('NO DATA');
    expect(nodata.code).toBe(3);

    const down = await run(['check', '--prometheus', 'http://127.0.0.1:9', '--query-timeout', '2s']);
    expect(down.code).toBe(3);
    expect(down.err).toMatch(
      /^kafkalens: no query reached Prometheus at http:\/\/127\.0\.0\.1:9: connect ECONNREFUSED/
    );

    const guarded = await fakePrometheus(healthy(), 'secret');
    const refused = await run(['check', '--prometheus', guarded.url]);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/authentication failed \(HTTP 401\)/);
    expect(refused.err).not.toMatch(/\n\s+at /);
  });

  it('sends a bearer token, basic auth and extra headers; a path prefix is kept (Mimir, Thanos)', async () => {
    const guarded = await fakePrometheus(healthy(), 'secret');
    const dir = mkdtempSync(join(tmpdir(), 'kafkalens-'));
    writeFileSync(join(dir, 'token'), 'secret\n');
    const ok = await check(guarded.url, [
      '--bearer-token-file',
      join(dir, 'token'),
      '--header',
      'X-Scope-OrgID: team-a',
    ]);
    expect(ok.code).toBe(0);
    expect(guarded.headers[0]).toMatchObject({ authorization: 'Bearer secret', 'x-scope-orgid': 'team-a' });
    const plain = await fakePrometheus(healthy());
    await check(`${plain.url}/prometheus`, [], {
      KAFKALENS_BASIC_AUTH: 'ops:pw',
    });
    expect(plain.headers[0].authorization).toBe(`Basic ${Buffer.from('ops:pw').toString('base64')}`);
    rmSync(dir, { recursive: true });
  });

  it('judges with an exported dashboard’s panel options, or a config file', async () => {
    const prometheus = await fakePrometheus(healthy());
    const dashboard = join(REPO, 'provisioning/dashboards/kafka-broker-health.json');
    expect((await check(prometheus.url, ['--dashboard', dashboard])).code).toBe(0);
    const missing = await run(['check', '--prometheus', prometheus.url, '--dashboard', dashboard, '--panel-id', '99']);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/no Kafka Broker Health panel with id 99 \(found: 1\)/);
    // A config in the panel's shape: an imbalance of a few percent now counts.
    const dir = mkdtempSync(join(tmpdir(), 'kafkalens-'));
    const config = join(dir, 'kafkalens.yaml');
    writeFileSync(config, 'thresholds:\n  imbalance:\n    warning: 0.001\n    critical: 0.9\n');
    const strict = await check(prometheus.url, ['--config', config]);
    expect(strict.out).toContain('WARNING');
    expect(strict.code).toBe(1);
    writeFileSync(config, 'thresholds: [unclosed');
    const broken = await run(['check', '--prometheus', prometheus.url, '--config', config]);
    expect(broken.code).toBe(3);
    expect(broken.err).toMatch(/^kafkalens: cannot read the config/);
    rmSync(dir, { recursive: true });
  });

  it('refuses bad arguments with the usage, exit 3', async () => {
    for (const args of [
      ['check'],
      ['nonsense'],
      ['check', '--prometheus', 'p', '--range', 'soon'],
      ['check', '--prometheus', 'p', '--step', 'often'],
      ['check', '--prometheus', 'http://p', '--step', '0s'],
      ['check', '--frobnicate'],
      ['check', '--prometheus', 'http://p', '--header', 'no-colon'],
    ]) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code: 3 });
      expect(r.err).not.toBe('');
    }
    expect((await run(['--help'])).out).toContain('Usage: kafkalens check');
  });

  it('colours only on a terminal without NO_COLOR, and never prints control characters from labels', async () => {
    const evil = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [{ metric: { instance: 'kafka-1\u001b[2J', topic: 'orders' }, values: [[lastSample() / 1000, '5']] }],
      },
    };
    const prometheus = await fakePrometheus(evil);
    const tty = await run(['check', '--prometheus', prometheus.url], {}, true);
    expect(tty.out).toContain('\u001b[1m');
    expect(tty.out).not.toContain('\u001b[2J');
    const noColor = await run(['check', '--prometheus', prometheus.url], { NO_COLOR: '1' }, true);
    expect(noColor.out).not.toContain('\u001b[');
  });
});

describe('kafkalens check over time', () => {
  it('--until-healthy waits through a CRITICAL cluster and exits 0 once it is OK', async () => {
    const answers = [stalled(), stalled(), healthy()];
    let calls = 0;
    const prometheus = await fakePrometheus(() => answers[Math.min(2, calls++)]);
    const r = await check(prometheus.url, ['--until-healthy', '--interval', '1s']);
    expect(r.code).toBe(0);
    expect(r.err.match(/waiting/g)).toHaveLength(2);
    expect(r.out).toContain('Kafka Broker Health — OK');
  });

  it('--until-healthy gives up at --timeout with the last verdict’s code', async () => {
    const prometheus = await fakePrometheus(stalled);
    const r = await check(prometheus.url, ['--until-healthy', '--timeout', '0s']);
    expect(r.code).toBe(2);
    expect(r.out).toContain('CRITICAL');
  });

  it('--watch prints the report once, then only what changed; notifications on each change of verdict', async () => {
    const answers = [healthy(), stalled(), stalled(), healthy()];
    let n = 0;
    const prometheus = await fakePrometheus(() => answers[Math.min(answers.length - 1, n++)]);
    const r = await run(
      [
        'check',
        '--prometheus',
        prometheus.url,
        '--range',
        '10m',
        '--watch',
        '30s',
        '--notify',
        `${prometheus.url}/hooks/kafka`,
        '--slack-webhook',
        `${prometheus.url}/hooks/slack`,
      ],
      {},
      false,
      4
    );
    expect(r.out.match(/Kafka Broker Health — /g)).toHaveLength(1);
    expect(r.out).toMatch(/OK → CRITICAL\n {2}\+ broker-stalled kafka-3: Broker kafka-3 stopped taking messages/);
    expect(r.out).toMatch(/CRITICAL → OK\n {2}- broker-stalled kafka-3/);
    // The third check changed nothing: no line for it.
    expect(r.out.match(/→/g)).toHaveLength(2);
    const kafka = prometheus.hooks
      .filter((h) => h.path === '/hooks/kafka')
      .map((h) => h.body as Record<string, unknown>);
    expect(kafka.map((b) => b.status)).toEqual(['RAISED', 'CLEARED']);
    expect(kafka[0]).toMatchObject({ verdict: 'critical', previous: 'ok' });
    expect((kafka[0].findings as Array<Record<string, unknown>>)[0]).toMatchObject({
      check: 'broker-stalled',
      message: expect.stringContaining('kafka-3'),
    });
    const slack = prometheus.hooks.find((h) => h.path === '/hooks/slack')!.body as { text: string };
    expect(slack.text).toMatch(/^:red_circle: Kafka Broker Health: CRITICAL\n• Broker kafka-3/);
    // Secrets never reach the output.
    expect(r.out + r.err).not.toContain('/hooks/');
  });

  it('--state keeps the verdict between runs: cron notifies a change once, and its clearing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafkalens-'));
    const state = join(dir, 'state.json');
    const answers = [stalled(), stalled(), healthy()];
    let n = 0;
    const prometheus = await fakePrometheus(() => answers[Math.min(2, Math.floor(n++ / 1))]);
    const once = () =>
      check(prometheus.url, ['--state', state], {
        KAFKALENS_NOTIFY_URL: `${prometheus.url}/hooks/env`,
      });
    expect((await once()).code).toBe(2);
    expect((await once()).code).toBe(2);
    expect((await once()).code).toBe(0);
    expect(prometheus.hooks.map((h) => (h.body as { status: string }).status)).toEqual(['RAISED', 'CLEARED']);
    rmSync(dir, { recursive: true });
  });

  it('a notification that cannot be delivered is said, without its URL, and the check stands', async () => {
    const prometheus = await fakePrometheus(stalled());
    const r = await check(prometheus.url, ['--notify', 'http://secret-token@127.0.0.1:9/x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the webhook notification was not delivered \(connect ECONNREFUSED/);
    expect(r.err).not.toContain('secret-token');
  });
});

describe('helpers', () => {
  it('reads durations', () => {
    expect([
      parseDuration('30s'),
      parseDuration('30m'),
      parseDuration('6h'),
      parseDuration('7d'),
      parseDuration('90'),
    ]).toEqual([30, 1800, 21600, 604800, 90]);
  });

  it('counts Hangul as two terminal columns', () => {
    expect(displayWidth('정상')).toBe(4);
    expect(displayWidth('OK')).toBe(2);
  });
});
