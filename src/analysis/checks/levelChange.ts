/**
 * What drop and spike share: the cluster's present level against the level before its latest
 * abrupt change (model/levels.ts), or why that cannot be judged. A change must also clear
 * NOISE_SIGMAS robust standard deviations of the level before, so noise never fires.
 */
import type { CheckId } from '../types';
import type { Model } from '../model/model';
import { formatRate } from '../format';
import { CheckResult, result, skipped } from './context';

const NOISE_SIGMAS = 3;

export interface LevelChange {
  before: number;
  now: number;
  /** The change clears the noise of the level before. */
  beyondNoise: boolean;
}

/** The change to judge, or the result to return instead (not evaluated, or nothing to say). */
export function levelChange({ messages, options }: Model, check: CheckId): LevelChange | CheckResult {
  if (!messages) {
    return result();
  }
  if (messages.axis.kind !== 'range') {
    return skipped(check, 'needs a range query; this data is an instant query');
  }
  if (!messages.trendsEvaluable) {
    return skipped(check, 'the time range holds too few steps to compare a baseline with the recent window');
  }
  if (messages.freshness.clusterSilentMs !== undefined) {
    return skipped(check, 'the whole cluster is silent (cluster-silent)');
  }
  const { baseline, recent, sigma } = messages.levels;
  if (Number.isNaN(baseline) && Number.isFinite(recent)) {
    // No abrupt shift anywhere in the range: the present is the level the range has held.
    return result();
  }
  if (!(baseline > 0) || baseline < options.minRate) {
    return skipped(check, `baseline cluster rate below the minimum rate of ${formatRate(options.minRate)}`);
  }
  return { before: baseline, now: recent, beyondNoise: Math.abs(recent - baseline) > NOISE_SIGMAS * sigma };
}

export function isResult(x: LevelChange | CheckResult): x is CheckResult {
  return 'findings' in x;
}
