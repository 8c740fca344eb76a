/**
 * @jest-environment node
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, parseDuration } from './kafkalens';
import { recorded } from '../analysis/testkit/fixtures';
import { displayWidth } from './render';

const REPO = join(__dirname, '..', '..');

/** Prometheus answering the messages-in query with a recorded response, and nothing for the rest. */
function fakePrometheus(messagesIn: unknown | (() => unknown), hooks: Array<{ url: string; body: unknown }> = []) {
  const calls: string[] = [];
  const fetch = jest.fn(async (url: string, init?: { method?: string; body?: string }) => {
    if (init?.method === 'POST') {
      hooks.push({ url, body: JSON.parse(init.body ?? 'null') });
      return { ok: true, status: 200, statusText: 'OK', text: async () => 'ok' };
    }
    calls.push(url);
    const query = new URL(url).searchParams.get('query') ?? '';
    const body = query.includes('messagesin')
      ? typeof messagesIn === 'function'
        ? (messagesIn as () => unknown)()
        : messagesIn
      : { status: 'success', data: { resultType: 'matrix', result: [] } };
    return { status: 200, statusText: 'OK', text: async () => JSON.stringify(body) };
  });
  return { fetch, calls };
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, isTTY = false, maxChecks?: number) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
    isTTY,
    sleep: async () => undefined,
    maxChecks,
    // The recorded responses end at their own time: judge at their last step.
    now: () => (recorded('range-messages-in').query as unknown as { end?: number }).end ?? lastSample(),
  });
  return { code, out, err };
}

function lastSample(): number {
  const frame = recorded('range-messages-in').frames[0] as { data: { values: number[][] } };
  return frame.data.values[0][frame.data.values[0].length - 1];
}

describe('kafkalens check', () => {
  const original = global.fetch;
  afterEach(() => {
    global.fetch = original;
  });

  it('judges a healthy cluster OK, exit 0, with brokers, topics and the cluster total', async () => {
    const prometheus = fakePrometheus(recorded('range-messages-in').response);
    global.fetch = prometheus.fetch as unknown as typeof fetch;
    const { code, out } = await run(['check', '--prometheus', 'http://prometheus:9090/', '--range', '10m']);
    expect(out).toContain('Kafka Broker Health — OK');
    expect(out).toMatch(/kafka-1\s+\d[\d,.]* msg\/s/);
    expect(out).toContain('Cluster total:');
    expect(out).toMatch(/clickstream/);
    expect(code).toBe(0);
    // The dashboard's eight queries, against the API path, over the range asked for.
    expect(prometheus.calls).toHaveLength(8);
    const first = new URL(prometheus.calls[0]);
    expect(first.pathname).toBe('/api/v1/query_range');
    expect(Number(first.searchParams.get('end')) - Number(first.searchParams.get('start'))).toBe(600);
  });

  it('says the same in Korean with --lang ko, or from LANG', async () => {
    global.fetch = fakePrometheus(recorded('range-messages-in').response).fetch as unknown as typeof fetch;
    const flag = await run(['check', '--prometheus', 'http://p', '--range', '10m', '--lang', 'ko']);
    expect(flag.out).toContain('Kafka Broker Health — 정상');
    expect(flag.out).toContain('클러스터 합계');
    const env = await run(['check', '--prometheus', 'http://p', '--range', '10m'], { LANG: 'ko_KR.UTF-8' });
    expect(env.out).toContain('정상');
  });

  it('prints the report as JSON with the queries run', async () => {
    global.fetch = fakePrometheus(recorded('range-messages-in').response).fetch as unknown as typeof fetch;
    const { out, code } = await run(['check', '--prometheus', 'http://p', '--range', '10m', '--json']);
    const json = JSON.parse(out);
    expect(json.verdict).toBe('ok');
    expect(json.brokers.map((b: { name: string }) => b.name)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
    expect(json.queries.map((q: { refId: string }) => q.refId)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(code).toBe(0);
  });

  it('NO DATA is exit 3; an unreachable Prometheus is exit 3 with the reason on stderr', async () => {
    global.fetch = fakePrometheus({ status: 'success', data: { resultType: 'matrix', result: [] } })
      .fetch as unknown as typeof fetch;
    const empty = await run(['check', '--prometheus', 'http://p']);
    expect(empty.out).toContain('NO DATA');
    expect(empty.code).toBe(3);
    global.fetch = jest.fn(async () => {
      throw new Error('connect ECONNREFUSED');
    }) as unknown as typeof fetch;
    const down = await run(['check', '--prometheus', 'http://p']);
    expect(down.code).toBe(3);
    expect(down.err).toContain('no query reached Prometheus at http://p: connect ECONNREFUSED');
  });

  it('judges with an exported dashboard’s panel options, or a config file', async () => {
    global.fetch = fakePrometheus(recorded('range-messages-in').response).fetch as unknown as typeof fetch;
    const dashboard = join(REPO, 'provisioning/dashboards/kafka-broker-health.json');
    expect((await run(['check', '--prometheus', 'http://p', '--range', '10m', '--dashboard', dashboard])).code).toBe(0);
    const missing = await run(['check', '--prometheus', 'http://p', '--dashboard', dashboard, '--panel-id', '99']);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/no Kafka Broker Health panel with id 99 \(found: 1\)/);
    // A config in the panel's shape: an imbalance of a few percent now counts.
    const dir = mkdtempSync(join(tmpdir(), 'kafkalens-'));
    const config = join(dir, 'kafkalens.yaml');
    writeFileSync(config, 'thresholds:\n  imbalance:\n    warning: 0.001\n    critical: 0.9\n');
    const strict = await run(['check', '--prometheus', 'http://p', '--range', '10m', '--config', config]);
    expect(strict.out).toContain('WARNING');
    expect(strict.code).toBe(1);
    rmSync(dir, { recursive: true });
  });

  it('refuses bad arguments with the usage, exit 3', async () => {
    for (const args of [
      ['check'],
      ['nonsense'],
      ['check', '--prometheus', 'p', '--range', 'soon'],
      ['check', '--frobnicate'],
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
    global.fetch = fakePrometheus(evil).fetch as unknown as typeof fetch;
    const tty = await run(['check', '--prometheus', 'http://p'], {}, true);
    expect(tty.out).toContain('\u001b[1m');
    expect(tty.out).not.toContain('\u001b[2J');
    const noColor = await run(['check', '--prometheus', 'http://p'], { NO_COLOR: '1' }, true);
    expect(noColor.out).not.toContain('\u001b[');
  });
});

/** The recorded healthy response with kafka-3 at zero for its last ten minutes of samples: it stalled. */
function stalled(): unknown {
  const response = JSON.parse(JSON.stringify(recorded('range-messages-in').response)) as {
    data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
  };
  for (const s of response.data.result) {
    if (s.metric.instance === 'kafka-3') {
      s.values = s.values.map(([t, v], i) => [t, i >= s.values.length - 12 ? '0' : v]);
    }
  }
  return response;
}

describe('kafkalens check over time', () => {
  const original = global.fetch;
  afterEach(() => {
    global.fetch = original;
  });

  it('--until-healthy waits through a CRITICAL cluster and exits 0 once it is OK', async () => {
    const answers = [stalled(), stalled(), recorded('range-messages-in').response];
    global.fetch = fakePrometheus(() => answers[Math.min(2, calls++)]).fetch as unknown as typeof fetch;
    let calls = 0;
    const r = await run(['check', '--prometheus', 'http://p', '--range', '10m', '--until-healthy', '--interval', '1s']);
    expect(r.code).toBe(0);
    expect(r.err.match(/waiting/g)).toHaveLength(2);
    expect(r.out).toContain('Kafka Broker Health — OK');
  });

  it('--until-healthy gives up at --wait with the last verdict’s code', async () => {
    global.fetch = fakePrometheus(stalled).fetch as unknown as typeof fetch;
    const r = await run(['check', '--prometheus', 'http://p', '--range', '10m', '--until-healthy', '--wait', '0s']);
    expect(r.code).toBe(2);
    expect(r.out).toContain('CRITICAL');
  });

  it('--watch prints the report once, then only what changed; notifications on each change of verdict', async () => {
    const answers = [
      recorded('range-messages-in').response,
      stalled(),
      stalled(),
      recorded('range-messages-in').response,
    ];
    let n = 0;
    const hooks: Array<{ url: string; body: unknown }> = [];
    global.fetch = fakePrometheus(() => answers[Math.min(answers.length - 1, Math.floor(n++ / 1))], hooks)
      .fetch as unknown as typeof fetch;
    const r = await run(
      [
        'check',
        '--prometheus',
        'http://p',
        '--range',
        '10m',
        '--watch',
        '30s',
        '--notify',
        'http://hooks/kafka',
        '--slack-webhook',
        'http://hooks/slack',
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
    const statuses = hooks.filter((h) => h.url.endsWith('/kafka')).map((h) => (h.body as { status: string }).status);
    expect(statuses).toEqual(['RAISED', 'CLEARED']);
    const raised = hooks.find((h) => h.url.endsWith('/kafka'))!.body as {
      verdict: string;
      findings: Array<{ check: string; message: string }>;
    };
    expect(raised.verdict).toBe('critical');
    expect(raised.findings[0]).toMatchObject({ check: 'broker-stalled', message: expect.stringContaining('kafka-3') });
    expect((hooks.find((h) => h.url.endsWith('/slack'))!.body as { text: string }).text).toMatch(
      /^:red_circle: Kafka Broker Health: CRITICAL\n• Broker kafka-3/
    );
    // Secrets never reach the output.
    expect(r.out + r.err).not.toContain('hooks/');
  });

  it('--state keeps the verdict between runs: cron notifies a change once, and its clearing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafkalens-'));
    const state = join(dir, 'state.json');
    const hooks: Array<{ url: string; body: unknown }> = [];
    const once = async (answer: unknown) => {
      global.fetch = fakePrometheus(answer, hooks).fetch as unknown as typeof fetch;
      return run(['check', '--prometheus', 'http://p', '--range', '10m', '--state', state], {
        KAFKALENS_NOTIFY_URL: 'http://hooks/env',
      });
    };
    expect((await once(stalled())).code).toBe(2);
    expect((await once(stalled())).code).toBe(2);
    expect((await once(recorded('range-messages-in').response)).code).toBe(0);
    expect(hooks.map((h) => (h.body as { status: string }).status)).toEqual(['RAISED', 'CLEARED']);
    rmSync(dir, { recursive: true });
  });

  it('a notification that cannot be delivered is said, without its URL, and the check stands', async () => {
    const prometheus = fakePrometheus(stalled());
    global.fetch = (async (url: string, init?: { method?: string }) => {
      if (init?.method === 'POST') {
        throw new Error('connect ECONNREFUSED');
      }
      return prometheus.fetch(url);
    }) as unknown as typeof fetch;
    const r = await run([
      'check',
      '--prometheus',
      'http://p',
      '--range',
      '10m',
      '--notify',
      'http://secret-token@hooks/x',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the webhook notification was not delivered (connect ECONNREFUSED)');
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
