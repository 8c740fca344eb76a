import {
  DEFAULT_HEALTH_OPTIONS,
  defaultThresholds,
  SHARED_SETTINGS,
  SharedSettingKey,
  SharedSettings,
} from '../analysis';
import { DisplayOptions, LabelOptions, OPTIONS_VERSION, PanelOptions, ThresholdOptions } from './types';

/** Panel defaults are the analysis defaults (declared in analysis/thresholds.ts), so the README's numbers hold for both. */
export const DEFAULT_THRESHOLDS: ThresholdOptions = {
  ...defaultThresholds(),
  ...(Object.fromEntries(
    (Object.keys(SHARED_SETTINGS) as SharedSettingKey[]).map((k) => [k, DEFAULT_HEALTH_OPTIONS[k]])
  ) as SharedSettings),
};

export const DEFAULT_LABELS: LabelOptions = {
  broker: 'auto',
  topic: 'auto',
  metricName: '',
  rateReducer: DEFAULT_HEALTH_OPTIONS.rateReducer,
  roles: {},
  cluster: DEFAULT_HEALTH_OPTIONS.clusterLabel,
};

export const DEFAULT_DISPLAY: DisplayOptions = {
  showFigures: true,
  showBrokers: true,
  showTopics: true,
  showFindings: true,
  showConsumerGroups: true,
  topTopics: 20,
  brokerSort: 'worst',
  compact: false,
};

export const DEFAULT_OPTIONS: PanelOptions = {
  version: OPTIONS_VERSION,
  thresholds: DEFAULT_THRESHOLDS,
  labels: DEFAULT_LABELS,
  display: DEFAULT_DISPLAY,
};
