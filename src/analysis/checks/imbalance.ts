import { stepRates } from '../model/model';
import { formatRate } from '../format';
import { say } from '../messages';
import { aboveCeiling, CheckResult, result, skipped } from './context';
import { defineCheck } from './check';
import { farthestFromMean, RELATIVE_SLACK } from '../stats';
import { fell, ownChange, steady } from '../model/ownChange';
import type { BrokerStat, BrokerStatus } from '../types';
import { STATE } from '../history';
import { whyHot } from './whyHot';
import { PLACEMENT_SKEW } from './partitionSkew';
import { TOPIC_SKEW } from './topicSkew';

/** A broker that led nothing all along (a new or emptied broker): no leadership to hand back. */
function empty(b: BrokerStat): boolean {
  return b.rate === 0 && !(b.baseline !== undefined && b.baseline > 0);
}

/**
 * Hot and idle: the brokers at least `limit` off the mean. When a broker's own traffic fell, the
 * ones whose own rate did not change are not hot: they only sit above a mean that fell.
 */
function hotAndIdle(reporting: BrokerStat[], limit: number): Map<string, BrokerStatus> {
  const statuses = new Map<string, BrokerStatus>();
  const someoneFell = reporting.some((b) => fell(ownChange(b)));
  for (const b of reporting) {
    if (b.deviation <= -limit * (1 - RELATIVE_SLACK)) {
      statuses.set(b.name, 'idle');
    } else if (b.deviation >= limit * (1 - RELATIVE_SLACK) && !(someoneFell && steady(ownChange(b)))) {
      statuses.set(b.name, 'hot');
    }
  }
  return statuses;
}

/**
 * The broker that drives the imbalance: the one farthest from the mean — unless that one is above
 * the mean at its own unchanged rate while another broker's traffic fell; then the one that fell.
 */
function driver(reporting: BrokerStat[]): { subject: BrokerStat; fellBy?: number } {
  // Farthest from the mean; (near-)ties go to the one above it, then the first name.
  const farthest = farthestFromMean(reporting, (b) => b.deviation)!;
  const fallen = reporting.filter((b) => fell(ownChange(b)));
  const subject =
    farthest.deviation > 0 && steady(ownChange(farthest)) && fallen.length > 0
      ? fallen.reduce((a, b) => (ownChange(b) < ownChange(a) ? b : a))
      : farthest;
  const change = ownChange(subject);
  return { subject, fellBy: subject.deviation < 0 && fell(change) ? 1 - change : undefined };
}

/** The imbalance limits; bytes-imbalance judges with the same (./bytesImbalance.ts). */
/**
 * A broker's state at a step: how far its rate is off the step's mean, against the levels. At
 * module level, not a closure made per call: V8 compiled the history for the closure of the call it
 * saw and threw that code away at the next call's (a deoptimization per refresh while warming up).
 */
function stateOf(v: number, mean: number, warning: number, critical: number): number {
  const off = v !== v ? 0 : Math.abs(v - mean) / mean;
  return critical > 0 && off > critical ? STATE.critical : warning > 0 && off > warning ? STATE.warning : STATE.none;
}

export const IMBALANCE = {
  kind: 'ceiling',
  default: { warning: 0.25, critical: 0.5 },
  label: 'Imbalance',
  description: 'Max |broker rate − mean| ÷ mean across brokers. 0 disables a level.',
  step: 0.05,
} as const;

/**
 * `imbalance`: score = max over reporting brokers of |rate − mean| / mean. The subject is the
 * broker that drives it (see driver); brokers beyond the limit are "hot" above the mean and
 * "idle" below it.
 */
export const imbalance = defineCheck({
  id: 'imbalance',
  scope: 'broker',
  summary: 'brokers taking traffic far from their mean',
  unit: 'fraction',
  roles: ['messagesIn'],
  // A broker taking more (or fewer) messages than its peers takes more (or fewer) bytes too.
  explains: { 'bytes-imbalance': 'subject' },
  settings: ['minRate'],
  // Reads the placement and topic-skew levels to say why a broker is hot (whyHot.ts).
  thresholds: { imbalance: IMBALANCE, partitionSkew: PLACEMENT_SKEW, topicSkew: TOPIC_SKEW },
  // At each step: brokers far from that step's mean over the brokers reporting then.
  history: ({ messages, options }, { imbalance: { warning, critical } }) => {
    if (!messages || (warning <= 0 && critical <= 0)) {
      return {};
    }
    const steps = messages.axis.times.length;
    const rows = messages.brokers.map((_, k) => stepRates(messages, k));
    // Broker by broker, then step by step within each (not every broker at one step, then the
    // next step): each timeline is read in order, a thousand of them at times. The sums add the
    // brokers in the same order either way. The lowest and highest rate at each step too: see below.
    const sums = new Float64Array(steps);
    const counts = new Int32Array(steps);
    const lowest = new Float64Array(steps).fill(Infinity);
    const highest = new Float64Array(steps).fill(-Infinity);
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (v === v) {
          sums[i] += v;
          counts[i]++;
          lowest[i] = v < lowest[i] ? v : lowest[i];
          highest[i] = v > highest[i] ? v : highest[i];
        }
      }
    }
    // The steps where some broker is off the mean: a broker's distance from the mean grows the
    // farther its rate is from it, in floating point too (each operation rounds monotonically), so
    // when neither the lowest nor the highest rate of a step is off, none is. Each step's mean is
    // taken once; a step not judged (fewer than two brokers, below the minimum rate) is skipped.
    const means = new Float64Array(steps);
    const loud: number[] = [];
    for (let i = 0; i < steps; i++) {
      if (counts[i] < 2 || sums[i] < options.minRate) {
        continue;
      }
      const mean = sums[i] / counts[i];
      means[i] = mean;
      if (
        stateOf(lowest[i], mean, warning, critical) !== STATE.none ||
        stateOf(highest[i], mean, warning, critical) !== STATE.none
      ) {
        loud.push(i);
      }
    }
    // Rows listed only for brokers that were off the mean at some step (the timeline needs nothing
    // for the others), over one buffer made when the first is (one allocation, not one per broker).
    const brokers = new Map<string, Uint8Array>();
    if (loud.length === 0) {
      return { brokers };
    }
    const all = new Uint8Array(steps * rows.length);
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const states = all.subarray(k * steps, (k + 1) * steps);
      let marked = false;
      for (let j = 0; j < loud.length; j++) {
        const i = loud[j];
        const state = stateOf(row[i], means[i], warning, critical);
        if (state !== STATE.none) {
          states[i] = state;
          marked = true;
        }
      }
      if (marked) {
        brokers.set(messages.brokers[k].name, states);
      }
    }
    return { brokers };
  },
  evaluate(model, thresholds): CheckResult {
    const { messages, options } = model;
    const { warning, critical } = thresholds.imbalance;
    if (!messages) {
      return result();
    }
    if (warning <= 0 && critical <= 0) {
      return skipped('imbalance', 'disabled: no threshold set');
    }
    const { reporting, cluster } = messages;
    if (reporting.length < 2) {
      return skipped('imbalance', 'needs at least two reporting brokers');
    }
    // Per broker, not per cluster: a dev cluster trickling 1.4 msg/s in all is not out of balance.
    if (cluster.avgPerBroker < options.minRate || cluster.totalRate <= 0) {
      return skipped('imbalance', `average per broker below the minimum rate of ${formatRate(options.minRate)}`);
    }
    const score = cluster.imbalance;
    const statuses = hotAndIdle(reporting, warning > 0 ? warning : critical);
    const severity = aboveCeiling(score, warning, critical);
    if (!severity) {
      return result([], [], statuses);
    }
    const { subject, fellBy } = driver(reporting);
    const figures = {
      broker: subject.name,
      rate: subject.rate,
      mean: cluster.avgPerBroker,
      deviation: subject.deviation,
    };
    const hot = subject.deviation > 0 ? whyHot(model, subject.name, thresholds) : undefined;
    const said = hot
      ? hot.said(figures)
      : empty(subject)
        ? say('imbalance.empty', figures)
        : fellBy !== undefined
          ? say('imbalance.fell', { ...figures, fell: fellBy })
          : say('imbalance.idle', figures);
    return result(
      [
        {
          check: 'imbalance',
          severity,
          subject: subject.name,
          subjectKind: 'broker',
          ...said,
          value: score,
          threshold: severity === 'critical' ? critical : warning,
          ...(hot?.commands ? { commands: hot.commands } : {}),
        },
      ],
      [],
      statuses
    );
  },
});
