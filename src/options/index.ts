import { FieldConfigProperty, PanelOptionsEditorBuilder, SetFieldConfigOptionsArgs } from '@grafana/data';
import { LabelEditor } from './editors/LabelEditor';
import { LevelsEditor } from './editors/LevelsEditor';
import { NumberEditor } from './editors/NumberEditor';
import { RolesEditor } from './editors/RolesEditor';
import { DEFAULT_OPTIONS } from './defaults';
import type { PanelOptions } from './types';
import { t } from '@grafana/i18n';
import { ALL_DECLARATIONS } from '../analysis';

const d = DEFAULT_OPTIONS;

/**
 * Every panel option, in one place. The Thresholds category comes from the declarations in
 * analysis/thresholds.ts: each one's editor, name, description, unit and default.
 */
export function buildPanelOptions(builder: PanelOptionsEditorBuilder<PanelOptions>) {
  // Built when Grafana opens the editor, after the translations loaded.
  const THRESHOLDS = [t('options.category.thresholds', 'Thresholds')];
  const LABELS = [t('options.category.labels', 'Labels and metric')];
  const DISPLAY = [t('options.category.display', 'Display')];
  for (const [key, declaration] of ALL_DECLARATIONS) {
    const { kind, unit, step } = declaration;
    builder.addCustomEditor({
      id: `thresholds.${key}`,
      path: `thresholds.${key}`,
      // The words of each declaration (analysis/thresholds.ts and the checks) are keyed by its option.
      name: t(`thresholds.${key}.name`, declaration.label),
      description: t(`thresholds.${key}.description`, declaration.description),
      category: THRESHOLDS,
      editor: kind === 'single' ? NumberEditor : LevelsEditor,
      settings: kind === 'single' ? { unit, step, positive: declaration.positive } : { kind, unit, step },
      defaultValue: d.thresholds[key],
    });
  }

  builder
    .addCustomEditor({
      id: 'labels.broker',
      path: 'labels.broker',
      name: t('options.labels.broker.name', 'Broker label'),
      description: t('options.labels.broker.description', 'Label that names the broker.'),
      category: LABELS,
      editor: LabelEditor,
      settings: {
        autoDescription: t(
          'options.labels.broker.auto',
          'First of broker_id, broker, kubernetes_pod_name, pod, instance, host'
        ),
      },
      defaultValue: d.labels.broker,
    })
    .addCustomEditor({
      id: 'labels.topic',
      path: 'labels.topic',
      name: t('options.labels.topic.name', 'Topic label'),
      description: t('options.labels.topic.description', 'Label that names the topic.'),
      category: LABELS,
      editor: LabelEditor,
      settings: { autoDescription: t('options.labels.topic.auto', 'topic, or redpanda_topic') },
      defaultValue: d.labels.topic,
    })
    .addCustomEditor({
      id: 'labels.cluster',
      path: 'labels.cluster',
      name: t('options.labels.cluster.name', 'Cluster label'),
      description: t(
        'options.labels.cluster.description',
        'Label telling Kafka clusters apart when one query holds several: each is judged on its own, the verdict is the worst.'
      ),
      category: LABELS,
      editor: LabelEditor,
      settings: {
        autoDescription: t(
          'options.labels.cluster.auto',
          'cluster, kafka_cluster, strimzi_io_cluster, env, environment, namespace or job, when broker names repeat across its values'
        ),
        noneDescription: t('options.labels.cluster.none', 'One cluster: never split'),
      },
      defaultValue: d.labels.cluster,
    })
    .addCustomEditor({
      id: 'labels.roles',
      path: 'labels.roles',
      name: t('options.labels.roles.name', 'Query roles'),
      description: t(
        'options.labels.roles.description',
        'What each query measures. Auto recognises the metric name, or the query text Grafana reports; set it when neither tells.'
      ),
      category: LABELS,
      editor: RolesEditor,
      defaultValue: d.labels.roles,
    })
    .addTextInput({
      path: 'labels.metricName',
      name: t('options.labels.metricName.name', 'Metric name'),
      description: t(
        'options.labels.metricName.description',
        'Analyse only this metric (a recording rule, a custom exporter rule). Empty recognises the known MessagesInPerSec spellings.'
      ),
      category: LABELS,
      defaultValue: d.labels.metricName,
      settings: { placeholder: t('options.labels.metricName.placeholder', 'auto') },
    })
    .addRadio({
      path: 'labels.rateReducer',
      name: t('options.labels.rateReducer.name', 'Current rate'),
      description: t(
        'options.labels.rateReducer.description',
        'How a range is reduced to the current rate of a broker or topic.'
      ),
      category: LABELS,
      defaultValue: d.labels.rateReducer,
      settings: {
        options: [
          {
            value: 'last',
            label: t('options.labels.rateReducer.last', 'Last'),
            description: t('options.labels.rateReducer.last-description', 'Last value in the recent window'),
          },
          {
            value: 'mean',
            label: t('options.labels.rateReducer.mean', 'Mean'),
            description: t('options.labels.rateReducer.mean-description', 'Mean over the time range'),
          },
          {
            value: 'max',
            label: t('options.labels.rateReducer.max', 'Max'),
            description: t('options.labels.rateReducer.max-description', 'Maximum over the time range'),
          },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'display.showFigures',
      name: t('options.display.showFigures.name', 'Key figures'),
      category: DISPLAY,
      defaultValue: d.display.showFigures,
    })
    .addBooleanSwitch({
      path: 'display.showFindings',
      name: t('options.display.showFindings.name', 'Findings'),
      category: DISPLAY,
      defaultValue: d.display.showFindings,
    })
    .addBooleanSwitch({
      path: 'display.showBrokers',
      name: t('options.display.showBrokers.name', 'Brokers'),
      category: DISPLAY,
      defaultValue: d.display.showBrokers,
    })
    .addBooleanSwitch({
      path: 'display.showTopics',
      name: t('options.display.showTopics.name', 'Topics'),
      category: DISPLAY,
      defaultValue: d.display.showTopics,
    })
    .addBooleanSwitch({
      path: 'display.showConsumerGroups',
      name: t('options.display.showConsumerGroups.name', 'Consumer groups'),
      description: t(
        'options.display.showConsumerGroups.description',
        'Shown when the panel has a consumer-lag query.'
      ),
      category: DISPLAY,
      defaultValue: d.display.showConsumerGroups,
    })
    .addSliderInput({
      path: 'display.topTopics',
      name: t('options.display.topTopics.name', 'Top topics'),
      description: t('options.display.topTopics.description', 'How many topics to list, busiest first.'),
      category: DISPLAY,
      defaultValue: d.display.topTopics,
      settings: { min: 1, max: 500, step: 1 },
      showIf: (o) => o.display?.showTopics !== false,
    })
    .addSelect({
      path: 'display.brokerSort',
      name: t('options.display.brokerSort.name', 'Sort brokers by'),
      category: DISPLAY,
      defaultValue: d.display.brokerSort,
      settings: {
        options: [
          { value: 'worst', label: t('options.display.brokerSort.worst', 'Worst first') },
          { value: 'name', label: t('options.display.brokerSort.name-option', 'Name') },
          { value: 'rate', label: t('options.display.brokerSort.rate', 'Rate') },
          { value: 'deviation', label: t('options.display.brokerSort.deviation', 'Deviation') },
        ],
      },
      showIf: (o) => o.display?.showBrokers !== false,
    })
    .addBooleanSwitch({
      path: 'display.compact',
      name: t('options.display.compact.name', 'Compact'),
      description: t('options.display.compact.description', 'Denser rows and no sparklines.'),
      category: DISPLAY,
      defaultValue: d.display.compact,
    });
  return builder;
}

/** Standard options: unit (messages/sec by default), decimals and data links; nothing else applies. */
export const fieldConfigOptions: SetFieldConfigOptionsArgs = {
  standardOptions: {
    [FieldConfigProperty.Unit]: { defaultValue: 'mps' },
    [FieldConfigProperty.Decimals]: {},
    [FieldConfigProperty.Links]: {},
  },
  disableStandardOptions: [
    FieldConfigProperty.Min,
    FieldConfigProperty.Max,
    FieldConfigProperty.Color,
    FieldConfigProperty.Thresholds,
    FieldConfigProperty.Mappings,
    FieldConfigProperty.NoValue,
    FieldConfigProperty.DisplayName,
    FieldConfigProperty.FieldMinMax,
    FieldConfigProperty.Actions,
  ],
};

export { DEFAULT_OPTIONS } from './defaults';
export { migrateOptions, panelMigrationHandler, shouldMigrate } from './migrate';
export { toAnalysisOptions } from './toAnalysisOptions';
export type { PanelOptions, BrokerSort } from './types';
