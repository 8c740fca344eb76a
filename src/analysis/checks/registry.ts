/**
 * Every check the analysis can report, in one list. Its order is the order of findings within a
 * severity: data problems first (they undermine everything else), then the cluster as a whole,
 * then single brokers and topics, then remarks about how the data was read. `CheckId` is derived
 * from this list, and the documentation test holds the README to it. A check's thresholds are
 * declared in ../thresholds.ts (each names the checks that read it).
 */
export interface CheckInfo {
  id: string;
  /** What the finding is about. */
  scope: 'data' | 'cluster' | 'broker' | 'topic' | 'group';
  /** One line: what it judges. */
  summary: string;
  /** How its findings' value and threshold read (the panel formats them with Grafana's units). */
  unit?: FindingUnit;
}

/** rate: msg/s in the panel's unit; fraction: 0–1 shown as a percentage; duration: ms. */
export type FindingUnit = 'rate' | 'fraction' | 'count' | 'factor' | 'duration';

export const CHECKS = [
  { id: 'analysis-error', scope: 'data', summary: 'the data could not be analysed at all' },
  { id: 'no-data', scope: 'data', summary: 'no usable messages-in series, and why' },
  { id: 'raw-counter', scope: 'data', summary: 'cumulative counts instead of rates' },
  { id: 'invalid-values', scope: 'data', summary: 'negative or absurd rates, left out of every figure', unit: 'count' },
  { id: 'all-zero', scope: 'data', summary: 'every broker at 0 msg/s over the whole range' },
  { id: 'label-not-found', scope: 'data', summary: 'a label chosen in the options that the data lacks' },
  {
    id: 'cluster-silent',
    scope: 'cluster',
    summary: 'no broker reports any more: the cluster or its scrape is down',
    unit: 'duration',
  },
  {
    id: 'data-delayed',
    scope: 'data',
    summary: 'every series lags alike: ingestion lag, judged at the latest data',
    unit: 'duration',
  },
  { id: 'offline-partitions', scope: 'cluster', summary: 'partitions without a leader', unit: 'count' },
  { id: 'active-controllers', scope: 'cluster', summary: 'not exactly one active controller', unit: 'count' },
  {
    id: 'drop',
    scope: 'cluster',
    summary: 'traffic fell against the level before the latest abrupt change',
    unit: 'fraction',
  },
  {
    id: 'spike',
    scope: 'cluster',
    summary: 'traffic jumped against the level before the latest abrupt change',
    unit: 'factor',
  },
  { id: 'low-throughput', scope: 'cluster', summary: 'average rate per broker below a floor', unit: 'rate' },
  { id: 'broker-missing', scope: 'broker', summary: 'a broker silent while the others report', unit: 'duration' },
  { id: 'broker-stalled', scope: 'broker', summary: 'a broker at ~0 now after carrying traffic', unit: 'rate' },
  { id: 'broker-overload', scope: 'broker', summary: "a broker's rate above its capacity", unit: 'rate' },
  {
    id: 'under-replicated',
    scope: 'broker',
    summary: 'under-replicated partitions, critical once they last',
    unit: 'count',
  },
  { id: 'request-handlers', scope: 'broker', summary: "a broker's request handlers rarely idle", unit: 'fraction' },
  { id: 'imbalance', scope: 'broker', summary: 'brokers taking traffic far from their mean', unit: 'fraction' },
  { id: 'bytes-imbalance', scope: 'broker', summary: 'the same for bytes in and out', unit: 'fraction' },
  {
    id: 'consumer-lag',
    scope: 'group',
    summary: "a consumer group's lag growing, or the group stalled",
    unit: 'count',
  },
  { id: 'topic-skew', scope: 'topic', summary: "a busy topic's traffic landing on one broker", unit: 'fraction' },
  {
    id: 'cluster-total',
    scope: 'data',
    summary: 'a cluster-total series disagreeing with the sum of the brokers',
    unit: 'fraction',
  },
  { id: 'no-broker-label', scope: 'data', summary: 'series without a broker label, shown as one group' },
  { id: 'ignored-series', scope: 'data', summary: 'series left out, with the reason', unit: 'count' },
  { id: 'query-notice', scope: 'data', summary: 'what the data source said about the query' },
] as const satisfies readonly CheckInfo[];

export type CheckId = (typeof CHECKS)[number]['id'];

const UNITS: Readonly<Record<string, FindingUnit | undefined>> = Object.fromEntries(
  CHECKS.map((c: CheckInfo) => [c.id, c.unit])
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
