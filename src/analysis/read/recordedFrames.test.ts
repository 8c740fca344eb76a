/**
 * The reader against the project's own fixtures: responses of a real Prometheus (recorded by
 * `npm run record:fixtures` from the simulated cluster) turned into frames as Grafana's Prometheus
 * backend builds them. The shared golden corpus, when present, checks the same reader against
 * Grafana's own outputs (goldenFrames.test.ts).
 */
import { dataFrameFromJSON, DataFrameJSON } from '@grafana/data';
import { analyze } from '../analyze';
import { listRecorded, recorded } from '../testkit/fixtures';
import { extractSeries } from './extractSeries';
import { PromResponse, QueryModel, toFrames } from '../../cli/promToFrames';

const wire = (name: string) => recorded(name).frames;
/** Grafana's own decoding of the wire format, as the panel receives it. */
const decoded = (name: string) => wire(name).map((f) => dataFrameFromJSON(f as DataFrameJSON));

/** The simulated cluster's traffic (test/e2e/simulator/model.ts: orders 180, payments 90, clickstream 300 msg/s, ±5%). */
const CLUSTER_RATE = 570;

describe('the project’s recorded Prometheus responses', () => {
  it('cover every case the reader must handle', () => {
    expect(listRecorded()).toEqual([
      'error',
      'exemplar',
      'instant-messages-in',
      'instant-special-values',
      'range-counters',
      'range-gaps',
      'range-messages-in',
      'range-nan',
      'scalar',
      'warnings-no-data',
    ]);
    for (const name of listRecorded()) {
      expect(recorded(name).made).toMatch(/recorded by npm run record:fixtures from Prometheus \d|written by hand/);
    }
  });

  it.each(listRecorded())('%s: the frames are the converter’s output for the recorded response', (name) => {
    const r = recorded(name);
    if (r.response !== undefined) {
      expect(toFrames(r.response as PromResponse, r.query as QueryModel)).toEqual(r.frames);
    }
  });

  it.each(listRecorded())('%s: wire JSON and decoded DataFrames give the same report', (name) => {
    const fromWire = analyze(wire(name));
    expect(analyze(decoded(name))).toEqual(fromWire);
    expect(['ok', 'warning', 'critical', 'nodata']).toContain(fromWire.verdict);
  });

  it('range-messages-in: three brokers, three topics, the cluster rate, healthy', () => {
    const report = analyze(decoded('range-messages-in'));
    expect(report.verdict).toBe('ok');
    expect(report.data.kind).toBe('range');
    expect(report.brokers.map((b) => b.name)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
    expect(report.topics.map((t) => t.name).sort()).toEqual(['clickstream', 'orders', 'payments']);
    expect(report.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.9);
    expect(report.cluster.totalRate).toBeLessThan(CLUSTER_RATE * 1.1);
    // The query step Grafana puts on the Time field is the axis step.
    expect(report.timeline?.step).toBe(15_000);
  });

  it('range-counters: named cumulative series become rates, and the panel says to use rate()', () => {
    const report = analyze(wire('range-counters'));
    expect(report.data.rawCounters).toBe(true);
    expect(report.findings.map((f) => f.check)).toContain('raw-counter');
    // Step differences of counters scraped a second early or late are coarse (what the finding
    // says); over the range they average out to the cluster's rate.
    const perStep = report.cluster.series!.filter((v): v is number => v !== null).sort((a, b) => a - b);
    const median = perStep[Math.floor(perStep.length / 2)];
    expect(median).toBeGreaterThan(CLUSTER_RATE * 0.9);
    expect(median).toBeLessThan(CLUSTER_RATE * 1.1);
  });

  it('range-nan: NaN samples sent as null + entities are missing values, and the panel says so', () => {
    const { series } = extractSeries(decoded('range-nan'));
    expect(series).toHaveLength(3);
    expect(series.every((s) => Array.from(s.values).every(Number.isNaN))).toBe(true);
    const report = analyze(wire('range-nan'));
    expect(report.verdict).toBe('nodata');
    expect(report.findings[0]).toMatchObject({ check: 'no-data' });
    expect(report.findings[0].message).toMatch(/every sample is empty/);
  });

  it('range-gaps: steps absent from the response stay absent on the axis', () => {
    const r = recorded('range-gaps');
    const { series } = extractSeries(wire('range-gaps'));
    const report = analyze(wire('range-gaps'), { now: Number.MAX_SAFE_INTEGER });
    const steps = report.timeline!.times;
    // Fewer samples than steps, and a null wherever a step has no sample.
    expect(series[0].times.length).toBeLessThan(steps.length);
    const present = new Set(Array.from(series[0].times));
    const broker = report.brokers.find((b) => b.name === series[0].labels.instance)!;
    steps.forEach((t, i) => expect({ t, empty: broker.series![i] === null }).toEqual({ t, empty: !present.has(t) }));
    expect(r.query?.expr).toContain('% 60 < 30');
  });

  it('instant-messages-in: one row per series, the same brokers and total', () => {
    const report = analyze(decoded('instant-messages-in'));
    expect(report.data.kind).toBe('instant');
    expect(report.brokers.map((b) => b.name)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
    expect(report.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.9);
    expect(report.cluster.totalRate).toBeLessThan(CLUSTER_RATE * 1.1);
  });

  it('instant-special-values: +Inf, −Inf and NaN are missing samples, never numbers', () => {
    const { series } = extractSeries(decoded('instant-special-values'));
    expect(series.map((s) => s.labels.value).sort()).toEqual(['minus-inf', 'nan', 'plus-inf']);
    expect(series.every((s) => s.instant && Number.isNaN(s.values[0]))).toBe(true);
    expect(analyze(wire('instant-special-values')).findings[0].message).toMatch(/every sample is empty/);
  });

  it('scalar: one unlabelled instant value, read as one group', () => {
    const report = analyze(wire('scalar'));
    expect(report.data.kind).toBe('instant');
    expect(report.cluster.totalRate).toBeGreaterThan(CLUSTER_RATE * 0.9);
    expect(report.findings.map((f) => f.check)).toContain('no-broker-label');
  });

  it('error: a rejected query carries no frames', () => {
    expect(wire('error')).toEqual([]);
    expect(analyze(wire('error')).verdict).toBe('nodata');
  });

  it('warnings-no-data: the fieldless Warnings frame passes its notices on', () => {
    const report = analyze(decoded('warnings-no-data'));
    expect(report.verdict).toBe('nodata');
    expect(report.data.notices).toEqual([
      'query exceeded the sample limit of one store',
      'remote read partial response',
    ]);
    expect(report.findings.filter((f) => f.check === 'query-notice')).toHaveLength(2);
  });

  it('exemplar: exemplar frames are never read as series', () => {
    expect(extractSeries(decoded('exemplar')).series).toHaveLength(0);
    expect(analyze(decoded('exemplar')).findings[0].message).toMatch(/returned no series/);
  });
});
