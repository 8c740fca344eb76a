/**
 * Everything beyond messages-in: splits the series by role, builds the per-broker figures and
 * runs the checks of those roles. analyze() calls it with the messages-in results it has.
 */
import type { BrokerStat, Finding, HealthOptions, MetricRole, NotEvaluated, SignalsSummary, TopicStat } from '../types';
import type { RawSeries } from '../read/series';
import type { TimeGrid } from '../model/timeline';
import { takesTraffic } from '../live';
import { byteRates, gaugeSums, groupLags, idleRatios, latest, summarizeRoles, Timelines } from './brokerSignals';
import { brokerByteRates, checkBytesImbalance } from '../checks/bytes';
import {
  checkActiveControllers,
  checkOfflinePartitions,
  checkUnderReplicated,
  offlineTimeline,
} from '../checks/replication';
import { checkRequestHandlers } from '../checks/requestHandlers';
import { consumerGroups } from '../checks/consumerLag';
import type { CheckResult } from '../checks/context';

export interface SplitSeries {
  messagesIn: RawSeries[];
  byRole: Map<MetricRole, RawSeries[]>;
  /** Query text per refId, where Grafana reported it (units are sometimes only visible there). */
  queries: Readonly<Record<string, string>>;
}

/** Series of unknown role stay with messages-in, which reads them as before (or lists them as ignored). */
export function splitByRole(series: RawSeries[], queries: Readonly<Record<string, string>> = {}): SplitSeries {
  const byRole = new Map<MetricRole, RawSeries[]>();
  const messagesIn: RawSeries[] = [];
  for (const s of series) {
    const role = s.role;
    if (!role || role === 'messagesIn') {
      messagesIn.push(s);
    } else {
      (byRole.get(role) ?? byRole.set(role, []).get(role)!).push(s);
    }
  }
  return { messagesIn, byRole, queries };
}

export interface SignalsResult {
  summary: SignalsSummary;
  findings: Finding[];
  notEvaluated: NotEvaluated[];
}

/** A broker's latest fresh value in a role's timelines; NaN when it has none (or only a stale one). */
function latestOf(t: Timelines | undefined, broker: string): number {
  const values = t?.byName.get(broker);
  if (!t || !values) {
    return NaN;
  }
  for (let i = values.length - 1; i >= t.axis.freshStart; i--) {
    if (Number.isFinite(values[i])) {
      return values[i];
    }
  }
  return NaN;
}

function finiteOrUndefined(v: number): number | undefined {
  return Number.isFinite(v) ? v : undefined;
}

function sumLatest(t: Timelines | undefined): number | undefined {
  if (!t) {
    return undefined;
  }
  let sum = 0;
  let any = false;
  for (const values of t.byName.values()) {
    const v = latest(values);
    if (Number.isFinite(v)) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : undefined;
}

/**
 * Adds the per-broker figures to `brokers` (in place: the report's broker rows) and returns the
 * findings of the extra roles.
 */
export function evaluateSignals(
  split: SplitSeries,
  messagesInSeriesCount: number,
  brokers: BrokerStat[],
  topics: TopicStat[],
  options: HealthOptions,
  brokerLabel: string | undefined,
  grid: TimeGrid
): SignalsResult {
  const get = (role: MetricRole) => split.byRole.get(role) ?? [];
  const bytesIn = get('bytesIn').length
    ? byteRates(get('bytesIn'), options, brokerLabel, grid, split.queries)
    : undefined;
  const bytesOut = get('bytesOut').length
    ? byteRates(get('bytesOut'), options, brokerLabel, grid, split.queries)
    : undefined;
  const idleRead = get('requestHandlerIdle').length
    ? idleRatios(get('requestHandlerIdle'), options, brokerLabel, grid, split.queries)
    : undefined;
  const idle = idleRead?.timelines;
  const urp = get('underReplicated').length ? gaugeSums(get('underReplicated'), options, brokerLabel, grid) : undefined;
  const offline = get('offlinePartitions').length
    ? gaugeSums(get('offlinePartitions'), options, brokerLabel, grid)
    : undefined;
  const controllers = get('activeControllers').length
    ? gaugeSums(get('activeControllers'), options, brokerLabel, grid)
    : undefined;
  const lag = get('consumerLag').length ? groupLags(get('consumerLag'), options, grid) : undefined;

  const inRates = brokerByteRates(bytesIn, options);
  const outRates = brokerByteRates(bytesOut, options);
  for (const b of brokers) {
    if (inRates.has(b.name)) {
      b.bytesIn = inRates.get(b.name);
      b.avgMessageBytes = b.rate > 0 ? b.bytesIn! / b.rate : undefined;
    }
    if (outRates.has(b.name)) {
      b.bytesOut = outRates.get(b.name);
    }
    const idleNow = latestOf(idle, b.name);
    if (Number.isFinite(idleNow)) {
      b.requestHandlerIdle = idleNow;
    }
    const urpNow = latestOf(urp, b.name);
    if (Number.isFinite(urpNow)) {
      b.underReplicated = urpNow;
    }
  }

  // Per topic too, when the bytes-in query keeps the topic label.
  if (bytesIn && bytesIn.topics.size > 0) {
    const topicBytes = new Map<string, number>();
    for (const perTopic of bytesIn.topics.values()) {
      for (const [topic, rate] of perTopic) {
        topicBytes.set(topic, (topicBytes.get(topic) ?? 0) + rate);
      }
    }
    for (const t of topics) {
      const bytes = topicBytes.get(t.name);
      if (bytes !== undefined && t.rate > 0) {
        t.avgMessageBytes = bytes / t.rate;
      }
    }
  }

  const lagResult = consumerGroups(lag, topics, options);
  const live = brokers.length ? new Set(brokers.filter(takesTraffic).map((b) => b.name)) : undefined;
  const results: CheckResult[] = [
    checkBytesImbalance('in', inRates, options, live),
    checkBytesImbalance('out', outRates, options, live),
    checkRequestHandlers(idle, options.thresholds.requestHandlerIdle, idleRead?.doubleCounted),
    checkUnderReplicated(urp, options.thresholds.underReplicatedMinutes),
    checkOfflinePartitions(offline),
    checkActiveControllers(controllers),
    lagResult.check,
  ];
  const roles = summarizeRoles(split.byRole);
  if (messagesInSeriesCount > 0) {
    roles.unshift({
      role: 'messagesIn',
      series: messagesInSeriesCount,
      refIds: Array.from(new Set(split.messagesIn.map((s) => s.refId))).sort(),
    });
  }
  return {
    summary: {
      roles,
      underReplicated: sumLatest(urp),
      offlinePartitions: offline ? finiteOrUndefined(latest(offlineTimeline(offline))) : undefined,
      activeControllers: sumLatest(controllers),
      consumerGroups: lagResult.groups,
    },
    findings: results.flatMap((r) => r.findings),
    notEvaluated: results.flatMap((r) => r.notEvaluated),
  };
}

export function emptySignals(): SignalsSummary {
  return { roles: [], consumerGroups: [] };
}
