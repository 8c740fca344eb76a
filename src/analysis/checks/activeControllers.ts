/**
 * `active-controllers`: exactly one active controller. In KRaft clusters the controllers may be
 * separate nodes that this query does not scrape: a sum of 0 all along is then expected, and
 * said without alarm (info).
 */
import { latest, summedTimeline } from '../signals/brokerSignals';
import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, single } from './context';
import { condition } from './stability';
import { codesOnAxis, STATE } from '../history';

export const activeControllers = defineCheck({
  id: 'active-controllers',
  scope: 'cluster',
  summary: 'not exactly one active controller',
  unit: 'count',
  roles: ['activeControllers'],
  thresholds: {},
  // Steps with no active controller, or several, once any step had one (never scraped is not lost).
  history: ({ signals, messages }) => {
    const t = signals.controllers;
    if (!t || !messages) {
      return {};
    }
    const sum = summedTimeline(t);
    if (!Array.from(sum).some((v) => v >= 1)) {
      return {};
    }
    return { cluster: codesOnAxis(messages.axis, t.axis, sum, (v) => (v === 1 ? STATE.none : STATE.critical)) };
  },
  evaluate({ signals }): CheckResult {
    const t = signals.controllers;
    if (!t) {
      return result();
    }
    const sum = summedTimeline(t);
    const now = latest(sum);
    if (!Number.isFinite(now) || now === 1) {
      return result();
    }
    if (now > 1) {
      return condition(sum, t.axis, (v) => v > 1).holds
        ? single({
            check: 'active-controllers',
            severity: 'critical',
            ...say('active-controllers.several', { count: now }),
            value: now,
            threshold: 1,
          })
        : result();
    }
    if (!Array.from(sum).some((v) => v >= 1)) {
      return single({
        check: 'active-controllers',
        severity: 'info',
        ...say('active-controllers.not-scraped', {}),
        value: 0,
        threshold: 1,
      });
    }
    return condition(sum, t.axis, (v) => v < 1).holds
      ? single({
          check: 'active-controllers',
          severity: 'critical',
          ...say('active-controllers.lost', {}),
          value: 0,
          threshold: 1,
        })
      : result();
  },
});
