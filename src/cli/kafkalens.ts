/**
 * kafkalens — the panel's verdict outside Grafana: `kafkalens check --prometheus URL`.
 * Exit codes as Nagios plugins use them: 0 OK, 1 WARNING, 2 CRITICAL, 3 NO DATA or could not check.
 */
import { readFileSync } from 'fs';
import { parseArgs } from 'util';
import type { Finding, HealthOptionsInput, Verdict } from '../analysis';
import { CannotCheck, CheckResult, runCheck } from './check';
import { notify, Notifier, readState, secret, writeState } from './notify';
import { renderReport } from './render';
import { BadSettings, defaultSettings, settingsFromConfig, settingsFromDashboard } from './settings';
import { languageOf, wordsFor } from './words';
import type { QuerySource } from './queries';

export const EXIT: Record<Verdict, number> = { ok: 0, warning: 1, critical: 2, nodata: 3 };
const CANNOT = 3;

const USAGE = `Usage: kafkalens check --prometheus URL [options]

Judges a Kafka cluster the way the Kafka Broker Health panel does, from its Prometheus.

Options:
  --prometheus URL       Prometheus base URL (or KAFKALENS_PROMETHEUS)
  --range DURATION       how far back to read, e.g. 30m, 6h, 7d (default 30m)
  --step DURATION        query resolution (default: the range over ~300 points, at least 5s);
                         coarser for very large clusters, e.g. 15s or 30s
  --source rate|recording  rate() in the queries, or the recording rules' series (default rate)
  --config FILE          thresholds and labels (YAML or JSON, the panel's options shape)
  --dashboard FILE       an exported dashboard: judge with its Kafka Broker Health panel's options
  --panel-id N           which panel of the dashboard (default: the first one)
  --json                 the report as JSON (with the queries run and timings)
  --lang en|ko           language of the text (default: from LANG)
  --no-color             no colours (also NO_COLOR, or when not a terminal)
  --watch DURATION       check again every DURATION; after the first report print only what changed
  --until-healthy        check every --interval (default 15s) until OK: exit 0 then, else the last
                         verdict's code after --timeout (default 10m) — for rolling restarts
  --bearer-token-file F  send the token in F (or KAFKALENS_BEARER_TOKEN); KAFKALENS_BASIC_AUTH=user:password
  --header 'Name: value' an extra header, e.g. X-Scope-OrgID for Mimir (repeatable)
  --ca-file FILE         trust this CA (PEM) for https
  --query-timeout DUR    per query (default 10s)
  --notify URL           POST the verdict as JSON when it changes (or KAFKALENS_NOTIFY_URL, --notify-file)
  --slack-webhook URL    post to Slack when the verdict changes (or KAFKALENS_SLACK_WEBHOOK, --slack-webhook-file)
  --state FILE           the last verdict, kept between runs (cron): notify only on a change
  -h, --help             this text

Exit: 0 OK, 1 WARNING, 2 CRITICAL, 3 NO DATA or could not check.
`;

/** 30s, 5m, 6h, 7d, or plain seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!m) {
    throw new BadSettings(`not a duration: ${text} (e.g. 30s, 30m, 6h, 7d)`);
  }
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] ?? 's']!;
  return Number(m[1]) * unit;
}

function positiveDuration(text: string, option: string): number {
  const seconds = parseDuration(text);
  if (!(seconds > 0)) {
    throw new BadSettings(`${option} must be longer than 0: ${text}`);
  }
  return seconds;
}

function readFileOr(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadSettings(`cannot read the ${what} ${file}: ${e instanceof Error ? e.message : e}`);
  }
}

/** Authorization and extra headers, from flags and the environment. */
export function accessHeaders(
  tokenFile: string | undefined,
  headers: string[],
  env: NodeJS.ProcessEnv
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    const at = h.indexOf(':');
    if (at <= 0) {
      throw new BadSettings(`--header is 'Name: value', not ${h}`);
    }
    out[h.slice(0, at).trim().toLowerCase()] = h.slice(at + 1).trim();
  }
  const token = tokenFile ? readFileOr(tokenFile, 'token file').trim() : env.KAFKALENS_BEARER_TOKEN;
  if (token) {
    out.authorization = `Bearer ${token}`;
  } else if (env.KAFKALENS_BASIC_AUTH) {
    out.authorization = `Basic ${Buffer.from(env.KAFKALENS_BASIC_AUTH).toString('base64')}`;
  }
  return out;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Stops --watch after this many checks (tests; a person stops it with Ctrl-C). */
  maxChecks?: number;
}

/** A finding's identity across checks: what changed is what --watch prints. */
const findingKey = (f: Finding) => `${f.severity} ${f.check} ${f.cluster ?? ''} ${f.subject ?? ''}`;

function time(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        prometheus: { type: 'string' },
        range: { type: 'string', default: '30m' },
        step: { type: 'string' },
        source: { type: 'string', default: 'rate' },
        config: { type: 'string' },
        dashboard: { type: 'string' },
        'panel-id': { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10m' },
        'query-timeout': { type: 'string', default: '10s' },
        'bearer-token-file': { type: 'string' },
        header: { type: 'string', multiple: true },
        'ca-file': { type: 'string' },
        watch: { type: 'string' },
        'until-healthy': { type: 'boolean', default: false },
        interval: { type: 'string', default: '15s' },
        notify: { type: 'string' },
        'notify-file': { type: 'string' },
        'slack-webhook': { type: 'string' },
        'slack-webhook-file': { type: 'string' },
        state: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : e}\n\n${USAGE}`);
    return CANNOT;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals[0] !== 'check') {
    io.err(positionals.length ? `unknown command: ${positionals[0]}\n\n${USAGE}` : USAGE);
    return CANNOT;
  }
  try {
    const url = values.prometheus ?? io.env.KAFKALENS_PROMETHEUS;
    if (!url) {
      throw new BadSettings('--prometheus URL is required (or KAFKALENS_PROMETHEUS)');
    }
    if (values.source !== 'rate' && values.source !== 'recording') {
      throw new BadSettings(`--source is rate or recording, not ${values.source}`);
    }
    if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ko') {
      throw new BadSettings(`--lang is en or ko, not ${values.lang}`);
    }
    const panelId = values['panel-id'] === undefined ? undefined : Number(values['panel-id']);
    if (panelId !== undefined && !Number.isInteger(panelId)) {
      throw new BadSettings(`--panel-id is a number, not ${values['panel-id']}`);
    }
    const options: HealthOptionsInput = values.dashboard
      ? settingsFromDashboard(values.dashboard, panelId)
      : values.config
        ? settingsFromConfig(values.config)
        : defaultSettings();
    const words = wordsFor(languageOf(values.lang, io.env));
    const colour = io.isTTY && !values['no-color'] && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    const notifier: Notifier = {
      webhook: secret(values.notify, values['notify-file'], io.env.KAFKALENS_NOTIFY_URL),
      slack: secret(values['slack-webhook'], values['slack-webhook-file'], io.env.KAFKALENS_SLACK_WEBHOOK),
      timeoutMs: 5000,
    };
    const request = {
      target: {
        url,
        timeoutMs: parseDuration(values['query-timeout']!) * 1000,
        headers: accessHeaders(values['bearer-token-file'], values.header ?? [], io.env),
        ca: values['ca-file'] ? readFileOr(values['ca-file'], 'CA file') : undefined,
      },
      rangeSeconds: parseDuration(values.range!),
      stepSeconds: values.step === undefined ? undefined : positiveDuration(values.step, '--step'),
      source: values.source as QuerySource,
      options,
    };
    const check = () => runCheck({ ...request, now: io.now() });
    const show = (result: CheckResult) => {
      if (values.json) {
        io.out(
          JSON.stringify({ ...result.report, queries: result.queries, range: result.range, ms: result.ms }) + '\n'
        );
      } else {
        io.out(renderReport(result.report, words, { colour }));
        for (const q of result.queries.filter((x) => x.status === 'error')) {
          io.err(`query ${q.refId} failed: ${q.error}\n`);
        }
      }
    };
    // Notifications go out when the verdict changes from the one remembered (state file, or the last check).
    let previous = readState(values.state);
    const remember = async (result: CheckResult) => {
      const at = io.now();
      for (const problem of await notify(notifier, result.report, previous, words, at)) {
        io.err(`kafkalens: ${problem}\n`);
      }
      previous = result.report.verdict;
      writeState(values.state, previous, at);
    };

    if (values['until-healthy']) {
      const deadline = io.now() + parseDuration(values.timeout!) * 1000;
      const interval = parseDuration(values.interval!) * 1000;
      for (;;) {
        const result = await check();
        await remember(result);
        const findings = result.report.findings.filter((f) => f.severity !== 'info').length;
        if (result.report.verdict === 'ok' || io.now() + interval > deadline) {
          show(result);
          return EXIT[result.report.verdict];
        }
        io.err(`${time(io.now())} ${words.text(`panel.verdict.${result.report.verdict}`)} (${findings}): waiting\n`);
        await io.sleep(interval);
      }
    }

    if (values.watch !== undefined) {
      const interval = parseDuration(values.watch) * 1000;
      let shown: Set<string> | undefined;
      let code: number = CANNOT;
      for (let n = 1; ; n++) {
        const result = await check();
        code = EXIT[result.report.verdict];
        const keys = new Set(result.report.findings.map(findingKey));
        if (!shown) {
          show(result);
        } else {
          const before = previous;
          const added = result.report.findings.filter((f) => !shown!.has(findingKey(f)));
          const cleared = Array.from(shown).filter((k) => !keys.has(k));
          if (before !== result.report.verdict || added.length || cleared.length) {
            const verdict = words.text(`panel.verdict.${result.report.verdict}`);
            io.out(
              `${time(io.now())} ${before === result.report.verdict ? verdict : `${words.text(`panel.verdict.${before ?? 'nodata'}`)} → ${verdict}`}\n`
            );
            for (const f of added) {
              io.out(`  + ${f.check}${f.subject ? ` ${f.subject}` : ''}: ${words.finding(f).message}\n`);
            }
            for (const k of cleared) {
              io.out(`  - ${k.split(' ').filter(Boolean).slice(1).join(' ')}\n`);
            }
          }
        }
        shown = keys;
        await remember(result);
        if (io.maxChecks !== undefined && n >= io.maxChecks) {
          return code;
        }
        await io.sleep(interval);
      }
    }

    const result = await check();
    show(result);
    await remember(result);
    return EXIT[result.report.verdict];
  } catch (e) {
    if (e instanceof BadSettings || e instanceof CannotCheck) {
      io.err(`kafkalens: ${e.message}\n`);
      return CANNOT;
    }
    io.err(`kafkalens: could not check: ${e instanceof Error ? e.message : e}\n`);
    return CANNOT;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    isTTY: !!process.stdout.isTTY,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }).then((code) => {
    process.exitCode = code;
  });
}
