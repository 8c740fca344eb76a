/**
 * The report from the model and what the checks said: the model's rows with the statuses the
 * checks gave them, the findings in order, the verdict.
 */
import { copyWith } from './model/lazy';
import type { ClusterStat, DataSummary, HealthReport } from './types';
import type { PreparedSeries } from './model/prepare';
import type { Model } from './model/model';
import type { Checked } from './checks/run';
import { worseStatus } from './checks/context';
import { judgesSignals } from './checks/registry';
import { orderFindings, verdictOf } from './findings';
import { incidentsOf } from './incidents';
import { shortNames } from './names';
import { healthTimeline } from './history';
import { signalsSummary } from './signals/signalModel';
import { judgedGroups } from './signals/consumerGroups';

export function emptyCluster(): ClusterStat {
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

export function summary(
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

export function reportOf(model: Model, checked: Checked): HealthReport {
  const { reading, signals, messages } = model;
  const { prepared } = reading;
  const groups = judgedGroups(model.groups, checked.groupStatuses);
  const findings = orderFindings(checked.findings);
  if (!messages) {
    // Without brokers the verdict is NO DATA unless another signal has a problem: the remarks on
    // how the data was read (raw counters, labels) explain the NO DATA, they do not replace it.
    const serious = findings.filter((f) => f.severity !== 'info' && judgesSignals(f.check));
    return {
      verdict: serious.length ? verdictOf(serious) : 'nodata',
      signals: signalsSummary(signals, 0, groups),
      findings,
      incidents: incidentsOf(findings),
      cluster: emptyCluster(),
      brokers: [],
      topics: [],
      notEvaluated: checked.notEvaluated,
      data: summary(prepared, 'none', reading.notices, reading.refIds),
    };
  }
  const { axis, brokers, cluster, topics } = messages;
  const short = shortNames(brokers.map((b) => b.name));
  return {
    verdict: verdictOf(findings),
    signals: signalsSummary(signals, prepared.rates.length, groups),
    findings,
    incidents: incidentsOf(findings),
    cluster,
    // A broker's status is the worst its checks gave it (hot and idle from the imbalance check, …).
    brokers: brokers.map((b) => {
      const status = worseStatus(b.status, checked.statuses.get(b.name) ?? 'ok');
      const shortName = short.get(b.name);
      // A copy that leaves the step series unbuilt until something reads it (model/lazy.ts).
      return status === b.status && shortName === undefined
        ? b
        : copyWith(b, { status, ...(shortName ? { shortName } : {}) });
    }),
    topics: topics.map((t) => (checked.skewedTopics.has(t.name) ? copyWith(t, { skewed: true }) : t)),
    notEvaluated: checked.notEvaluated,
    health: healthTimeline(model, checked.histories),
    timeline:
      axis.kind === 'range'
        ? { times: Array.from(axis.times), step: axis.step, recentStart: axis.recentStart, judgeAt: axis.judgeAt }
        : undefined,
    data: summary(prepared, axis.kind, reading.notices, reading.refIds),
  };
}
