import type { LevelThresholds, RateReducer } from '../analysis';

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
}

export interface LabelOptions {
  /** 'auto' or a label name. */
  broker: string;
  topic: string;
  /** '' recognises the known messages-in spellings. */
  metricName: string;
  rateReducer: RateReducer;
}

export interface DisplayOptions {
  showFigures: boolean;
  showBrokers: boolean;
  showTopics: boolean;
  showFindings: boolean;
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
