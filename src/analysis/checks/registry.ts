/**
 * Every check the analysis can report, one line each. The order is the order of findings within
 * a severity: data problems first (they undermine everything else), then the cluster as a whole,
 * then single brokers, groups and topics, then remarks about how the data was read.
 *
 * Derived from this list: `CheckId`, the finding order and units, the thresholds (thresholds.ts:
 * their defaults, validation, the panel's editors and migration), and the README check table test.
 */
import type { Check, CheckScope, FindingUnit } from './check';
import { analysisError } from './data/analysisError';
import { noData } from './data/noData';
import { rawCounter } from './data/rawCounter';
import { invalidValues } from './data/invalidValues';
import { allZero } from './data/allZero';
import { labelNotFound } from './data/labelNotFound';
import { clusterSilent } from './clusterSilent';
import { dataDelayed } from './dataDelayed';
import { offlinePartitions } from './offlinePartitions';
import { activeControllers } from './activeControllers';
import { uncleanElections } from './uncleanElections';
import { drop } from './drop';
import { spike } from './spike';
import { lowThroughput } from './lowThroughput';
import { brokerMissing } from './brokerMissing';
import { brokerStalled } from './brokerStalled';
import { brokerOverload } from './brokerOverload';
import { underReplicated } from './underReplicated';
import { isrChurn } from './isrChurn';
import { underMinIsr } from './underMinIsr';
import { offlineLogDirs } from './offlineLogDirs';
import { requestHandlers } from './requestHandlers';
import { networkProcessors } from './networkProcessors';
import { requestLatency } from './requestLatency';
import { imbalance } from './imbalance';
import { preferredLeaderImbalance } from './preferredLeaderImbalance';
import { leaderSkew } from './leaderSkew';
import { partitionSkew } from './partitionSkew';
import { bytesImbalance } from './bytesImbalance';
import { storageSkew } from './storageSkew';
import { diskUsage } from './diskUsage';
import { consumerLag } from './consumerLag';
import { topicSkew } from './topicSkew';
import { clusterTotal } from './data/clusterTotal';
import { noBrokerLabel } from './data/noBrokerLabel';
import { ignoredSeries } from './data/ignoredSeries';
import { queryNotice } from './data/queryNotice';

export type { FindingUnit, CheckScope };

export const CHECKS = [
  analysisError,
  noData,
  rawCounter,
  invalidValues,
  allZero,
  labelNotFound,
  clusterSilent,
  dataDelayed,
  offlinePartitions,
  activeControllers,
  uncleanElections,
  drop,
  spike,
  lowThroughput,
  brokerMissing,
  brokerStalled,
  brokerOverload,
  offlineLogDirs,
  diskUsage,
  underMinIsr,
  isrChurn,
  underReplicated,
  requestHandlers,
  networkProcessors,
  requestLatency,
  preferredLeaderImbalance,
  leaderSkew,
  partitionSkew,
  imbalance,
  bytesImbalance,
  storageSkew,
  consumerLag,
  topicSkew,
  clusterTotal,
  noBrokerLabel,
  ignoredSeries,
  queryNotice,
] as const;

export type CheckId = (typeof CHECKS)[number]['id'];

/** Every check as the runner sees it. */
export const ALL_CHECKS: readonly Check[] = CHECKS;

const UNITS: Readonly<Record<string, FindingUnit | undefined>> = Object.fromEntries(
  ALL_CHECKS.map((c) => [c.id, c.unit])
);

/** The finding with the unit its check declares. */
export function withUnit<F extends { check: CheckId; unit?: FindingUnit }>(finding: F): F {
  const unit = UNITS[finding.check];
  return unit && finding.unit !== unit ? { ...finding, unit } : finding;
}

/** Position of each check in the finding order. */
export const CHECK_RANK: Readonly<Record<CheckId, number>> = Object.fromEntries(
  CHECKS.map((c, i) => [c.id, i])
) as Record<CheckId, number>;

const SIGNAL_CHECKS = new Set<string>(ALL_CHECKS.filter((c) => c.roles.length > 0).map((c) => c.id));

/** Whether a check judges Kafka signals (rather than how the data was read). */
export function judgesSignals(id: CheckId): boolean {
  return SIGNAL_CHECKS.has(id);
}
