/**
 * `unclean-election`: an out-of-sync replica became leader, so the messages only the old leader
 * had are lost. Judged on the counter *increasing* in the range (its rate above 0), never on its
 * value: controller failovers and restarts reset it, and an old count says nothing about now.
 * The finding says when the latest one happened.
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { eventsIn, summedTimeline } from '../signals/brokerSignals';
import { codesOnAxis, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result, single } from './context';

/** Elections per second below this are rate() extrapolation noise, not an election. */
const NOISE = 1e-6;

export const uncleanElections = defineCheck({
  id: 'unclean-election',
  scope: 'cluster',
  summary: 'an unclean leader election in the range: data lost',
  unit: 'count',
  roles: ['uncleanElections'],
  thresholds: {},
  history: ({ signals, messages }) => {
    const t = signals.uncleanElections;
    if (!t || !messages) {
      return {};
    }
    return {
      cluster: codesOnAxis(messages.axis, t.axis, summedTimeline(t), (v) => (v > NOISE ? STATE.critical : STATE.none)),
    };
  },
  evaluate({ signals }): CheckResult {
    const t = signals.uncleanElections;
    if (!t) {
      return result();
    }
    const rates = summedTimeline(t);
    // The latest election is where the last run of non-zero rates starts: rate() over a window
    // stays above 0 for the window's length after the counter rose.
    let last = -1;
    for (let i = 0; i < rates.length; i++) {
      if (rates[i] > NOISE && (i === 0 || !(rates[i - 1] > NOISE))) {
        last = i;
      }
    }
    if (last < 0) {
      return result();
    }
    // rate() spreads one election over the steps of its window: at least one happened.
    const count = Math.max(1, eventsIn(t));
    const at = t.axis.times[last];
    const finding: Finding = {
      check: 'unclean-election',
      severity: 'critical',
      ...say('unclean-election', { count, at, agoMs: Math.max(0, t.axis.judgeAt - at) }),
      value: count,
      threshold: 0,
    };
    return single(finding);
  },
});
