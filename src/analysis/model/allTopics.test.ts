import { analyze } from '../analyze';
import { instantFrame, rangeFrame, stepTimes } from '../testkit/frames';
import { describeShared, ownScrape, parseScrape, readFixture } from '../testkit/fixtures';

type Sample = ReturnType<typeof parseScrape>[number];

/** rate() drops __name__; the broker runs more topics than the one queried, so its total is larger. */
function expectAllTopicsTotal(aggregate: Sample, perTopic: Sample, pod: string, topic: string): void {
  expect(aggregate.labels.topic).toBeUndefined();
  expect(perTopic.labels.topic).toBe(topic);
  const times = stepTimes(10);
  const rate = (v: number) => times.map(() => v);
  const strip = ({ __name__, ...rest }: Record<string, string>) => rest;
  const report = analyze([
    rangeFrame(strip({ ...aggregate.labels }), times, rate(120)),
    rangeFrame(strip({ ...perTopic.labels }), times, rate(80)),
  ]);
  // kubernetes_pod_name comes before instance in the detection order.
  expect(report.data.brokerLabel).toBe('kubernetes_pod_name');
  expect(report.brokers.map((b) => b.name)).toEqual([pod]);
  expect(report.cluster.totalRate).toBe(120);
  expect(report.topics).toEqual([expect.objectContaining({ name: topic, rate: 80 })]);
}

/** The messages-in counters of a scrape, scraped again 60 s later after growing 1/1000 of their value per second. */
function twoScrapes(samples: Sample[]) {
  const t0 = 1_760_000_000_000;
  return samples
    .filter((s) => s.name.startsWith('kafka_server_brokertopicmetrics_messagesinpersec'))
    .map((s) =>
      rangeFrame({ __name__: s.name, ...s.labels, pod: 'kafka-0' }, [t0, t0 + 60_000], [s.value, s.value * 1.06])
    );
}

describe('the all-topics trap', () => {
  it('jmx_exporter on Kubernetes: the series without `topic` is the broker total, never a topic', () => {
    const [aggregate, perTopic] = ownScrape('jmx-exporter-all-topics.prom');
    expectAllTopicsTotal(aggregate, perTopic, 'events-kafka-0', 'orders');
  });

  it('Strimzi metrics reporter: counters with and without topic are not double counted', () => {
    const samples = ownScrape('strimzi-metrics-reporter.prom');
    const report = analyze(twoScrapes(samples));
    expect(report.data.rawCounters).toBe(true);
    expect(report.cluster.totalRate).toBeCloseTo(52003 * 0.001);
    expect(report.topics.reduce((a, t) => a + t.rate, 0)).toBeCloseTo((41250 + 1208) * 0.001);
  });

  it('without an all-topics series the broker total is the sum of its topics', () => {
    const times = stepTimes(5);
    const report = analyze([
      rangeFrame(
        { instance: 'b1', topic: 'a' },
        times,
        times.map(() => 3)
      ),
      rangeFrame(
        { instance: 'b1', topic: 'b' },
        times,
        times.map(() => 4)
      ),
    ]);
    expect(report.brokers[0]).toMatchObject({ rate: 7, fromAllTopicsSeries: false, topicCount: 2 });
  });

  it('instant queries follow the same rule', () => {
    const report = analyze([
      instantFrame({ instance: 'b1', topic: 'a' }, 3),
      instantFrame({ instance: 'b1', topic: 'b' }, 4),
      instantFrame({ instance: 'b1' }, 9),
      instantFrame({ instance: 'b2', topic: 'a' }, 5),
    ]);
    expect(report.brokers.map((b) => [b.name, b.rate])).toEqual([
      ['b1', 9],
      ['b2', 5],
    ]);
    expect(report.cluster.totalRate).toBe(14);
    expect(report.topics.map((t) => [t.name, t.rate])).toEqual([
      ['a', 8],
      ['b', 4],
    ]);
  });
});

describeShared('the all-topics trap in real scrapes (shared corpus)', () => {
  it('Strimzi issue 1510 (jmx_exporter): the series without `topic` is the broker total', () => {
    const [aggregate, perTopic] = parseScrape(
      readFixture('kafka-exporter-scrapes/01_strimzi-1510_jmx-exporter_aggregate-vs-topic.txt')
    );
    expectAllTopicsTotal(aggregate, perTopic, 'my-cluster-kafka-0', 'my-topic');
  });

  it('Strimzi metrics-reporter issue 101: counters with and without topic are not double counted', () => {
    const samples = parseScrape(readFixture('kafka-exporter-scrapes/02_strimzi-metrics-reporter-101_values.txt'));
    const report = analyze(twoScrapes(samples));
    expect(report.cluster.totalRate).toBeCloseTo(85768 * 0.001);
    expect(report.topics.reduce((a, t) => a + t.rate, 0)).toBeCloseTo((991 + 42813) * 0.001);
  });
});
