import type { DataFrame, DataFrameJSON } from '@grafana/data';
import type {
  BrokerStat,
  BrokerStatus,
  ClusterStat,
  DataSummary,
  HealthOptions,
  HealthOptionsInput,
  HealthReport,
  TopicStat,
} from './types';
import { resolveOptions } from './options';
import { compareNames } from './names';
import { spreadAround } from './stats';
import { ExtractedSeries, extractSeries } from './read/extractSeries';
import { mergeClusterReports, splitClusters } from './clusters';
import { prepareSeries, PreparedSeries, UNLABELLED_BROKER } from './model/prepare';
import { Axis, buildAxis, timeGrid, TimeGrid } from './model/timeline';
import { assessFreshness, Freshness, lastSeenByBroker } from './model/freshness';
import { rateExtremes, takesTraffic } from './live';
import { aggregate, BrokerTimeline, clusterTimeline, reduceRate } from './model/aggregate';
import { worseStatus } from './checks/context';
import { brokerTrend, BrokerTrend, clusterLevels } from './model/levels';
import { Model, recommendedQueryFor } from './model/model';
import { orderFindings, verdictOf } from './findings';
import {
  brokerFigures,
  buildSignals,
  emptySignals,
  SignalModel,
  signalsSummary,
  splitByRole,
  topicMessageBytes,
} from './signals/signalModel';
import { consumerGroups, judgedGroups } from './signals/consumerGroups';
import { runChecks } from './checks/run';
import { judgesSignals } from './checks/registry';
import { say } from './messages';

/** Steps of the span a level before is read from: the option's minutes, and never under 4 steps. */
function spanSteps(axis: Axis, options: HealthOptions): number {
  return axis.step > 0 ? Math.max(4, (options.shiftMinutes * 60_000) / axis.step) : 4;
}

/** Baseline and recent window both need a few steps before medians mean anything. */
const MIN_TREND_STEPS = 6;

const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);

function toNullable(values: Float64Array): Array<number | null> {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

function emptyCluster(): ClusterStat {
  return {
    totalRate: 0,
    avgPerBroker: 0,
    minRate: 0,
    maxRate: 0,
    brokerCount: 0,
    brokersSeen: 0,
    topicCount: 0,
    imbalance: 0,
  };
}

function summary(
  prepared: PreparedSeries | undefined,
  kind: DataSummary['kind'],
  notices: string[],
  refIds: string[]
): DataSummary {
  return {
    kind,
    seriesUsed: prepared?.rates.length ?? 0,
    seriesIgnored: prepared?.ignoredCount ?? 0,
    ignored: prepared?.ignored ?? [],
    brokerLabel: prepared?.broker.label,
    topicLabel: prepared?.topic.label,
    metricNames: prepared?.metricNames ?? [],
    rawCounters: (prepared?.counterCount ?? 0) > 0,
    notices,
    refIds,
  };
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
): { brokers: BrokerStat[]; cluster: ClusterStat } {
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
  const brokers = timelines.map((t, i): BrokerStat => {
    const dev = reporting[i] ? deviation(rates[i]) : 0;
    const trend = trends[i];
    const stat: BrokerStat = {
      name: t.name,
      rate: rates[i],
      share: total > 0 ? rates[i] / total : 0,
      deviation: dev,
      status: factOf(missing[i], trend),
      topicCount: t.topics.size,
      fromAllTopicsSeries: t.fromAllTopicsSeries,
      ...brokerFigures(signals, t.name, rates[i]),
    };
    if (axis.kind === 'range') {
      stat.series = toNullable(t.values);
      if (trend) {
        stat.baseline = Number.isFinite(trend.baseline) ? trend.baseline : undefined;
        stat.recent = Number.isFinite(trend.recent) ? trend.recent : undefined;
      }
    }
    return stat;
  });
  brokers.sort(byName);
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
  return { brokers, cluster };
}

function buildTopics(
  topicBrokerRates: Map<string, Map<string, number>>,
  cluster: ClusterStat,
  signals: SignalModel
): TopicStat[] {
  const topics = Array.from(topicBrokerRates.entries()).map(([name, perBroker]): TopicStat => {
    const rate = Array.from(perBroker.values()).reduce((a, b) => a + b, 0);
    const brokers = Array.from(perBroker.entries())
      .map(([broker, r]) => ({ name: broker, rate: r, share: rate > 0 ? r / rate : 0 }))
      .sort((a, b) => b.rate - a.rate || byName(a, b));
    const share = cluster.totalRate > 0 ? rate / cluster.totalRate : 0;
    const maxBrokerShare = brokers.length ? brokers[0].share : 0;
    return {
      name,
      rate,
      share,
      maxBrokerShare,
      // The topic-skew check says which are skewed.
      skewed: false,
      brokers,
      avgMessageBytes: topicMessageBytes(signals, name, rate),
    };
  });
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

function analyzeUnsafe(frames: readonly unknown[], input?: HealthOptionsInput | null): HealthReport {
  const options = resolveOptions(input);
  const extracted = extractSeries(frames, options.roles);
  const clusters = splitClusters(extracted, options);
  if (clusters) {
    return mergeClusterReports(
      clusters.label,
      clusters.parts.map((p) => ({ name: p.name, report: analyzeOne(p.extracted, options) }))
    );
  }
  return analyzeOne(extracted, options);
}

/** One cluster's report from its series: the model, then the checks, then the report. */
function analyzeOne(extracted: ExtractedSeries, options: HealthOptions): HealthReport {
  const split = splitByRole(extracted.series, extracted.queries);
  const prepared = prepareSeries(split.messagesIn, { ...options, queries: extracted.queries });
  // One grid for every role; the judge time moves to the latest data when everything lags alike.
  const baseGrid = timeGrid(extracted.series, {
    timeRange: options.timeRange,
    now: options.now,
    recentMs: options.recentMinutes * 60_000,
    interval: extracted.interval,
  });
  const freshness = assessFreshness(lastSeenByBroker(prepared.rates), baseGrid);
  const grid: TimeGrid = { ...baseGrid, judgeAt: freshness.judgeAt };
  const reading = {
    prepared,
    seriesRead: split.messagesIn.length,
    notices: extracted.notices,
    query: recommendedQueryFor(prepared),
    unlabelled: prepared.rates.some((r) => r.broker === UNLABELLED_BROKER),
  };
  // Every role beyond messages-in, on the same grid, before any check runs.
  const signals = buildSignals(split, options, prepared.broker.label, grid);

  if (prepared.rates.length === 0) {
    // Without messages-in there are no brokers to attach figures to, but replication, controller
    // and consumer-lag problems are still problems.
    const groups = consumerGroups(signals.lag, []);
    const checked = runChecks({ options, reading, signals, groups });
    // Without brokers the verdict is NO DATA unless another signal has a problem: the remarks on
    // how the data was read (raw counters, labels) explain the NO DATA, they do not replace it.
    const serious = checked.findings.filter((f) => f.severity !== 'info' && judgesSignals(f.check));
    return {
      verdict: serious.length ? verdictOf(serious) : 'nodata',
      signals: signalsSummary(signals, 0, judgedGroups(groups, checked.groupStatuses)),
      findings: orderFindings(checked.findings),
      cluster: emptyCluster(),
      brokers: [],
      topics: [],
      notEvaluated: checked.notEvaluated,
      data: summary(prepared, 'none', extracted.notices, extracted.refIds),
    };
  }

  const axis = buildAxis(prepared.rates, grid);
  const { brokers: timelines, topicBrokerRates } = aggregate(prepared.rates, axis, options.rateReducer);
  const trendsEvaluable =
    axis.kind === 'range' && axis.times.length >= MIN_TREND_STEPS && axis.recentStart >= MIN_TREND_STEPS / 2;
  const { brokers, cluster } = buildBrokers(timelines, axis, options, trendsEvaluable, freshness, signals);
  const topics = buildTopics(topicBrokerRates, cluster, signals);
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
  const groups = consumerGroups(signals.lag, topics);
  const model: Model = {
    options,
    reading,
    signals,
    messages: {
      axis,
      brokers,
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
  const checked = runChecks(model);

  // The report: the model's rows with the statuses the checks gave them (the worst, for a broker).
  const judged = brokers.map((b) => {
    const status = worseStatus(b.status, checked.statuses.get(b.name) ?? 'ok');
    return status === b.status ? b : { ...b, status };
  });
  const ordered = orderFindings(checked.findings);
  return {
    verdict: verdictOf(ordered),
    signals: signalsSummary(signals, prepared.rates.length, judgedGroups(groups, checked.groupStatuses)),
    findings: ordered,
    cluster,
    brokers: judged,
    topics: topics.map((t) => (checked.skewedTopics.has(t.name) ? { ...t, skewed: true } : t)),
    notEvaluated: checked.notEvaluated,
    timeline:
      axis.kind === 'range'
        ? { times: Array.from(axis.times), step: axis.step, recentStart: axis.recentStart, judgeAt: axis.judgeAt }
        : undefined,
    data: summary(prepared, axis.kind, extracted.notices, extracted.refIds),
  };
}

/**
 * Judges the health of a Kafka cluster from the frames of a Grafana panel.
 *
 * Accepts Grafana DataFrames, plain look-alikes (snapshots) and DataFrameJSON. Never throws:
 * input it cannot read becomes a finding.
 */
export function analyze(
  frames: ReadonlyArray<DataFrame | DataFrameJSON> | readonly unknown[],
  options?: HealthOptionsInput | null
): HealthReport {
  try {
    return analyzeUnsafe(Array.isArray(frames) ? frames : [], options);
  } catch (e) {
    // Last line of defence: the panel must keep rendering whatever arrives.
    return {
      verdict: 'nodata',
      findings: [
        {
          check: 'analysis-error',
          severity: 'critical',
          ...say('analysis-error', { error: e instanceof Error ? e.message : String(e) }),
        },
      ],
      signals: emptySignals(),
      cluster: emptyCluster(),
      brokers: [],
      topics: [],
      notEvaluated: [],
      data: summary(undefined, 'none', [], []),
    };
  }
}
