import { DEFAULT_HEALTH_OPTIONS } from '../analysis';
import { DisplayOptions, LabelOptions, OPTIONS_VERSION, PanelOptions, ThresholdOptions } from './types';

const t = DEFAULT_HEALTH_OPTIONS.thresholds;

/** Panel defaults mirror the analysis defaults, so the README's numbers hold for both. */
export const DEFAULT_THRESHOLDS: ThresholdOptions = {
  imbalance: { ...t.imbalance },
  lowThroughput: { ...t.lowThroughput },
  brokerOverload: { ...t.brokerOverload },
  drop: { ...t.drop },
  spikeFactor: t.spikeFactor,
  topicSkew: t.topicSkew,
  minRate: DEFAULT_HEALTH_OPTIONS.minRate,
  requestHandlerIdle: { ...t.requestHandlerIdle },
  underReplicatedMinutes: t.underReplicatedMinutes,
  consumerLagFloor: t.consumerLagFloor,
  recentMinutes: DEFAULT_HEALTH_OPTIONS.recentMinutes,
  shiftMinutes: DEFAULT_HEALTH_OPTIONS.shiftMinutes,
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
