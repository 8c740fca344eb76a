import { getPanelDataSummary, toDataFrame } from '@grafana/data';
import pluginJson from './plugin.json';
import { rangeFrame, stepTimes } from './analysis/testkit/frames';
import { plugin } from './plugin';
import { LegacySuggestionsBuilder, suggestionsSupplier } from './suggestions';

const times = stepTimes(10);
const series = (labels: Record<string, string>, query?: string) => {
  const frame = rangeFrame(
    labels,
    times,
    times.map(() => 5)
  );
  if (query) {
    frame.meta = { ...frame.meta, executedQueryString: `Expr: ${query}\nStep: 15s` };
  }
  return toDataFrame(frame);
};

describe('visualization suggestions', () => {
  // What Grafana's loader sets from plugin.json.
  beforeAll(() => {
    plugin.meta = { ...plugin.meta, id: pluginJson.id, name: pluginJson.name } as typeof plugin.meta;
  });

  it('offer the panel first for messages in, by metric name or by the query text', () => {
    for (const frames of [
      [series({ __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'kafka-1', topic: 'orders' })],
      [
        series(
          { instance: 'kafka-1' },
          'sum by (instance) (rate(kafka_server_brokertopicmetrics_messagesin_total[1m]))'
        ),
      ],
    ]) {
      const [s, ...rest] = plugin.getSuggestions(getPanelDataSummary(frames)) ?? [];
      expect(rest).toEqual([]);
      expect(s).toMatchObject({ pluginId: 'kafkalens-brokerhealth-panel', score: 100, name: 'Kafka broker health' });
      expect(s.options).toMatchObject({ version: 1, display: expect.objectContaining({ showBrokers: true }) });
      // The card is a small preview: the verdict and the brokers.
      s.cardOptions!.previewModifier!(s);
      expect(s.options!.display).toMatchObject({ compact: true, showTopics: false, showFindings: false });
    }
  });

  it('offer it as a good fit for other Kafka metrics, or series with a broker and a topic', () => {
    for (const frames of [
      [series({ __name__: 'kafka_server_replicamanager_underreplicatedpartitions', instance: 'kafka-1' })],
      [series({ pod: 'kafka-0', topic: 'orders' })],
    ]) {
      expect(plugin.getSuggestions(getPanelDataSummary(frames))?.map((s) => s.score)).toEqual([70]);
    }
  });

  it('stay out of the way for other data, and for none', () => {
    expect(plugin.getSuggestions(getPanelDataSummary([series({ __name__: 'go_goroutines', job: 'x' })]))).toEqual([]);
    expect(plugin.getSuggestions(getPanelDataSummary([]))).toEqual([]);
  });

  it('answer the builder interface of earlier Grafana versions the same way', () => {
    const frames = [series({ __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'kafka-1' })];
    // The builder of Grafana before 12.4 (no longer exported at runtime): a summary, and appenders
    // that add each suggestion over the defaults they were created with.
    const list: object[] = [];
    const builder = {
      dataSummary: getPanelDataSummary(frames),
      getListAppender: (defaults: object) => ({ append: (s: object) => list.push({ ...defaults, ...s }) }),
    } as unknown as LegacySuggestionsBuilder;
    suggestionsSupplier.getSuggestionsForData(builder);
    expect(list).toEqual([
      expect.objectContaining({ pluginId: 'kafkalens-brokerhealth-panel', score: 100, name: 'Kafka broker health' }),
    ]);
  });
});
