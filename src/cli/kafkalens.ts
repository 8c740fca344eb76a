/**
 * kafkalens — the panel's verdict outside Grafana: `kafkalens check --prometheus URL`.
 * Exit codes as Nagios plugins use them: 0 OK, 1 WARNING, 2 CRITICAL, 3 NO DATA or could not check.
 */
import { parseArgs } from 'util';
import type { HealthOptionsInput, Verdict } from '../analysis';
import { CannotCheck, runCheck } from './check';
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
  --source rate|recording  rate() in the queries, or the recording rules' series (default rate)
  --config FILE          thresholds and labels (YAML or JSON, the panel's options shape)
  --dashboard FILE       an exported dashboard: judge with its Kafka Broker Health panel's options
  --panel-id N           which panel of the dashboard (default: the first one)
  --json                 the report as JSON (with the queries run and timings)
  --lang en|ko           language of the text (default: from LANG)
  --no-color             no colours (also NO_COLOR, or when not a terminal)
  --timeout DURATION     per query (default 10s)
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

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  now: () => number;
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
        source: { type: 'string', default: 'rate' },
        config: { type: 'string' },
        dashboard: { type: 'string' },
        'panel-id': { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10s' },
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
    const result = await runCheck({
      target: { url, timeoutMs: parseDuration(values.timeout!) * 1000 },
      rangeSeconds: parseDuration(values.range!),
      source: values.source as QuerySource,
      options,
      now: io.now(),
    });
    if (values.json) {
      io.out(
        JSON.stringify({ ...result.report, queries: result.queries, range: result.range, ms: result.ms }, null, 2) +
          '\n'
      );
    } else {
      const colour = io.isTTY && !values['no-color'] && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
      io.out(renderReport(result.report, wordsFor(languageOf(values.lang, io.env)), { colour }));
      for (const q of result.queries.filter((x) => x.status === 'error')) {
        io.err(`query ${q.refId} failed: ${q.error}\n`);
      }
    }
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
  }).then((code) => {
    process.exitCode = code;
  });
}
