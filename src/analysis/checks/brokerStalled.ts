import { stepRates } from '../model/model';
import type { BrokerStatus, Finding } from '../types';
import { say } from '../messages';
import { nearZeroLimit } from '../model/levels';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';
import { STATE } from '../history';
import { median } from '../stats';

/**
 * `broker-stalled`: a broker at ~0 now (two samples or more) that carried traffic before its own
 * shift (model/levels.ts `stallOf`). It still reports, so it is not missing.
 */
export const brokerStalled = defineCheck({
  id: 'broker-stalled',
  scope: 'broker',
  summary: 'a broker at ~0 now after carrying traffic',
  unit: 'rate',
  roles: ['messagesIn'],
  // Its partitions' traffic moved elsewhere or stopped; a broker out of the ISR leaves the
  // leaders of its partitions under-replicated.
  explains: {
    'under-replicated': 'cluster',
    'under-min-isr': 'cluster',
    'isr-churn': 'cluster',
    'bytes-imbalance': 'cluster',
    imbalance: 'cluster',
    'topic-skew': 'cluster',
    drop: 'cluster',
  },
  settings: ['minRate', 'shiftMinutes'],
  thresholds: {},
  // Near zero against its own usual level (its median over the range): critical on the timeline.
  history: ({ messages, options }) => {
    if (!messages) {
      return {};
    }
    const brokers = new Map<string, Uint8Array>();
    // Plain loops: this runs over every step of every broker (1,000 × 240 at times), and
    // filter/Array.from with callbacks cost several times as much.
    const steps = messages.axis.times.length;
    const present = new Float64Array(steps);
    for (let k = 0; k < messages.brokers.length; k++) {
      const b = messages.brokers[k];
      const series = stepRates(messages, k);
      let lowest = Infinity;
      let highest = -Infinity;
      for (let i = 0; i < series.length; i++) {
        const v = series[i];
        // NaN compares false both ways and leaves the bounds as they are.
        lowest = v < lowest ? v : lowest;
        highest = v > highest ? v : highest;
      }
      // The limit grows with the level, which is at most the highest rate: a broker never below
      // the limit its highest rate would set was never near zero, and needs no median (nor a copy
      // of its samples). No sample at all leaves lowest at Infinity.
      if (lowest === Infinity || lowest >= nearZeroLimit(highest, options.minRate)) {
        continue;
      }
      let n = 0;
      for (let i = 0; i < series.length; i++) {
        const v = series[i];
        if (v === v) {
          present[n++] = v;
        }
      }
      const level = median(present.subarray(0, n));
      const limit = nearZeroLimit(level, options.minRate);
      if (!(level > 0) || level < options.minRate) {
        continue;
      }
      // A row only for a broker that was near zero at some step: the others add nothing to the
      // timeline, and a typed array per broker (a thousand at times) costs more than its size.
      let states: Uint8Array | undefined;
      for (let i = 0; i < series.length; i++) {
        const v = series[i];
        if (v === v && v < limit) {
          states ??= new Uint8Array(series.length);
          states[i] = STATE.critical;
        }
      }
      if (states) {
        brokers.set(b.name, states);
      }
    }
    return { brokers };
  },
  evaluate({ messages, options }): CheckResult {
    if (!messages) {
      return result();
    }
    if (messages.axis.kind !== 'range') {
      return skipped('broker-stalled', 'needs a range query; this data is an instant query');
    }
    if (!messages.trendsEvaluable) {
      return skipped(
        'broker-stalled',
        'the time range holds too few steps to compare a baseline with the recent window'
      );
    }
    const findings: Finding[] = [];
    const statuses = new Map<string, BrokerStatus>();
    for (const b of messages.brokers) {
      if (b.status !== 'stalled') {
        continue;
      }
      statuses.set(b.name, 'stalled');
      findings.push({
        check: 'broker-stalled',
        severity: 'critical',
        subject: b.name,
        subjectKind: 'broker',
        ...say('broker-stalled', { broker: b.name, now: b.recent ?? 0, before: b.baseline ?? 0 }),
        value: b.recent,
        threshold: nearZeroLimit(b.baseline ?? 0, options.minRate),
      });
    }
    return result(findings, [], statuses);
  },
});
