import fc from 'fast-check';
import { extractSeries } from '../read/extractSeries';
import { buildModel } from '../model/build';
import { stepRates } from '../model/model';
import { nearZeroLimit } from '../model/levels';
import { resolveOptions } from '../options';
import { STATE } from '../history';
import { rangeFrame, stepTimes } from '../testkit/frames';
import { brokerStalled } from './brokerStalled';

/** The rule as written: near zero against the median of the broker's own rates over the range. */
function naiveHistory(rates: Float64Array, minRate: number): Uint8Array | undefined {
  const present = Array.from(rates)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (present.length === 0) {
    return undefined;
  }
  const mid = present.length >> 1;
  const level = present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
  if (!(level > 0) || level < minRate) {
    return undefined;
  }
  const limit = nearZeroLimit(level, minRate);
  const states = Uint8Array.from(rates, (v) => (v < limit ? STATE.critical : STATE.none));
  return states.some((s) => s !== STATE.none) ? states : undefined;
}

describe('broker-stalled on the health timeline', () => {
  it('marks the steps a broker was near zero against its own level, as the rule says', () => {
    // Each broker at its own level, its rates around the limits that level and the minimum rate
    // set: zeros, a few percent of the level, trickles under and over the minimum rate, the level.
    const broker = fc.tuple(
      fc.constantFrom(0.5, 3, 20, 100, 2000),
      fc.array(
        fc.oneof(
          fc.constantFrom(0, 0.01, 0.03, 0.049, 0.051, 0.08, 0.5, 1, 1, 1, 1.2),
          fc.double({ min: 0, max: 2, noNaN: true }),
          fc.constant(null)
        ),
        { minLength: 12, maxLength: 12 }
      )
    );
    fc.assert(
      fc.property(fc.array(broker, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 1, 5), (brokers, minRate) => {
        const times = stepTimes(12);
        const frames = brokers.map(([level, factors], b) =>
          rangeFrame(
            { instance: `kafka-${b}`, topic: 't' },
            times,
            factors.map((f) => (f === null ? null : level * f))
          )
        );
        const options = resolveOptions({ minRate, timeRange: { from: times[0], to: times[11] } });
        const model = buildModel(extractSeries(frames), options);
        const messages = model.messages;
        if (!messages) {
          return;
        }
        const history = brokerStalled.history!(model, {} as never);
        messages.brokers.forEach((b, k) => {
          const expected = naiveHistory(stepRates(messages, k), minRate);
          const actual = history.brokers?.get(b.name);
          expect(actual && Array.from(actual)).toEqual(expected && Array.from(expected));
        });
      }),
      { numRuns: 400 }
    );
  });
});
