import fc from 'fast-check';
import { columnWidths, fitColumns } from './BrokerTable';

const EXTRAS = ['bytesIn', 'bytesOut', 'requestHandlerIdle', 'underReplicated'].map((key) => ({
  key,
  label: key,
  title: key,
  show: () => '',
  check: key === 'requestHandlerIdle' || key === 'underReplicated' ? key : undefined,
})) as never[];

const keys = (columns: unknown[]) => (columns as Array<{ key: string }>).map((c) => c.key);

describe('broker table columns', () => {
  it('always leaves the name, rate and status their room (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 2400 }), fc.subarray(EXTRAS), fc.boolean(), (width, extras, trend) => {
        const fit = fitColumns(width, extras, trend);
        const w = columnWidths(width);
        const used =
          w.rate +
          w.status +
          w.name +
          (fit.showDeviation ? w.deviation : 0) +
          (fit.showShare ? 90 : 0) +
          fit.showExtras.length * w.extra +
          (fit.showTrend ? w.trend : 0);
        const nothingShown = !fit.showShare && !fit.showTrend && !fit.showDeviation && fit.showExtras.length === 0;
        expect(used <= width || nothingShown).toBe(true);
        expect(fit.showTrend && !trend).toBe(false);
      })
    );
  });

  it('keeps the alarm columns first, then the deviation and the trend, then the share, and bytes last', () => {
    // Narrow (a 440 px panel): status, rate, URP and the handlers.
    expect(fitColumns(420, EXTRAS, true)).toMatchObject({ showDeviation: false, showTrend: false, showShare: false });
    expect(keys(fitColumns(420, EXTRAS, true).showExtras)).toEqual(['requestHandlerIdle', 'underReplicated']);
    expect(keys(fitColumns(370, EXTRAS, true).showExtras)).toEqual(['underReplicated']);
    // Default: the trend stays, bytes go.
    const fit = fitColumns(900, EXTRAS, true);
    expect(fit).toMatchObject({ showDeviation: true, showTrend: true });
    expect(keys(fit.showExtras)).toEqual(['requestHandlerIdle', 'underReplicated']);
    expect(fit.showShare).toBe(true);
    expect(fitColumns(1600, EXTRAS, true)).toMatchObject({ showTrend: true, showShare: true, showDeviation: true });
    expect(keys(fitColumns(1600, EXTRAS, true).showExtras)).toEqual(EXTRAS.map((c: { key: string }) => c.key));
  });
});
