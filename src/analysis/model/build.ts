/**
 * Builds the one model an analysis judges (model.ts): the messages-in series read and prepared,
 * one time grid for every role, freshness, the brokers, topics and cluster figures, the levels,
 * the other signals and the consumer groups. Nothing here judges: statuses beyond the facts
 * (missing, stalled) and every finding come from the checks.
 */
import type { BrokerStat, BrokerStatus, ClusterStat, HealthOptions, TopicBrokerStat, TopicStat } from '../types';
import { compareNames } from '../names';
import { spreadAround } from '../stats';
import type { ExtractedSeries } from '../read/extractSeries';
import { prepareSeries, UNLABELLED_BROKER } from './prepare';
import { quietBrokers } from './quietBrokers';
import { Axis, buildAxis, timeGrid, TimeGrid } from './timeline';
import { assessFreshness, Freshness } from './freshness';
import { rateExtremes, takesTraffic } from '../live';
import { aggregate, BrokerTimeline, clusterTimeline, reduceRate, TopicRates } from './aggregate';
import { brokerTrend, BrokerTrend, clusterLevels } from './levels';
import { Model, recommendedQueryFor } from './model';
import { whenRead } from './lazy';
import { brokerFigures, buildSignals, SignalModel, splitByRole, topicMessageBytes } from '../signals/signalModel';
import { consumerGroups } from '../signals/consumerGroups';

/** Steps of the span a level before is read from: the option's minutes, and never under 4 steps. */
function spanSteps(axis: Axis, options: HealthOptions): number {
  return axis.step > 0 ? Math.max(4, (options.shiftMinutes * 60_000) / axis.step) : 4;
}

/** Baseline and recent window both need a few steps before medians mean anything. */
const MIN_TREND_STEPS = 6;

const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);

/** The report's series: null for a step without data. A plain loop: Array.from with a callback costs 3× as much here. */
function toNullable(values: Float64Array): Array<number | null> {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? v : null;
  }
  return out;
}

/**
 * What the model knows of a broker before any check: missing (stale) or stalled, else ok. Hot,
 * idle and overloaded are the checks' to give (runChecks), and the report takes the worst.
 */
function factOf(missing: boolean, trend: BrokerTrend | undefined): BrokerStatus {
  return missing ? 'missing' : trend?.stalled ? 'stalled' : 'ok';
}

function buildBrokers(
  timelines: BrokerTimeline[],
  axis: Axis,
  options: HealthOptions,
  trendsEvaluable: boolean,
  freshness: Freshness,
  signals: SignalModel
): { brokers: BrokerStat[]; cluster: ClusterStat; values: Float64Array[]; nameRank: Int32Array } {
  const identity = Int32Array.from({ length: axis.times.length }, (_, i) => i);
  const span = spanSteps(axis, options);
  const trends = timelines.map((t) =>
    trendsEvaluable ? brokerTrend(t.values, axis.recentStart, options.minRate, span) : undefined
  );
  const missing = timelines.map((t) => freshness.stale.has(t.name));
  // A broker that fell silent carries nothing now, whatever the reducer says about the past.
  const rates = timelines.map((t, i) =>
    missing[i] ? 0 : reduceRate(t.values, identity, axis.freshStart, options.rateReducer)
  );
  // The balance is judged over the brokers taking traffic now: a missing or stalled broker has its
  // own critical finding, and the others are not "hot" because one died.
  const reporting = missing.map((m, i) => !m && !trends[i]?.stalled);
  const reportingRates = rates.filter((_, i) => reporting[i]);
  const total = rates.reduce((a, b) => a + b, 0);
  const count = reportingRates.length;
  const { mean, deviation } = spreadAround(reportingRates);
  let brokers = timelines.map((t, i): BrokerStat => {
    const dev = reporting[i] ? deviation(rates[i]) : 0;
    const trend = trends[i];
    const stat: BrokerStat = {
      name: t.name,
      rate: rates[i],
      share: total > 0 ? rates[i] / total : 0,
      deviation: dev,
      status: factOf(missing[i], trend),
      topicCount: t.topicCount,
      fromAllTopicsSeries: t.fromAllTopicsSeries,
      // A missing broker's last figures are stale: its row shows none, and since when it is silent.
      ...(missing[i]
        ? { silentSince: freshness.judgeAt - freshness.stale.get(t.name)! }
        : brokerFigures(signals, t.name, rates[i])),
    };
    if (axis.kind === 'range') {
      // Built when read: the table shows the rows in view (a thousand brokers at times), and the
      // checks read the model's typed timelines.
      whenRead<BrokerStat, 'series'>(stat, 'series', () => toNullable(t.values));
      if (trend) {
        stat.baseline = Number.isFinite(trend.baseline) ? trend.baseline : undefined;
        stat.recent = Number.isFinite(trend.recent) ? trend.recent : undefined;
      }
    }
    return stat;
  });
  // By name, each broker's timeline beside it.
  const order = brokers.map((_, i) => i).sort((a, b) => compareNames(brokers[a].name, brokers[b].name));
  const values = order.map((i) => timelines[i].values);
  // Each timeline's place in that order: the topics break ties by it.
  const nameRank = new Int32Array(order.length);
  order.forEach((i, r) => (nameRank[i] = r));
  brokers = order.map((i) => brokers[i]);
  const live = brokers.filter(takesTraffic);
  const { min, max } = rateExtremes(brokers);
  const cluster: ClusterStat = {
    totalRate: total,
    avgPerBroker: mean,
    minRate: min?.rate ?? 0,
    maxRate: max?.rate ?? 0,
    minBroker: min?.name,
    maxBroker: max?.name,
    // Reporting now: a stalled broker still reports (0 msg/s); only a missing one is not counted.
    brokerCount: missing.filter((m) => !m).length,
    brokersSeen: brokers.length,
    topicCount: 0,
    // A loop, not Math.max(...spread): a spread of 120k brokers overflows the call stack.
    imbalance: count >= 2 ? live.reduce((m, b) => Math.max(m, Math.abs(b.deviation)), 0) : 0,
  };
  return { brokers, cluster, values, nameRank };
}

/**
 * The topics with their brokers, busiest first. A broker that stopped reporting (`gone`) carries
 * nothing now, in the topics as in its own row.
 */
function buildTopics(
  { topics: names, start, broker, rate: rates }: TopicRates,
  timelines: BrokerTimeline[],
  /** Each timeline's place in name order: ties (brokers at 0 msg/s, mostly) go by name. */
  rank: Int32Array,
  gone: ReadonlyMap<string, unknown>,
  cluster: ClusterStat,
  signals: SignalModel
): TopicStat[] {
  const kept = timelines.map((t) => !gone.has(t.name));
  // Signs rather than differences: a comparator returning a double boxes it, 100k times over.
  const byRateThenName = (a: number, b: number) =>
    rates[a] > rates[b] ? -1 : rates[a] < rates[b] ? 1 : rank[broker[a]] - rank[broker[b]];
  const brokersOf = (t: number, rate: number): TopicBrokerStat[] => {
    const order: number[] = [];
    for (let k = start[t]; k < start[t + 1]; k++) {
      if (kept[broker[k]]) {
        order.push(k);
      }
    }
    order.sort(byRateThenName);
    return order.map((k) => ({
      name: timelines[broker[k]].name,
      rate: rates[k],
      share: rate > 0 ? rates[k] / rate : 0,
    }));
  };
  const topics: TopicStat[] = new Array(names.length);
  for (let t = 0; t < names.length; t++) {
    let rate = 0;
    let top = -Infinity;
    for (let k = start[t]; k < start[t + 1]; k++) {
      if (kept[broker[k]]) {
        rate += rates[k];
        top = rates[k] > top ? rates[k] : top;
      }
    }
    // Built when read: a panel shows a few topics' brokers, the checks the skewed topics' top one.
    topics[t] = whenRead<TopicStat, 'brokers'>(
      {
        name: names[t],
        rate,
        share: cluster.totalRate > 0 ? rate / cluster.totalRate : 0,
        // The top broker's share, as the sorted list will have it first.
        maxBrokerShare: top > -Infinity && rate > 0 ? top / rate : 0,
        // The topic-skew check says which are skewed.
        skewed: false,
        brokers: [],
        avgMessageBytes: topicMessageBytes(signals, names[t], rate),
      },
      'brokers',
      () => brokersOf(t, rate)
    );
  }
  return topics.sort((a, b) => b.rate - a.rate || byName(a, b));
}

function isAllZero(timelines: BrokerTimeline[]): boolean {
  for (const t of timelines) {
    for (let i = 0; i < t.values.length; i++) {
      const v = t.values[i];
      if (Number.isFinite(v) && v !== 0) {
        return false;
      }
    }
  }
  return true;
}

/** One cluster's model from its series. */
export function buildModel(extracted: ExtractedSeries, options: HealthOptions): Model {
  const split = splitByRole(extracted.series, extracted.queries, extracted.messagesInOnly);
  // Fields listed, not `...options`: a spread copy gets a hidden class of its own every call, and
  // V8 threw prepareSeries' optimized code away each time (docs/benchmark.md, seventh round).
  const read = prepareSeries(split.messagesIn, {
    metricName: options.metricName,
    brokerLabel: options.brokerLabel,
    topicLabel: options.topicLabel,
    queries: extracted.queries,
    // The reader's names of the messages-in series (absent for one cluster's share of them).
    labelNames: extracted.messageLabelNames,
  });
  // Brokers that report other signals but take no messages are brokers at 0 msg/s.
  const quiet = quietBrokers(split.byRole, read.rates, read.broker.label);
  const prepared = quiet.length > 0 ? { ...read, rates: [...read.rates, ...quiet] } : read;
  // One grid for every role; the judge time moves to the latest data when everything lags alike.
  const baseGrid = timeGrid(extracted.series, {
    timeRange: options.timeRange,
    now: options.now,
    recentMs: options.recentMinutes * 60_000,
    interval: extracted.interval,
  });
  const freshness = assessFreshness(prepared.rates, baseGrid);
  // (Fields listed for the same reason.)
  const grid: TimeGrid = {
    kind: baseGrid.kind,
    origin: baseGrid.origin,
    step: baseGrid.step,
    latest: baseGrid.latest,
    judgeAt: freshness.judgeAt,
    recentMs: baseGrid.recentMs,
  };
  const reading = {
    prepared,
    seriesRead: split.messagesIn.length,
    notices: extracted.notices,
    query: recommendedQueryFor(prepared),
    unlabelled: prepared.rates.some((r) => r.broker === UNLABELLED_BROKER),
    refIds: extracted.refIds,
  };
  // Every role beyond messages-in, on the same grid, before any check runs.
  const signals = buildSignals(split, options, prepared.broker.label, grid);

  if (prepared.rates.length === 0) {
    // Without messages-in there are no brokers to attach figures to, but replication, controller
    // and consumer-lag problems are still problems.
    return { options, reading, signals, groups: consumerGroups(signals.lag, [], signals.partitionLag) };
  }

  const axis = buildAxis(prepared.rates, grid);
  const { brokers: timelines, topicRates } = aggregate(prepared.rates, axis, options.rateReducer);
  const trendsEvaluable =
    axis.kind === 'range' && axis.times.length >= MIN_TREND_STEPS && axis.recentStart >= MIN_TREND_STEPS / 2;
  const { brokers, cluster, values, nameRank } = buildBrokers(
    timelines,
    axis,
    options,
    trendsEvaluable,
    freshness,
    signals
  );
  const topics = buildTopics(topicRates, timelines, nameRank, freshness.stale, cluster, signals);
  cluster.topicCount = topics.length;

  const clusterValues = axis.kind === 'range' ? clusterTimeline(timelines, axis.times.length) : undefined;
  const levels =
    clusterValues && trendsEvaluable
      ? clusterLevels(clusterValues, axis.recentStart, spanSteps(axis, options))
      : undefined;
  if (clusterValues) {
    cluster.series = toNullable(clusterValues);
  }
  if (levels) {
    cluster.baseline = Number.isFinite(levels.baseline) ? levels.baseline : undefined;
    cluster.recent = Number.isFinite(levels.recent) ? levels.recent : undefined;
  }

  const reporting = brokers.filter(takesTraffic);
  const groups = consumerGroups(signals.lag, topics, signals.partitionLag);
  const model: Model = {
    options,
    reading,
    signals,
    messages: {
      axis,
      brokers,
      timelines: values,
      reporting,
      cluster,
      topics,
      trendsEvaluable,
      levels: levels ?? { baseline: NaN, recent: NaN, sigma: 0 },
      brokerLabel: prepared.broker.label,
      freshness,
      allZero: isAllZero(timelines),
    },
    live: new Set(reporting.map((b) => b.name)),
    groups,
  };
  return model;
}
