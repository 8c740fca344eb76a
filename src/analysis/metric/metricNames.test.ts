import { analyze } from '../analyze';
import { instantFrame, rangeFrame, stepTimes } from '../testkit/frames';
import { describeShared, ownScrape, parseScrape, readFixture } from '../testkit/fixtures';
import { classifyMetric } from './metricNames';

/** Each sample of a cp-helm scrape as its own instant query (its name is the only place the topic is). */
function cpHelmFrames(samples: ReturnType<typeof parseScrape>) {
  return samples.map((s, i) =>
    instantFrame({ __name__: s.name, ...s.labels, instance: 'cp-kafka-0' }, s.value, undefined, `Q${i}`)
  );
}

describe('metric spellings across exporters', () => {
  it.each([
    ['kafka_server_brokertopicmetrics_messagesin_total', 'yes', false],
    ['kafka_server_brokertopicmetrics_messagesinpersec_total', 'yes', false],
    ['kafka_server_brokertopicmetrics_messagesinpersec', 'likely', false],
    ['kafka_server_brokertopicmetrics_messagesinpersec_count', 'yes', false],
    ['kafka_server_brokertopicmetrics_total_messagesinpersec_count', 'yes', true],
    ['kafka_server_BrokerTopicMetrics_MessagesInPerSec', 'likely', false],
    ['redpanda_kafka_records_produced_total', 'yes', false],
    ['cp_kafka_server_brokertopicmetrics_messagesinpersec', 'no', false],
    ['kafka_server_brokertopicmetrics_messagesin_oneminuterate', 'no', false],
    ['kafka_broker_topic:messages_in:rate1m', 'no', false],
  ])('%s is messages-in (counter: %s, all-topics name: %s)', (name, counter, allTopics) => {
    const info = classifyMetric(name, '');
    expect(info).toMatchObject({ messagesIn: true, counter, allTopics });
  });

  it.each([
    'kafka_server_brokertopicmetrics_bytesin_total',
    'up',
    'kafka_server_replicamanager_underreplicatedpartitions',
    'go_goroutines',
  ])('%s is not messages-in', (name) => {
    expect(classifyMetric(name, '').messagesIn).toBe(false);
  });

  it('an unnamed series (after rate()/sum()) is taken as messages-in; the data decides whether it is cumulative', () => {
    expect(classifyMetric('', '')).toEqual({ messagesIn: true, counter: 'maybe', allTopics: false });
  });

  it('the metric-name option selects exactly one name', () => {
    expect(classifyMetric('my_custom_rate', 'my_custom_rate').messagesIn).toBe(true);
    expect(classifyMetric('kafka_server_brokertopicmetrics_messagesin_total', 'my_custom_rate').messagesIn).toBe(false);
  });

  it('cp-helm-charts rules: topic in the name, OneMinuteRate values used as rates', () => {
    const samples = ownScrape('cp-helm-oneminuterate.prom');
    const report = analyze(cpHelmFrames(samples));
    expect(report.topics.map((t) => t.name)).toEqual(['payments']);
    expect(report.data.rawCounters).toBe(false);
    expect(report.cluster.totalRate).toBe(42.5);
    // Fetch and controller metrics of the same scrape are left out, not summed; the request-handler
    // pool (cp-helm-charts drops its `server_`) is read as what it is, an idle ratio.
    expect(report.data.seriesIgnored).toBe(2);
    expect(report.signals.roles.map((r) => r.role)).toContain('requestHandlerIdle');
  });

  it('Redpanda: records produced with the redpanda_topic label', () => {
    const times = stepTimes(12);
    const counter = (perSec: number) => times.map((_, i) => 1000 + perSec * 15 * i);
    const frames = [
      rangeFrame(
        { __name__: 'redpanda_kafka_records_produced_total', redpanda_topic: 'orders', instance: 'rp-0' },
        times,
        counter(10)
      ),
      rangeFrame(
        { __name__: 'redpanda_kafka_records_produced_total', redpanda_topic: 'orders', instance: 'rp-1' },
        times,
        counter(30)
      ),
    ];
    const report = analyze(frames);
    expect(report.data.topicLabel).toBe('redpanda_topic');
    expect(report.topics[0]).toMatchObject({ name: 'orders', rate: 40 });
    expect(report.findings.map((f) => f.check)).toContain('raw-counter');
  });

  it('Bitnami: the all-topics total spelled with `_total_` is the broker total, not a topic', () => {
    const times = stepTimes(6);
    const counter = (perSec: number) => times.map((_, i) => perSec * 15 * i);
    const perTopic = 'kafka_server_brokertopicmetrics_messagesinpersec_count';
    const frames = [
      rangeFrame({ __name__: perTopic, instance: 'k0', topic: 'a' }, times, counter(10)),
      rangeFrame({ __name__: perTopic, instance: 'k0', topic: 'b' }, times, counter(20)),
      rangeFrame(
        { __name__: 'kafka_server_brokertopicmetrics_total_messagesinpersec_count', instance: 'k0' },
        times,
        counter(30)
      ),
    ];
    const report = analyze(frames);
    expect(report.cluster.totalRate).toBeCloseTo(30);
    expect(report.brokers[0].fromAllTopicsSeries).toBe(true);
    expect(report.topics.map((t) => t.name)).toEqual(['b', 'a']);
    expect(report.topics.map((t) => t.rate)).toEqual([20, 10]);
  });
});

describeShared('metric spellings in real scrapes (shared corpus)', () => {
  it('cp-helm-charts issue 461: topic in the name, OneMinuteRate values used as rates', () => {
    const samples = parseScrape(readFixture('kafka-exporter-scrapes/03_cp-helm-charts-461_oneminuterate.txt'));
    const report = analyze(cpHelmFrames(samples));
    expect(report.topics.map((t) => t.name)).toEqual(['schemas']);
    expect(report.data.rawCounters).toBe(false);
    expect(report.cluster.totalRate).toBeCloseTo(4.519512298062532e-16);
    // Fetch and controller metrics left out; the request-handler pool read as an idle ratio.
    expect(report.data.seriesIgnored).toBe(2);
    expect(report.brokers[0].requestHandlerIdle).toBeCloseTo(0.9998, 3);
  });
});
