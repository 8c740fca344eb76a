/**
 * Grafana's visualization suggestions: the panel is offered when the query returns Kafka broker
 * metrics. The supplier is a function (Grafana 12.4+ calls it with a data summary) that also has
 * `getSuggestionsForData` (earlier versions hand it a builder), so every supported Grafana gets
 * the same suggestion and none fails on the other shape.
 */
import type { PanelDataSummary, VisualizationSuggestion, VisualizationSuggestionsSupplier } from '@grafana/data';
import { t } from '@grafana/i18n';
import { glanceAtKafkaData } from './analysis';
import { DEFAULT_OPTIONS, PanelOptions } from './options';
import { PLUGIN_ID } from './i18n';

/** VisualizationSuggestionScore: Best and Good (the enum's values, so older runtimes need not export it). */
const BEST = 100;
const GOOD = 70;

export function kafkaSuggestions(summary: PanelDataSummary | undefined): Array<VisualizationSuggestion<PanelOptions>> {
  const glance = glanceAtKafkaData(summary?.rawFrames);
  if (!summary?.hasData || !(glance.messagesIn || glance.kafkaMetric || glance.brokerAndTopic)) {
    return [];
  }
  return [
    {
      name: t('suggestions.name', 'Kafka broker health'),
      description: t(
        'suggestions.description',
        'Is the Kafka cluster healthy now, and if not, why: verdict, reasons and advice, per broker and topic.'
      ),
      options: DEFAULT_OPTIONS,
      // Messages in is what the verdict is built on; other Kafka metrics alone are a good fit.
      score: glance.messagesIn ? BEST : GOOD,
      cardOptions: {
        // A small card: the verdict and the brokers, no figures, findings or topics.
        previewModifier: (s) => {
          s.options = {
            ...DEFAULT_OPTIONS,
            display: {
              ...DEFAULT_OPTIONS.display,
              showFigures: false,
              showFindings: false,
              showTopics: false,
              compact: true,
            },
          };
        },
      },
    },
  ];
}

/** The builder Grafana before 12.4 hands a supplier (its class is deprecated in @grafana/data). */
export interface LegacySuggestionsBuilder {
  dataSummary: PanelDataSummary;
  getListAppender: (defaults: {
    name: string;
    pluginId: string;
    options: object;
    fieldConfig: { defaults: object; overrides: unknown[] };
  }) => { append: (suggestion: VisualizationSuggestion) => void };
}

type Supplier = VisualizationSuggestionsSupplier<PanelOptions> & {
  getSuggestionsForData: (builder: LegacySuggestionsBuilder) => void;
};

export const suggestionsSupplier: Supplier = Object.assign((summary: PanelDataSummary) => kafkaSuggestions(summary), {
  getSuggestionsForData: (builder: LegacySuggestionsBuilder) => {
    const appender = builder.getListAppender({
      name: '',
      pluginId: PLUGIN_ID,
      options: {},
      fieldConfig: { defaults: {}, overrides: [] },
    });
    for (const s of kafkaSuggestions(builder.dataSummary)) {
      appender.append(s as VisualizationSuggestion);
    }
  },
});
