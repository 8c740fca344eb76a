import type { BrokerStat, ClusterStat, Finding, HealthOptions, NotEvaluated, TopicStat } from '../types';
import type { Axis } from '../model/timeline';
import type { Freshness } from '../model/freshness';
import { RELATIVE_SLACK } from '../stats';

/** What every check reads. Checks are pure functions of this and return findings. */
export interface CheckContext {
  options: HealthOptions;
  axis: Axis;
  brokers: BrokerStat[];
  /** Brokers with data in the recent window (all brokers for instant data). */
  reporting: BrokerStat[];
  cluster: ClusterStat;
  topics: TopicStat[];
  /** Whether the range is long enough for baseline-versus-recent comparisons. */
  trendsEvaluable: boolean;
  /** The broker label in use, for suggestions. */
  brokerLabel?: string;
  /** Who reports now, and whether the whole cluster is silent or lagging. */
  freshness: Freshness;
}

export interface CheckResult {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
}

export function result(findings: Finding[] = [], notEvaluated: NotEvaluated[] = []): CheckResult {
  return { findings, notEvaluated };
}

export function skipped(check: NotEvaluated['check'], reason: string): CheckResult {
  return { findings: [], notEvaluated: [{ check, reason }] };
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
