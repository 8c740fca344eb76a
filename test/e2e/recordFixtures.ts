/**
 * npm run record:fixtures — records the project's own frame fixtures (test/fixtures/prometheus/)
 * from a real Prometheus: the simulated cluster of the end-to-end suite (scenario "balanced"),
 * queried over the HTTP API, each response converted to frames as Grafana's Prometheus backend
 * builds them (./promToFrames.ts). Needs `prometheus` and `promtool` (apt-get install prometheus);
 * the unit tests only read the recorded files.
 *
 * Two cases Prometheus does not produce on demand are written by hand to its documented API
 * (https://prometheus.io/docs/prometheus/latest/querying/api/): warnings with no data, and an
 * exemplar frame as Grafana's data plane describes it. Each file says how it was made.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { startCluster } from './cluster';
import { PromResponse, QueryModel, toFrames } from '../../src/cli/promToFrames';
import { api } from './prometheus';
import { REPO } from './stackFiles';

const OUT = join(REPO, 'test/fixtures/prometheus');
const STEP = 15;
const MESSAGES_IN = 'rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m])';

interface Recording {
  name: string;
  about: string;
  range: boolean;
  expr: string;
  /** Seconds before the end. */
  span?: number;
}

const RECORDINGS: Recording[] = [
  {
    name: 'range-messages-in',
    about: 'range query, messages-in per broker and topic: one timeseries-multi frame per series',
    range: true,
    expr: `sum by (instance, topic) (${MESSAGES_IN})`,
    span: 10 * 60,
  },
  {
    name: 'range-counters',
    about: 'range query of the raw counters (no rate()): named cumulative series',
    range: true,
    expr: 'kafka_server_brokertopicmetrics_messagesin_total{topic!=""}',
    span: 5 * 60,
  },
  {
    name: 'range-nan',
    about: 'every sample NaN (0/0): sent as null with entities',
    range: true,
    expr: `sum by (instance) (${MESSAGES_IN}) * 0 / 0`,
    span: 5 * 60,
  },
  {
    name: 'range-gaps',
    about: 'steps absent from the response (a filter keeps the first half of every minute)',
    range: true,
    expr: `sum by (instance) (${MESSAGES_IN}) and on () (vector(time()) % 60 < 30)`,
    span: 5 * 60,
  },
  {
    name: 'instant-messages-in',
    about: 'instant query: one numeric-multi frame per series, one row each',
    range: false,
    expr: `sum by (instance, topic) (${MESSAGES_IN})`,
  },
  {
    name: 'instant-special-values',
    about: 'instant query with +Inf, -Inf and NaN: sent as null with entities',
    range: false,
    expr:
      'label_replace(vector(1) / 0, "value", "plus-inf", "", "") or label_replace(vector(-1) / 0, "value", "minus-inf", "", "")' +
      ' or label_replace(vector(0) / 0, "value", "nan", "", "")',
  },
  {
    name: 'scalar',
    about: 'a scalar result: one unlabelled row',
    range: false,
    expr: `scalar(sum(${MESSAGES_IN}))`,
  },
  {
    name: 'error',
    about: 'a query Prometheus rejects: an error and no frames',
    range: false,
    expr: `sum(${MESSAGES_IN}`,
  },
];

function save(name: string, content: unknown): void {
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(content, null, 1) + '\n');
}

function record(name: string, about: string, made: string, query: QueryModel, response: PromResponse): void {
  save(name, { about, made, query, response, frames: toFrames(response, query) });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const cluster = await startCluster('balanced');
  try {
    const end = await cluster.alignedEnd(STEP);
    const info = await api<{ data?: { version?: string } }>(cluster.prometheus.url, '/api/v1/status/buildinfo', {});
    const made = `recorded by npm run record:fixtures from Prometheus ${info.data?.version ?? '(unknown version)'} scraping the simulated cluster (scenario balanced)`;
    for (const r of RECORDINGS) {
      const query: QueryModel = { refId: 'A', range: r.range, expr: r.expr, step: STEP };
      const response = r.range
        ? await cluster.rangeQuery(r.expr, end - (r.span ?? 600), end, STEP)
        : await cluster.instantQuery(r.expr, end);
      record(r.name, r.about, made, query, response);
      console.log(`${r.name}: ${response.status}`);
    }
  } finally {
    await cluster.stop();
  }
  const handWritten = 'written by hand to the Prometheus HTTP API documentation (Prometheus does not warn on demand)';
  record(
    'warnings-no-data',
    'a response with warnings and no data: one fieldless "Warnings" frame carrying the notices',
    handWritten,
    { refId: 'A', range: false, expr: 'sum(rate(kafka_server_brokertopicmetrics_messagesin_total[1m]))', step: STEP },
    {
      status: 'success',
      data: { resultType: 'vector', result: [] },
      warnings: ['remote read partial response', 'query exceeded the sample limit of one store'],
    }
  );
  console.log('warnings-no-data: written');
  // Exemplars as Grafana's Prometheus source returns them beside the series: a frame named
  // "exemplar" (custom.resultType "exemplar") with Time, Value and one string field per label.
  const t = Date.UTC(2026, 0, 1);
  save('exemplar', {
    about: 'exemplar frames: never read as series',
    made: 'written by hand to the Grafana data plane (exemplar frames of the Prometheus data source)',
    frames: [
      {
        schema: {
          name: 'exemplar',
          refId: 'A',
          meta: { typeVersion: [0, 0], custom: { resultType: 'exemplar' } },
          fields: [
            { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' } },
            { name: 'Value', type: 'number', typeInfo: { frame: 'float64' } },
            { name: 'instance', type: 'string', typeInfo: { frame: 'string' } },
            { name: 'trace_id', type: 'string', typeInfo: { frame: 'string' } },
          ],
        },
        data: {
          values: [
            [t, t + 15_000],
            [0.012, 0.034],
            ['kafka-1', 'kafka-2'],
            ['4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7a3ce929d0e0e4736'],
          ],
        },
      },
    ],
  });
  console.log('exemplar: written');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
