import fc from 'fast-check';
import { extractSeries } from '../read/extractSeries';
import { buildModel } from '../model/build';
import { stepRates } from '../model/model';
import { resolveOptions } from '../options';
import { STATE } from '../history';
import { rangeFrame, stepTimes } from '../testkit/frames';
import { imbalance } from './imbalance';

/**
 * The rule as written, step by step: over the brokers reporting at a step (two or more, their sum
 * at least the minimum rate), each one's |rate − mean| ÷ mean against the levels.
 */
function naiveHistory(
  rows: Float64Array[],
  minRate: number,
  warning: number,
  critical: number
): Array<number[] | undefined> {
  const states = rows.map(() => [] as number[]);
  const steps = rows[0]?.length ?? 0;
  for (let i = 0; i < steps; i++) {
    const reporting = rows.map((r) => r[i]).filter((v) => !Number.isNaN(v));
    const sum = reporting.reduce((a, b) => a + b, 0);
    rows.forEach((row, k) => {
      const v = row[i];
      let state: number = STATE.none;
      if (reporting.length >= 2 && sum >= minRate && !Number.isNaN(v)) {
        const mean = sum / reporting.length;
        const off = Math.abs(v - mean) / mean;
        state =
          critical > 0 && off > critical ? STATE.critical : warning > 0 && off > warning ? STATE.warning : STATE.none;
      }
      states[k].push(state);
    });
  }
  return states.map((s) => (s.some((x) => x !== STATE.none) ? s : undefined));
}

describe('imbalance on the health timeline', () => {
  it('marks the brokers off the mean at each step, as the rule says', () => {
    const rate = fc.oneof(
      fc.constantFrom(0, 0.2, 1, 40, 75, 100, 100, 100, 130, 160, 400),
      fc.double({ min: 0, max: 500, noNaN: true }),
      fc.constant(null)
    );
    const levels = fc.constantFrom([0.25, 0.5], [0.1, 0], [0, 0.3], [0, 0], [0.05, 0.05]);
    fc.assert(
      fc.property(
        fc.array(fc.array(rate, { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 1, 50),
        levels,
        (brokers, minRate, [warning, critical]) => {
          const times = stepTimes(10);
          const frames = brokers.map((rates, b) => rangeFrame({ instance: `kafka-${b}`, topic: 't' }, times, rates));
          const options = resolveOptions({ minRate, timeRange: { from: times[0], to: times[9] } });
          const model = buildModel(extractSeries(frames), options);
          const messages = model.messages;
          if (!messages) {
            return;
          }
          const history = imbalance.history!(model, { imbalance: { warning, critical } } as never);
          const rows = messages.brokers.map((_, k) => stepRates(messages, k));
          const expected = naiveHistory(rows, minRate, warning, critical);
          messages.brokers.forEach((b, k) => {
            const actual = history.brokers?.get(b.name);
            expect(actual && Array.from(actual)).toEqual(expected[k]);
          });
        }
      ),
      { numRuns: 400 }
    );
  });
});
