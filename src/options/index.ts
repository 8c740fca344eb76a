import { FieldConfigProperty, PanelOptionsEditorBuilder, SetFieldConfigOptionsArgs } from '@grafana/data';
import { LabelEditor } from './editors/LabelEditor';
import { LevelsEditor } from './editors/LevelsEditor';
import { NumberEditor } from './editors/NumberEditor';
import { RolesEditor } from './editors/RolesEditor';
import { DEFAULT_OPTIONS } from './defaults';
import type { PanelOptions } from './types';
import { ALL_DECLARATIONS } from '../analysis';

const THRESHOLDS = ['Thresholds'];
const LABELS = ['Labels and metric'];
const DISPLAY = ['Display'];
const d = DEFAULT_OPTIONS;

/**
 * Every panel option, in one place. The Thresholds category comes from the declarations in
 * analysis/thresholds.ts: each one's editor, name, description, unit and default.
 */
export function buildPanelOptions(builder: PanelOptionsEditorBuilder<PanelOptions>) {
  for (const [key, declaration] of ALL_DECLARATIONS) {
    const { kind, unit, step } = declaration;
    builder.addCustomEditor({
      id: `thresholds.${key}`,
      path: `thresholds.${key}`,
      name: declaration.label,
      description: declaration.description,
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
      name: 'Broker label',
      description: 'Label that names the broker.',
      category: LABELS,
      editor: LabelEditor,
      settings: { autoDescription: 'First of broker_id, broker, kubernetes_pod_name, pod, instance, host' },
      defaultValue: d.labels.broker,
    })
    .addCustomEditor({
      id: 'labels.topic',
      path: 'labels.topic',
      name: 'Topic label',
      description: 'Label that names the topic.',
      category: LABELS,
      editor: LabelEditor,
      settings: { autoDescription: 'topic, or redpanda_topic' },
      defaultValue: d.labels.topic,
    })
    .addCustomEditor({
      id: 'labels.cluster',
      path: 'labels.cluster',
      name: 'Cluster label',
      description:
        'Label telling Kafka clusters apart when one query holds several: each is judged on its own, the verdict is the worst.',
      category: LABELS,
      editor: LabelEditor,
      settings: {
        autoDescription:
          'cluster, kafka_cluster, strimzi_io_cluster, env, environment, namespace or job, when broker names repeat across its values',
        noneDescription: 'One cluster: never split',
      },
      defaultValue: d.labels.cluster,
    })
    .addCustomEditor({
      id: 'labels.roles',
      path: 'labels.roles',
      name: 'Query roles',
      description:
        'What each query measures. Auto recognises the metric name, or the query text Grafana reports; set it when neither tells.',
      category: LABELS,
      editor: RolesEditor,
      defaultValue: d.labels.roles,
    })
    .addTextInput({
      path: 'labels.metricName',
      name: 'Metric name',
      description:
        'Analyse only this metric (a recording rule, a custom exporter rule). Empty recognises the known MessagesInPerSec spellings.',
      category: LABELS,
      defaultValue: d.labels.metricName,
      settings: { placeholder: 'auto' },
    })
    .addRadio({
      path: 'labels.rateReducer',
      name: 'Current rate',
      description: 'How a range is reduced to the current rate of a broker or topic.',
      category: LABELS,
      defaultValue: d.labels.rateReducer,
      settings: {
        options: [
          { value: 'last', label: 'Last', description: 'Last value in the recent window' },
          { value: 'mean', label: 'Mean', description: 'Mean over the time range' },
          { value: 'max', label: 'Max', description: 'Maximum over the time range' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'display.showFigures',
      name: 'Key figures',
      category: DISPLAY,
      defaultValue: d.display.showFigures,
    })
    .addBooleanSwitch({
      path: 'display.showFindings',
      name: 'Findings',
      category: DISPLAY,
      defaultValue: d.display.showFindings,
    })
    .addBooleanSwitch({
      path: 'display.showBrokers',
      name: 'Brokers',
      category: DISPLAY,
      defaultValue: d.display.showBrokers,
    })
    .addBooleanSwitch({
      path: 'display.showTopics',
      name: 'Topics',
      category: DISPLAY,
      defaultValue: d.display.showTopics,
    })
    .addBooleanSwitch({
      path: 'display.showConsumerGroups',
      name: 'Consumer groups',
      description: 'Shown when the panel has a consumer-lag query.',
      category: DISPLAY,
      defaultValue: d.display.showConsumerGroups,
    })
    .addSliderInput({
      path: 'display.topTopics',
      name: 'Top topics',
      description: 'How many topics to list, busiest first.',
      category: DISPLAY,
      defaultValue: d.display.topTopics,
      settings: { min: 1, max: 500, step: 1 },
      showIf: (o) => o.display?.showTopics !== false,
    })
    .addSelect({
      path: 'display.brokerSort',
      name: 'Sort brokers by',
      category: DISPLAY,
      defaultValue: d.display.brokerSort,
      settings: {
        options: [
          { value: 'worst', label: 'Worst first' },
          { value: 'name', label: 'Name' },
          { value: 'rate', label: 'Rate' },
          { value: 'deviation', label: 'Deviation' },
        ],
      },
      showIf: (o) => o.display?.showBrokers !== false,
    })
    .addBooleanSwitch({
      path: 'display.compact',
      name: 'Compact',
      description: 'Denser rows and no sparklines.',
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
