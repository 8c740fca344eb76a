import { dataFrameFromJSON, DataFrameJSON } from '@grafana/data';
import { analyze } from '../analyze';
import { describeShared, goldenFrames, listGoldenFiles } from '../testkit/fixtures';
import { extractSeries } from './extractSeries';

/** Grafana's own decoding of the wire format, as the panel would receive it. */
const asDataFrames = (name: string) => goldenFrames(name).map((f) => dataFrameFromJSON(f as DataFrameJSON));

describeShared('conformance with the golden outputs of Grafana’s Prometheus backend (shared corpus)', () => {
  it('covers every golden file in the shared fixtures', () => {
    expect(listGoldenFiles()).toEqual([
      'exemplar.result.golden.jsonc',
      'prom-error-frame.jsonc',
      'prom-scalar-frame.jsonc',
      'prom-vector-frame.jsonc',
      'prom-warnings-no-data-frame.jsonc',
      'range_missing.result.golden.jsonc',
      'range_nan.result.golden.jsonc',
      'range_simple.result.golden.jsonc',
    ]);
  });

  it.each(listGoldenFiles())(
    '%s: wire JSON and decoded DataFrames give the same report, and nothing throws',
    (file) => {
      const wire = analyze(goldenFrames(file));
      const decoded = analyze(asDataFrames(file));
      expect(decoded).toEqual(wire);
      expect(['ok', 'warning', 'critical', 'nodata']).toContain(wire.verdict);
    }
  );

  it('range_simple: two matrix series with their own timestamps', () => {
    const { series } = extractSeries(asDataFrames('range_simple.result.golden.jsonc'));
    expect(series).toHaveLength(2);
    const byCode = Object.fromEntries(series.map((s) => [s.labels.code, s]));
    expect(Array.from(byCode['200'].times)).toEqual([1641889530123, 1641889531123, 1641889532123]);
    expect(Array.from(byCode['200'].values)).toEqual([21, 32, 43]);
    expect(Array.from(byCode['400'].times)).toEqual([1641889529123, 1641889532123]);
    expect(Array.from(byCode['400'].values)).toEqual([54, 76]);
    expect(series.every((s) => s.name === 'prometheus_http_requests_total' && !s.instant)).toBe(true);
  });

  it('range_simple: a named counter that is not messages-in is ignored, and analysed as a counter when named in the options', () => {
    const frames = goldenFrames('range_simple.result.golden.jsonc');
    const auto = analyze(frames);
    expect(auto.verdict).toBe('nodata');
    expect(auto.findings[0].message).toContain('prometheus_http_requests_total');
    expect(auto.data.seriesIgnored).toBe(2);

    const named = analyze(frames, { metricName: 'prometheus_http_requests_total', brokerLabel: 'code' });
    expect(named.data.rawCounters).toBe(true);
    expect(named.findings.map((f) => f.check)).toContain('raw-counter');
    const rate = Object.fromEntries(named.brokers.map((b) => [b.name, b.rate]));
    // (43 − 32) / 1 s, and (76 − 54) / 3 s: rates derived from adjacent samples.
    expect(rate['200']).toBeCloseTo(11);
    expect(rate['400']).toBeCloseTo(22 / 3);
  });

  it('range_nan: NaN samples sent as null + entities are missing values, and the panel says so', () => {
    const { series } = extractSeries(asDataFrames('range_nan.result.golden.jsonc'));
    expect(series).toHaveLength(1);
    expect(Array.from(series[0].values).every(Number.isNaN)).toBe(true);
    const report = analyze(goldenFrames('range_nan.result.golden.jsonc'));
    expect(report.verdict).toBe('nodata');
    expect(report.findings[0].check).toBe('no-data');
    expect(report.findings[0].message).toMatch(/every sample is empty/);
  });

  it('range_missing: absent steps stay absent', () => {
    const { series } = extractSeries(goldenFrames('range_missing.result.golden.jsonc'));
    expect(Array.from(series[0].times)).toEqual([1641889533000, 1641889534000, 1641889537000]);
    const report = analyze(goldenFrames('range_missing.result.golden.jsonc'), { metricName: 'go_goroutines' });
    expect(report.data.kind).toBe('range');
    // On the query's 1 s grid: the steps Prometheus left out are there, empty.
    expect(report.timeline?.times).toEqual([1641889533000, 1641889534000, 1641889535000, 1641889536000, 1641889537000]);
    expect(report.brokers[0].series).toEqual([21, 32, null, null, 43]);
  });

  it('exemplar frames are never read as series', () => {
    const { series } = extractSeries(goldenFrames('exemplar.result.golden.jsonc'));
    expect(series).toHaveLength(0);
    const report = analyze(asDataFrames('exemplar.result.golden.jsonc'));
    expect(report.verdict).toBe('nodata');
    expect(report.findings[0].message).toMatch(/returned no series/);
  });

  it('prom-vector: instant frames, ±Inf and NaN via entities, unnamed series taken as messages-in', () => {
    const { series } = extractSeries(asDataFrames('prom-vector-frame.jsonc'));
    expect(series).toHaveLength(5);
    expect(series.every((s) => s.instant && s.values.length === 1)).toBe(true);
    const moon = series.filter((s) => s.labels.location === 'moon');
    expect(moon.map((s) => s.values[0]).every(Number.isNaN)).toBe(true);
    const up = series.filter((s) => s.name === 'up').map((s) => s.values[0]);
    expect(up.sort()).toEqual([0, 1]);
    const report = analyze(goldenFrames('prom-vector-frame.jsonc'));
    expect(report.verdict).toBe('nodata');
    expect(report.data.kind).toBe('none');
  });

  it('prom-scalar: one unlabelled instant value', () => {
    const report = analyze(goldenFrames('prom-scalar-frame.jsonc'));
    expect(report.data.kind).toBe('instant');
    expect(report.cluster.totalRate).toBeCloseTo(0.00002482);
    expect(report.findings.map((f) => f.check)).toContain('no-broker-label');
    expect(report.notEvaluated.map((n) => n.check)).toEqual(
      expect.arrayContaining(['spike', 'drop', 'broker-stalled', 'broker-missing', 'imbalance'])
    );
  });

  it('prom-warnings-no-data: the fieldless Warnings frame passes its notices on', () => {
    const report = analyze(asDataFrames('prom-warnings-no-data-frame.jsonc'));
    expect(report.verdict).toBe('nodata');
    expect(report.data.notices).toEqual(['warning 1', 'warning 2']);
    // The notices are findings of their own, not repeated inside the NO DATA sentence.
    expect(report.findings[0].message).not.toContain('warning 1');
    expect(report.findings.filter((f) => f.check === 'query-notice')).toHaveLength(2);
  });

  it('prom-error: an error response carries no frames', () => {
    expect(goldenFrames('prom-error-frame.jsonc')).toEqual([]);
    expect(analyze(goldenFrames('prom-error-frame.jsonc')).verdict).toBe('nodata');
  });
});
