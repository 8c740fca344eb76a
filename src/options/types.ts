import type { HealthThresholds, LevelThresholds, MetricRole, RateReducer, SharedSettings } from '../analysis';

/** Bump with every change to the saved shape, and teach `migrateOptions` the step. */
export const OPTIONS_VERSION = 1;

export type BrokerSort = 'worst' | 'name' | 'rate' | 'deviation';

/** The Thresholds category: every declared threshold and shared setting (analysis/thresholds.ts). */
export type ThresholdOptions = HealthThresholds & SharedSettings;

/** The declared keys whose value is a warning/critical pair. */
export type LevelKey = {
  [K in keyof ThresholdOptions]: ThresholdOptions[K] extends LevelThresholds ? K : never;
}[keyof ThresholdOptions];

/** The declared keys whose value is one number. */
export type NumberThresholdKey = Exclude<keyof ThresholdOptions, LevelKey>;

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
