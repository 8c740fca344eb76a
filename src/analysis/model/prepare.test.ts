import fc from 'fast-check';
import { extractSeries } from '../read/extractSeries';
import { rangeFrame } from '../testkit/frames';
import { prepareSeries } from './prepare';

const OPTIONS = { metricName: '', brokerLabel: 'auto', topicLabel: 'auto' };

describe('prepareSeries', () => {
  it('finds every negative or absurd sample whether or not the reader saw their range', () => {
    // Samples as they arrive: numbers of any sign and size, gaps, infinities and text.
    const sample = fc.oneof(
      fc.double({ min: -10, max: 1e13, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom(null, NaN, Infinity, -Infinity, '7', '-2', 'x')
    );
    const metric = fc.constantFrom(
      'kafka_server_brokertopicmetrics_messagesin_total',
      'kafka_server_brokertopicmetrics_messagesinpersec_oneminuterate',
      undefined
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(sample, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        metric,
        (rows, name) => {
          const frames = rows.map((values, b) =>
            rangeFrame(
              { ...(name ? { __name__: name } : {}), instance: `kafka-${b}`, topic: 't' },
              values.map((_, i) => 1_700_000_000_000 + 15_000 * i),
              values
            )
          );
          const series = extractSeries(frames).series;
          const withBounds = prepareSeries(series, OPTIONS);
          const scanned = prepareSeries(
            series.map((s) => ({ ...s, range: undefined })),
            OPTIONS
          );
          expect(withBounds.negativeSamples).toBe(scanned.negativeSamples);
          expect(withBounds.absurdSamples).toBe(scanned.absurdSamples);
          expect(withBounds.rates.map((r) => Array.from(r.values))).toEqual(
            scanned.rates.map((r) => Array.from(r.values))
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});
