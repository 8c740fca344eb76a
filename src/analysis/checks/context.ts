/** What a check returns, and the small helpers checks share. */
import type { BrokerStatus, CheckId, ConsumerGroupStatus, Finding, NotEvaluated } from '../types';
import { RELATIVE_SLACK } from '../stats';

export interface CheckResult {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  /** The statuses this check gives brokers (hot, idle, overloaded, …): a broker's status comes from its checks. */
  statuses?: Map<string, BrokerStatus>;
  /** Topics it calls skewed (the topic table marks them). */
  skewedTopics?: readonly string[];
  /** The statuses it gives consumer groups. */
  groupStatuses?: Map<string, ConsumerGroupStatus>;
}

export function result(
  findings: Finding[] = [],
  notEvaluated: NotEvaluated[] = [],
  statuses?: Map<string, BrokerStatus>
): CheckResult {
  return statuses ? { findings, notEvaluated, statuses } : { findings, notEvaluated };
}

/** Which status shows when several checks give a broker one: the most serious (and the table's worst-first order). */
export const STATUS_RANK: Record<BrokerStatus, number> = {
  missing: 0,
  stalled: 1,
  'log-dir-offline': 2,
  'disk-full': 3,
  overloaded: 4,
  saturated: 5,
  'under-replicated': 6,
  slow: 7,
  hot: 8,
  idle: 9,
  ok: 10,
};

export function worseStatus(a: BrokerStatus, b: BrokerStatus): BrokerStatus {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

/** push(...items) passes every item as an argument: 150k per-broker findings overflow the stack. */
export function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) {
    to.push(item);
  }
}

export function skipped(check: CheckId, reason: string): CheckResult {
  return { findings: [], notEvaluated: [{ check, reason }] };
}

/** A finding when there is one, else nothing. */
export function single(finding: Finding | undefined): CheckResult {
  return result(finding ? [finding] : []);
}

/** value ≥ threshold, forgiving floating-point rounding. */
export function reaches(value: number, threshold: number): boolean {
  return value >= threshold * (1 - RELATIVE_SLACK);
}

/** Severity for a value that must stay below ceilings; 0 switches a level off. */
export function aboveCeiling(value: number, warning: number, critical: number): 'warning' | 'critical' | undefined {
  if (critical > 0 && reaches(value, critical)) {
    return 'critical';
  }
  if (warning > 0 && reaches(value, warning)) {
    return 'warning';
  }
  return undefined;
}
