import { say } from '../messages';
import { defineCheck } from './check';
import { aboveCeiling, CheckResult, result, single, skipped } from './context';
import { isResult, levelChange } from './levelChange';

/** `drop`: the cluster's traffic fell against the level before its latest abrupt change. */
export const drop = defineCheck({
  id: 'drop',
  scope: 'cluster',
  summary: 'traffic fell against the level before the latest abrupt change',
  unit: 'fraction',
  roles: ['messagesIn'],
  settings: ['minRate', 'recentMinutes', 'shiftMinutes'],
  thresholds: {
    drop: {
      kind: 'ceiling',
      default: { warning: 0.5, critical: 0.9 },
      label: 'Drop',
      description:
        'Fall of the cluster rate against the level before the latest abrupt change, as a fraction (0.5 = 50%).',
      step: 0.05,
    },
  },
  evaluate(model, { drop: limits }): CheckResult {
    const change = levelChange(model, 'drop');
    if (isResult(change)) {
      return change;
    }
    if (limits.warning <= 0 && limits.critical <= 0) {
      return skipped('drop', 'disabled: no threshold set');
    }
    const fall = 1 - change.now / change.before;
    const severity = change.beyondNoise && fall > 0 ? aboveCeiling(fall, limits.warning, limits.critical) : undefined;
    if (!severity) {
      return result();
    }
    return single({
      check: 'drop',
      severity,
      ...say('drop', { now: change.now, before: change.before }),
      value: fall,
      threshold: severity === 'critical' ? limits.critical : limits.warning,
    });
  },
});
