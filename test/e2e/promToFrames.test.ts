import { describeShared, parseJsonc, readFixture } from '../../src/analysis/testkit/fixtures';
import { addQueryMetadata, convertResponse, goDuration, PromResponse, toFrames } from '../../src/cli/promToFrames';

const input = (name: string) => JSON.parse(readFixture(`grafana-prometheus-frames/${name}`)) as PromResponse;
const golden = (name: string) =>
  parseJsonc(readFixture(`grafana-prometheus-frames/${name}`)) as { frames?: unknown[]; error?: string };

describeShared('Prometheus API → frames, as Grafana’s golden files show them (shared corpus)', () => {
  it.each(['range_simple', 'range_nan', 'range_missing'])(
    '%s: converter and query metadata match the golden',
    (name) => {
      const q = JSON.parse(readFixture(`grafana-prometheus-frames/${name}.query.json`));
      const response = addQueryMetadata(convertResponse(input(`${name}.result.json`)), {
        refId: q.RefId,
        range: q.RangeQuery,
        expr: q.Expr ?? '',
        step: q.Step,
      });
      expect(response.frames).toEqual(golden(`${name}.result.golden.jsonc`).frames);
    }
  );

  it.each([
    ['prom-vector.json', 'prom-vector-frame.jsonc'],
    ['prom-scalar.json', 'prom-scalar-frame.jsonc'],
    ['prom-warnings-no-data.json', 'prom-warnings-no-data-frame.jsonc'],
  ])('%s: converter output matches the golden', (body, frames) => {
    expect(convertResponse(input(body)).frames).toEqual(golden(frames).frames);
  });

  it('turns an error body into an error and no frames', () => {
    expect(convertResponse(input('prom-error.json'))).toEqual({
      frames: [],
      error: golden('prom-error-frame.jsonc').error,
    });
  });

  it('puts the refId on every frame', () => {
    const frames = toFrames(input('range_simple.result.json'), { refId: 'B', range: true, expr: 'x', step: 1 });
    expect(frames.map((f) => f.schema.refId)).toEqual(['B', 'B']);
  });
});

describe('Prometheus API → frames: the converter’s own rules', () => {
  it('writes steps like Go durations', () => {
    expect([1000, 15000, 60000, 90000, 3_600_000, 500].map(goDuration)).toEqual([
      '1s',
      '15s',
      '1m0s',
      '1m30s',
      '1h0m0s',
      '500ms',
    ]);
  });
});
