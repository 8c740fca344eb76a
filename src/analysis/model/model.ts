/**
 * The one model an analysis builds (analyze.ts) before any check runs: how the data was read,
 * every role's timelines on one grid, and — when there are messages-in brokers — the brokers,
 * topics, cluster figures, freshness and levels. Checks read it and never add to it.
 */
import type { BrokerStat, ClusterStat, HealthOptions, TopicStat } from '../types';
import type { PreparedSeries } from './prepare';
import type { Axis } from './timeline';
import type { Freshness } from './freshness';
import type { Levels } from './levels';
import type { SignalModel } from '../signals/signalModel';
import type { GroupModel } from '../signals/consumerGroups';
import { recommendedQuery } from '../promql';

/** How the messages-in data was read: what the data checks judge. */
export interface Reading {
  prepared: PreparedSeries;
  /** Messages-in series read, before any was left out. */
  seriesRead: number;
  /** What the data source said about the queries. */
  notices: string[];
  /** The query the suggestions recommend, for the labels in use. */
  query: string;
  /** Some series carry no broker label (shown as one group). */
  unlabelled: boolean;
  /** The queries (refIds) the data came from. */
  refIds: string[];
}

/** The messages-in part of the model. */
export interface MessagesModel {
  axis: Axis;
  brokers: BrokerStat[];
  /**
   * Each broker's messages in per step of the axis (NaN: no sample), in the order of `brokers`:
   * what the checks read (a broker's `series` in the report is built from it when read).
   */
  timelines: readonly Float64Array[];
  /** Brokers taking traffic now (neither missing nor stalled). */
  reporting: BrokerStat[];
  cluster: ClusterStat;
  topics: TopicStat[];
  /** Whether the range is long enough to compare a level before with the present. */
  trendsEvaluable: boolean;
  /** The cluster's present level and the level before its latest abrupt change. */
  levels: Levels & { sigma: number };
  /** The broker label in use, for suggestions. */
  brokerLabel?: string;
  /** Who reports now, and whether the whole cluster is silent or lagging. */
  freshness: Freshness;
  /** Every broker at 0 over the whole range. */
  allZero: boolean;
}

export interface Model {
  options: HealthOptions;
  reading: Reading;
  signals: SignalModel;
  /** Present when there are messages-in brokers. */
  messages?: MessagesModel;
  /** Brokers taking traffic now; undefined without messages-in (then every broker with bytes counts). */
  live?: ReadonlySet<string>;
  groups: GroupModel[];
}

export function recommendedQueryFor(prepared: PreparedSeries): string {
  const metric = prepared.metricNames.find((n) => /(_total|_count)$/.test(n));
  return recommendedQuery({ brokerLabel: prepared.broker.label, topicLabel: prepared.topic.label, metric });
}

const NO_STEPS = new Float64Array(0);

/** Broker k's messages in per step on a range axis (NaN: no sample); no steps on an instant one. */
export function stepRates(messages: MessagesModel, k: number): Float64Array {
  return messages.axis.kind === 'range' ? messages.timelines[k] : NO_STEPS;
}
