import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, reaches, result, single, skipped } from './context';
import { isResult, levelChange } from './levelChange';

/** `spike`: the cluster's traffic jumped against the level before its latest abrupt change. */
export const spike = defineCheck({
  id: 'spike',
  scope: 'cluster',
  summary: 'traffic jumped against the level before the latest abrupt change',
  unit: 'factor',
  roles: ['messagesIn'],
  settings: ['minRate', 'recentMinutes', 'shiftMinutes'],
  thresholds: {
    spikeFactor: {
      kind: 'single',
      default: 3,
      label: 'Spike factor',
      description: 'Cluster rate ÷ the level before the latest abrupt change that counts as a spike. 0 disables.',
      unit: '×',
      step: 0.5,
    },
  },
  evaluate(model, { spikeFactor }): CheckResult {
    const change = levelChange(model, 'spike');
    if (isResult(change)) {
      return change;
    }
    if (spikeFactor <= 0) {
      return skipped('spike', 'disabled: no spike factor set');
    }
    if (!change.beyondNoise || !reaches(change.now / change.before, spikeFactor)) {
      return result();
    }
    return single({
      check: 'spike',
      severity: 'warning',
      ...say('spike', { now: change.now, before: change.before }),
      value: change.now / change.before,
      threshold: spikeFactor,
    });
  },
});
