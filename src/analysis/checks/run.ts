/**
 * Runs every registered check on the model, in one place. A check runs when the model holds one
 * of the roles it reads (a replication problem is a problem without messages-in too); checks that
 * read how the data was read always run. Each gets its own threshold values.
 */
import type { BrokerStatus, ConsumerGroupStatus, MetricRole } from '../types';
import type { Model } from '../model/model';
import type { Check } from './check';
import type { ValuesOf } from '../declarations';
import { ALL_CHECKS } from './registry';
import { append, CheckResult, worseStatus } from './context';
import type { History } from '../history';

const PRESENT: Record<MetricRole, (m: Model) => boolean> = {
  messagesIn: (m) => m.messages !== undefined,
  bytesIn: (m) => m.signals.bytesIn !== undefined,
  bytesOut: (m) => m.signals.bytesOut !== undefined,
  requestHandlerIdle: (m) => m.signals.idle !== undefined || m.signals.idleDoubleCounted !== undefined,
  underReplicated: (m) => m.signals.underReplicated !== undefined,
  networkProcessorIdle: (m) => m.signals.networkIdle !== undefined,
  underMinIsr: (m) => m.signals.underMinIsr !== undefined,
  offlineLogDirs: (m) => m.signals.offlineLogDirs !== undefined,
  offlinePartitions: (m) => m.signals.offline !== undefined,
  leaderCount: (m) => m.signals.leaders !== undefined,
  partitionCount: (m) => m.signals.partitions !== undefined,
  preferredReplicaImbalance: (m) => m.signals.preferredImbalance !== undefined,
  uncleanElections: (m) => m.signals.uncleanElections !== undefined,
  isrShrinks: (m) => m.signals.isrShrinks !== undefined,
  isrExpands: (m) => m.signals.isrExpands !== undefined,
  requestLatency: (m) => m.signals.latency !== undefined,
  logSize: (m) => m.signals.logSize !== undefined,
  diskUsage: (m) => m.signals.diskUsage !== undefined || m.signals.diskNotFraction !== undefined,
  activeControllers: (m) => m.signals.controllers !== undefined,
  consumerLag: (m) => m.signals.lag !== undefined,
  partitionOffsets: (m) => m.signals.lag !== undefined && m.signals.partitionLag !== undefined,
};

function runs(check: Check, model: Model): boolean {
  return check.roles.length === 0 || check.roles.some((role) => PRESENT[role](model));
}

export interface Checked {
  findings: CheckResult['findings'];
  notEvaluated: CheckResult['notEvaluated'];
  statuses: Map<string, BrokerStatus>;
  skewedTopics: Set<string>;
  groupStatuses: Map<string, ConsumerGroupStatus>;
  /** What the checks that keep one say about each step of the range. */
  histories: History[];
}

/** Every check's findings, not-evaluated reasons and statuses (the worst a subject was given). */
export function runChecks(model: Model, checks: readonly Check[] = ALL_CHECKS): Checked {
  const out: Checked = {
    findings: [],
    notEvaluated: [],
    statuses: new Map(),
    skewedTopics: new Set(),
    groupStatuses: new Map(),
    histories: [],
  };
  // Every check's values come from the one resolved thresholds object; each reads its own keys.
  const thresholds = model.options.thresholds as unknown as ValuesOf<Check['thresholds']>;
  for (const check of checks) {
    if (!runs(check, model)) {
      continue;
    }
    const r = check.evaluate(model, thresholds);
    if (check.history && model.messages?.axis.kind === 'range') {
      out.histories.push(check.history(model, thresholds));
    }
    for (const [broker, status] of r.statuses ?? []) {
      out.statuses.set(broker, worseStatus(out.statuses.get(broker) ?? 'ok', status));
    }
    for (const topic of r.skewedTopics ?? []) {
      out.skewedTopics.add(topic);
    }
    for (const [group, status] of r.groupStatuses ?? []) {
      out.groupStatuses.set(group, status);
    }
    append(out.findings, r.findings);
    append(out.notEvaluated, r.notEvaluated);
  }
  return out;
}
