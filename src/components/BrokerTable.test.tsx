import fc from 'fast-check';
import { fitColumns } from './BrokerTable';

const EXTRAS = ['bytesIn', 'bytesOut', 'requestHandlerIdle', 'underReplicated'].map((key) => ({
  key,
  label: key,
  title: key,
  show: () => '',
})) as never[];

describe('broker table columns', () => {
  it('always leaves the broker name its room when anything optional can give way (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 2400 }), fc.subarray(EXTRAS), fc.boolean(), (width, extras, trend) => {
        const fit = fitColumns(width, extras, trend);
        const used =
          110 +
          80 +
          110 +
          130 +
          (fit.showShare ? width * 0.22 : 0) +
          fit.showExtras.length * 84 +
          (fit.showTrend ? 110 : 0);
        const nothingLeftToDrop = !fit.showShare && !fit.showTrend && fit.showExtras.length === 0;
        expect(used <= width || nothingLeftToDrop).toBe(true);
      })
    );
  });

  it('gives up the trend before the signals, and bytes before URP', () => {
    const fit = fitColumns(900, EXTRAS, true);
    expect(fit.showTrend).toBe(false);
    expect((fit.showExtras as Array<{ key: string }>).map((c) => c.key)).toEqual([
      'bytesIn',
      'requestHandlerIdle',
      'underReplicated',
    ]);
    expect(fitColumns(1600, EXTRAS, true)).toMatchObject({ showTrend: true, showShare: true });
  });
});
