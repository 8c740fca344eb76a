import type { LevelThresholds, MetricRole, RateReducer } from '../analysis';

/** Bump with every change to the saved shape, and teach `migrateOptions` the step. */
export const OPTIONS_VERSION = 1;

export type BrokerSort = 'worst' | 'name' | 'rate' | 'deviation';

export interface ThresholdOptions {
  imbalance: LevelThresholds;
  lowThroughput: LevelThresholds;
  brokerOverload: LevelThresholds;
  drop: LevelThresholds;
  spikeFactor: number;
  topicSkew: number;
  minRate: number;
  /** Floor pair for the request-handler idle ratio (0–1). */
  requestHandlerIdle: LevelThresholds;
  underReplicatedMinutes: number;
  consumerLagFloor: number;
  /** Minutes "now" looks at: the recent window. */
  recentMinutes: number;
  /** Minutes of the level before a shift, that drop, spike and stall compare the present with. */
  shiftMinutes: number;
}

/** The thresholds that are one number (the others are warning/critical pairs). */
export type NumberThresholdKey =
  | 'spikeFactor'
  | 'topicSkew'
  | 'minRate'
  | 'underReplicatedMinutes'
  | 'consumerLagFloor'
  | 'recentMinutes'
  | 'shiftMinutes';

export interface LabelOptions {
  /** 'auto' or a label name. */
  broker: string;
  topic: string;
  /** '' recognises the known messages-in spellings. */
  metricName: string;
  rateReducer: RateReducer;
  /** refId → role, for queries whose metric name the data no longer carries. */
  roles: Record<string, MetricRole>;
  /** 'auto', 'none' or a label name telling clusters apart. */
  cluster: string;
}

export interface DisplayOptions {
  showFigures: boolean;
  showBrokers: boolean;
  showTopics: boolean;
  showFindings: boolean;
  showConsumerGroups: boolean;
  topTopics: number;
  brokerSort: BrokerSort;
  compact: boolean;
}

/** Saved panel options (what a dashboard JSON holds). */
export interface PanelOptions {
  version: number;
  thresholds: ThresholdOptions;
  labels: LabelOptions;
  display: DisplayOptions;
}
