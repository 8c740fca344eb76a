/**
 * What a check is: one module declaring its id, what its findings are about, the signal roles it
 * reads, the thresholds it owns, and `evaluate` — a pure function of the model. The registry
 * (registry.ts) lists the checks; `CheckId`, the finding order, the finding units, the thresholds
 * and everything derived from them (defaults, validation, editors, migration) come from that list.
 * A check's words live in ../messages.ts, keyed by its id, so they can be translated.
 */
import type { MetricRole } from '../types';
import type { Declarations, ValuesOf } from '../declarations';
import type { SharedSettingKey } from '../thresholds';
import type { Model } from '../model/model';
import type { CheckResult } from './context';
import type { History } from '../history';

/** rate: msg/s in the panel's unit; fraction: 0–1 shown as a percentage; duration: ms of time passing; latency: ms a request takes. */
export type FindingUnit = 'rate' | 'fraction' | 'count' | 'factor' | 'duration' | 'latency';

/** What a finding is about. */
export type CheckScope = 'data' | 'cluster' | 'broker' | 'topic' | 'group';

export interface Check<Id extends string = string, T extends Declarations = Declarations> {
  id: Id;
  scope: CheckScope;
  /** One line: what it judges (the README's check table). */
  summary: string;
  /** How its findings' value and threshold read (the panel formats them with Grafana's units). */
  unit?: FindingUnit;
  /**
   * The signals it reads: it runs when the model holds at least one of them. None: it reads how
   * the data was read, and always runs.
   */
  roles: readonly MetricRole[];
  /** The thresholds it owns (or shares with another check, by importing that check's declaration). */
  thresholds: T;
  /**
   * Checks whose findings follow from this one's, in the same cluster (`cluster`) or only about
   * the same subject (`subject`): a broker that is down explains the under-replicated partitions
   * of the others; a hot broker explains its own bytes imbalance. The report lists those findings
   * as effects under this one (../incidents.ts) instead of as alarms of their own.
   */
  explains?: Readonly<Record<string, 'cluster' | 'subject'>>;
  /** The shared settings (thresholds.ts) it reads, for the documentation. */
  settings?: readonly SharedSettingKey[];
  /**
   * What it would have found at each step of the range, for the health timeline (../history.ts):
   * a state code per step of the messages-in axis, per broker or for the cluster.
   */
  history?(model: Model, thresholds: ValuesOf<T>): History;
  /** Findings, statuses and not-evaluated reasons, from the model and the check's threshold values. */
  evaluate(model: Model, thresholds: ValuesOf<T>): CheckResult;
}

/** A check, with its id and thresholds kept as literal types (so the registry can derive from them). */
export function defineCheck<const Id extends string, const T extends Declarations = Record<never, never>>(
  check: Check<Id, T>
): Check<Id, T> {
  return check;
}
