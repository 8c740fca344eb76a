/**
 * Runs every check on the model, in one place. A runner is a pure function of the model; the
 * registry (registry.ts) lists the ids and their order, the declarations (../thresholds.ts) their
 * thresholds. Messages-in checks run when the model has brokers; the other signals' checks run
 * whenever their role is present (a replication problem is a problem without messages-in too).
 */
import type { BrokerStatus, ConsumerGroupStat, HealthOptions } from '../types';
import type { SignalModel } from '../signals/signalModel';
import { append, CheckContext, CheckResult, result, worseStatus } from './context';
import { checkBrokerOverload, checkLowThroughput } from './throughput';
import { checkImbalance } from './imbalance';
import { checkTopicSkew } from './topicSkew';
import { checkBrokerStalledAndMissing, checkFreshness, checkSpikeAndDrop, Levels } from './trends';
import { checkBytesImbalance } from './bytes';
import { checkRequestHandlers } from './requestHandlers';
import { checkActiveControllers, checkOfflinePartitions, checkUnderReplicated } from './replication';

export interface Model {
  options: HealthOptions;
  signals: SignalModel;
  /** Messages-in, when there are brokers: what the messages-in checks read. */
  messages?: { ctx: CheckContext; levels: Levels & { sigma: number } };
  /** Brokers taking traffic now (undefined without messages-in: every broker with bytes counts). */
  live?: ReadonlySet<string>;
  /** Consumer groups with their lag statuses, and the consumer-lag finding. */
  lag: { groups: ConsumerGroupStat[]; check: CheckResult };
}

type Runner = (m: Model) => CheckResult;

const withMessages =
  (run: (messages: NonNullable<Model['messages']>) => CheckResult): Runner =>
  (m) =>
    m.messages ? run(m.messages) : result();

const RUNNERS: Runner[] = [
  withMessages(({ ctx }) => checkLowThroughput(ctx)),
  withMessages(({ ctx }) => checkBrokerOverload(ctx)),
  withMessages(({ ctx }) => checkImbalance(ctx)),
  withMessages(({ ctx }) => checkTopicSkew(ctx)),
  withMessages(({ ctx, levels }) => checkSpikeAndDrop(ctx, levels)),
  withMessages(({ ctx }) => checkBrokerStalledAndMissing(ctx)),
  withMessages(({ ctx }) => checkFreshness(ctx)),
  (m) => checkBytesImbalance('in', m.signals.inRates, m.options, m.live),
  (m) => checkBytesImbalance('out', m.signals.outRates, m.options, m.live),
  (m) => checkRequestHandlers(m.signals.idle, m.options.thresholds.requestHandlerIdle, m.signals.idleDoubleCounted),
  (m) => checkUnderReplicated(m.signals.underReplicated, m.options.thresholds.underReplicatedMinutes),
  (m) => checkOfflinePartitions(m.signals.offline),
  (m) => checkActiveControllers(m.signals.controllers),
  (m) => m.lag.check,
];

/** Every check's findings and not-evaluated reasons. */
export function runChecks(model: Model): CheckResult & { statuses: Map<string, BrokerStatus> } {
  const out = { ...result(), statuses: new Map<string, BrokerStatus>() };
  for (const run of RUNNERS) {
    const r = run(model);
    for (const [broker, status] of r.statuses ?? []) {
      out.statuses.set(broker, worseStatus(out.statuses.get(broker) ?? 'ok', status));
    }
    append(out.findings, r.findings);
    append(out.notEvaluated, r.notEvaluated);
  }
  return out;
}
