/**
 * @jest-environment node
 */
import fc from 'fast-check';
import { analyze } from '../analyze';
import { rangeFrame, stepTimes } from '../testkit/frames';
import { compareNames } from '../names';

const times = stepTimes(12);

/** Topic rows from brokers × topics of constant rates (0 included: ties broken by name). */
function reportOf(rates: number[][]) {
  const frames = rates.flatMap((perTopic, b) =>
    perTopic.map((rate, t) =>
      rangeFrame(
        { instance: `kafka-${b}`, topic: `t${t}` },
        times,
        times.map(() => rate)
      )
    )
  );
  return analyze(frames, { timeRange: { from: times[0], to: times[times.length - 1] }, now: times[times.length - 1] });
}

describe("topics' broker lists", () => {
  it('list every broker of the topic, busiest first (ties by name), shares of the topic, the first one its maximum', () => {
    const rate = fc.constantFrom(0, 0, 1, 2.5, 7, 40);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((topics) =>
            fc.array(fc.array(rate, { minLength: topics, maxLength: topics }), { minLength: 1, maxLength: 5 })
          ),
        (rates) => {
          const report = reportOf(rates);
          for (const topic of report.topics) {
            const t = Number(topic.name.slice(1));
            const expected = rates
              .map((perTopic, b) => ({ name: `kafka-${b}`, rate: perTopic[t] }))
              .sort((x, y) => y.rate - x.rate || compareNames(x.name, y.name))
              .map((x) => ({ ...x, share: topic.rate > 0 ? x.rate / topic.rate : 0 }));
            expect(topic.brokers).toEqual(expected);
            expect(topic.maxBrokerShare).toBe(expected[0].share);
            expect(topic.rate).toBeCloseTo(
              expected.reduce((sum, x) => sum + x.rate, 0),
              9
            );
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it('are there for every reader: spread, JSON, structured clone, and can be replaced', () => {
    const report = reportOf([
      [5, 1],
      [3, 0],
    ]);
    const lists = report.topics.map((t) => t.brokers);
    expect(lists.map((l) => l.map((b) => b.name))).toEqual([
      ['kafka-0', 'kafka-1'],
      ['kafka-0', 'kafka-1'],
    ]);
    // Built once: the same list on every read.
    expect(report.topics[0].brokers).toBe(lists[0]);
    const fresh = reportOf([
      [5, 1],
      [3, 0],
    ]);
    expect({ ...fresh.topics[0] }.brokers).toEqual(lists[0]);
    expect(JSON.parse(JSON.stringify(fresh)).topics[1].brokers).toEqual(lists[1]);
    expect(structuredClone(reportOf([[5], [3]])).topics[0].brokers).toHaveLength(2);
    expect(Object.keys(fresh.topics[0])).toContain('brokers');
    const replaced = reportOf([[5], [3]]);
    replaced.topics[0].brokers = [];
    expect(replaced.topics[0].brokers).toEqual([]);
  });
});
