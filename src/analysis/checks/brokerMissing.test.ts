import fc from 'fast-check';
import { extractSeries } from '../read/extractSeries';
import { buildModel } from '../model/build';
import { stepRates } from '../model/model';
import { resolveOptions } from '../options';
import { STATE } from '../history';
import { rangeFrame, stepTimes } from '../testkit/frames';
import { brokerMissing } from './brokerMissing';

/**
 * The rule as written: every run of missing steps after a sample, up to the next sample or the
 * judge time, longer than the staleness limit, is down; nothing before a broker's first sample.
 */
function naiveHistory(
  rates: Float64Array,
  times: Float64Array,
  judgeAt: number,
  staleAfter: number
): number[] | undefined {
  const states = Array.from(rates, () => STATE.none as number);
  const present = Array.from(rates.keys()).filter((i) => !Number.isNaN(rates[i]));
  present.forEach((at, j) => {
    const next = j + 1 < present.length ? present[j + 1] : rates.length;
    const until = next < rates.length ? times[next] : judgeAt;
    if (next - at > 1 && until - times[at] > staleAfter) {
      states.fill(STATE.down, at + 1, next);
    }
  });
  return states.some((s) => s !== STATE.none) ? states : undefined;
}

describe('broker-missing on the health timeline', () => {
  it('marks every silence longer than the staleness limit, as the rule says', () => {
    // Gaps of every length around the limit (four 15 s steps): a sample, or none, per step.
    const broker = fc.array(fc.oneof(fc.constant(100), fc.constant(null)), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(
        fc.array(broker, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 8 }),
        (brokers, later) => {
          const times = stepTimes(20);
          const frames = brokers.map((rates, b) => rangeFrame({ instance: `kafka-${b}`, topic: 't' }, times, rates));
          // Judged at the last step or up to two minutes after it.
          const now = times[19] + later * 15_000;
          const options = resolveOptions({ now, timeRange: { from: times[0], to: now } });
          const model = buildModel(extractSeries(frames), options);
          const messages = model.messages;
          if (!messages || messages.axis.kind !== 'range') {
            return;
          }
          const history = brokerMissing.history!(model, {} as never);
          const { times: axisTimes, judgeAt, staleAfter } = messages.axis;
          messages.brokers.forEach((b, k) => {
            const expected = naiveHistory(stepRates(messages, k), axisTimes, judgeAt, staleAfter);
            const actual = history.brokers?.get(b.name);
            expect(actual && Array.from(actual)).toEqual(expected);
          });
        }
      ),
      { numRuns: 400 }
    );
  });
});
