/**
 * One scenario end to end: backfill its history, start the exporters and Prometheus on loopback,
 * and hand back a way to run range queries as Grafana would. `stop` ends every process and removes
 * every file it made.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BROKERS, CONTROLLERS, Counters, Scenario, SCENARIOS, ScenarioName } from './simulator/model';
import { CONTROLLER_JOB, historyOpenMetrics } from './simulator/openmetrics';
import { RunningExporters, startExporters } from './simulator/server';
import { api, promtool, RunningPrometheus, startPrometheus } from './prometheus';
import { PromResponse } from '../../src/cli/promToFrames';

/** History starts this long before the anchor, the moment live scraping takes over. */
export const HISTORY_SECONDS = 45 * 60;
const HISTORY_STEP = 5;
const LIVE_SECONDS = 15 * 60;

export interface RunningCluster {
  anchor: number;
  prometheus: RunningPrometheus;
  exporters: RunningExporters;
  rangeQuery: (expr: string, start: number, end: number, step: number) => Promise<PromResponse>;
  /** The end of a range query as Grafana aligns it (a multiple of the step), once live data covers it. */
  alignedEnd: (step: number) => Promise<number>;
  instantQuery: (expr: string, time: number) => Promise<PromResponse>;
  stop: () => Promise<void>;
}

export async function startCluster(which: ScenarioName | Scenario, ruleFiles: string[] = []): Promise<RunningCluster> {
  const scenario = typeof which === 'string' ? SCENARIOS[which] : which;
  const dir = mkdtempSync(join(tmpdir(), `kbh-e2e-${scenario.name}-`));
  let exporters: RunningExporters | undefined;
  let prometheus: RunningPrometheus | undefined;
  const stop = async () => {
    await prometheus?.stop();
    await exporters?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Whole seconds, a little in the past so the last backfilled sample precedes the first scrape.
    const anchor = Math.floor(Date.now() / 1000) - 2;
    const counters = new Counters(scenario, -HISTORY_SECONDS, LIVE_SECONDS);
    const history = join(dir, 'history.om');
    writeFileSync(
      history,
      historyOpenMetrics(counters, 'kafka', -HISTORY_SECONDS, -HISTORY_STEP, HISTORY_STEP, anchor)
    );
    const data = join(dir, 'data');
    await promtool('tsdb', 'create-blocks-from', 'openmetrics', history, data);

    exporters = await startExporters(counters, anchor);
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        ruleFiles.length ? `rule_files:\n${ruleFiles.map((f) => `  - ${JSON.stringify(f)}`).join('\n')}` : '',
        'scrape_configs:',
        '  - job_name: kafka',
        '    static_configs:',
        // The demo's scrape config names instances after the broker hosts; here the hosts are
        // loopback ports, so the same instance label is set on each target.
        ...BROKERS.map((b) => `      - targets: ['${exporters!.targets[b]}']\n        labels: { instance: '${b}' }`),
        `  - job_name: ${CONTROLLER_JOB}`,
        '    static_configs:',
        ...CONTROLLERS.map(
          (c) => `      - targets: ['${exporters!.targets[c]}']\n        labels: { instance: '${c}' }`
        ),
        '  - job_name: kafka-exporter',
        '    static_configs:',
        `      - targets: ['${exporters!.lagExporter}']\n        labels: { instance: 'kafka-exporter' }`,
      ].join('\n') + '\n'
    );
    prometheus = await startPrometheus(config, data);
    const url = prometheus.url;
    // Bounded wait: every live broker and every controller scraped at least twice. (Prometheus
    // hands new targets to the scrapers on a 5 s tick, so this takes a few seconds whatever the
    // scrape interval.)
    const liveNodes = BROKERS.filter((b) => scenario.up(b, 0)).length + CONTROLLERS.length;
    for (let i = 0; i < 100; i++) {
      const r = await api<PromResponse>(url, '/api/v1/query', {
        query: `count_over_time(up{job=~"kafka|${CONTROLLER_JOB}"}[10s]) >= 2`,
      });
      const ready = (r.data?.result as unknown[] | undefined)?.length ?? 0;
      if (ready >= liveNodes) {
        break;
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    // The backfill ends 5 s before the anchor and live scrapes start a few seconds after it; a
    // rate() window ending in that gap extrapolates short. Queries end after live data began.
    const liveFrom = Math.ceil(Date.now() / 1000);
    return {
      anchor,
      prometheus,
      exporters,
      rangeQuery: (expr, start, end, step) => api(url, '/api/v1/query_range', { query: expr, start, end, step }),
      alignedEnd: async (step) => {
        // Bounded: at most one step of waiting.
        for (let i = 0; i < 4 * step + 4; i++) {
          const end = Math.floor(Date.now() / 1000 / step) * step;
          if (end >= liveFrom) {
            return end;
          }
          await new Promise((res) => setTimeout(res, 250));
        }
        throw new Error('live data did not start');
      },
      instantQuery: (expr, time) => api(url, '/api/v1/query', { query: expr, time }),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
