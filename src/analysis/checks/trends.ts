import type { BrokerStatus, Finding } from '../types';
import { formatRate } from '../format';
import { say } from '../messages';
import { finiteSlice, median } from '../stats';
import { currentRegime, nearZeroLimit, stallOf } from '../model/levels';
import { aboveCeiling, CheckContext, CheckResult, reaches, result } from './context';

/** A change must also clear this many robust standard deviations of the level before, so noise never fires. */
const NOISE_SIGMAS = 3;

export interface Levels {
  baseline: number;
  recent: number;
}

export interface BrokerTrend extends Levels {
  /** Near zero now (two samples or more) after carrying traffic before. */
  stalled: boolean;
}

/**
 * A broker's levels: for a stalled broker, its near-zero run against the span before it; else
 * the recent window's median against the span before the window.
 */
export function brokerTrend(
  values: Float64Array,
  recentStart: number,
  minRate: number,
  spanSteps: number
): BrokerTrend {
  const stall = stallOf(values, minRate, spanSteps);
  if (stall) {
    return { baseline: stall.before, recent: stall.now, stalled: true };
  }
  const span = Math.max(1, Math.round(spanSteps));
  const base = finiteSlice(values, recentStart - span, recentStart);
  const recentValues = finiteSlice(values, recentStart, values.length);
  return {
    baseline: base.length ? median(base) : NaN,
    recent: recentValues.length ? median(recentValues) : NaN,
    stalled: false,
  };
}

/** The cluster's present level and the level before its most recent abrupt shift (model/levels.ts). */
export function clusterLevels(
  values: Float64Array,
  recentStart: number,
  spanSteps: number
): Levels & { sigma: number } {
  const regime = currentRegime(values, recentStart, spanSteps);
  return { baseline: regime.before, recent: regime.present, sigma: regime.sigma };
}

function notEvaluatedAll(checks: Array<Finding['check']>, reason: string): CheckResult {
  return result(
    [],
    checks.map((check) => ({ check, reason }))
  );
}

function trendGuard(ctx: CheckContext, checks: Array<Finding['check']>): CheckResult | undefined {
  if (ctx.axis.kind !== 'range') {
    return notEvaluatedAll(checks, 'needs a range query; this data is an instant query');
  }
  if (!ctx.trendsEvaluable) {
    return notEvaluatedAll(checks, 'the time range holds too few steps to compare a baseline with the recent window');
  }
  return undefined;
}

export function checkSpikeAndDrop(ctx: CheckContext, levels: Levels & { sigma: number }): CheckResult {
  const guarded = trendGuard(ctx, ['spike', 'drop']);
  if (guarded) {
    return guarded;
  }
  if (ctx.freshness.clusterSilentMs !== undefined) {
    return notEvaluatedAll(['spike', 'drop'], 'the whole cluster is silent (cluster-silent)');
  }
  const { baseline, recent, sigma } = levels;
  const { spikeFactor, drop } = ctx.options.thresholds;
  const minRate = ctx.options.minRate;
  if (Number.isNaN(baseline) && Number.isFinite(recent)) {
    // No abrupt shift anywhere in the range: the present is the level the range has held.
    return result();
  }
  if (!(baseline > 0) || baseline < minRate) {
    return notEvaluatedAll(['spike', 'drop'], `baseline cluster rate below the minimum rate of ${formatRate(minRate)}`);
  }
  const findings: Finding[] = [];
  const notEvaluated: CheckResult['notEvaluated'] = [];
  const beyondNoise = Math.abs(recent - baseline) > NOISE_SIGMAS * sigma;
  if (spikeFactor <= 0) {
    notEvaluated.push({ check: 'spike', reason: 'disabled: no spike factor set' });
  } else if (beyondNoise && reaches(recent / baseline, spikeFactor)) {
    findings.push({
      check: 'spike',
      severity: 'warning',
      ...say('spike', { now: recent, before: baseline }),
      value: recent / baseline,
      threshold: spikeFactor,
    });
  }
  const fall = 1 - recent / baseline;
  if (drop.warning <= 0 && drop.critical <= 0) {
    notEvaluated.push({ check: 'drop', reason: 'disabled: no threshold set' });
  } else if (beyondNoise && fall > 0) {
    const severity = aboveCeiling(fall, drop.warning, drop.critical);
    if (severity) {
      findings.push({
        check: 'drop',
        severity,
        ...say('drop', { now: recent, before: baseline }),
        value: fall,
        threshold: severity === 'critical' ? drop.critical : drop.warning,
      });
    }
  }
  return { findings, notEvaluated };
}

export function checkBrokerStalledAndMissing(ctx: CheckContext): CheckResult {
  const findings: Finding[] = [];
  const notEvaluated: CheckResult['notEvaluated'] = [];
  if (ctx.axis.kind !== 'range') {
    notEvaluated.push(
      { check: 'broker-missing', reason: 'needs a range query; this data is an instant query' },
      { check: 'broker-stalled', reason: 'needs a range query; this data is an instant query' }
    );
    return { findings, notEvaluated };
  }
  if (!ctx.trendsEvaluable) {
    notEvaluated.push({
      check: 'broker-stalled',
      reason: 'the time range holds too few steps to compare a baseline with the recent window',
    });
  }
  // A silent cluster is one finding (cluster-silent), not one per broker.
  const perBrokerMissing = ctx.freshness.clusterSilentMs === undefined;
  const statuses = new Map<string, BrokerStatus>();
  for (const b of ctx.brokers) {
    if (b.status === 'missing' || b.status === 'stalled') {
      statuses.set(b.name, b.status);
    }
    if (b.status === 'stalled') {
      findings.push({
        check: 'broker-stalled',
        severity: 'critical',
        subject: b.name,
        subjectKind: 'broker',
        ...say('broker-stalled', { broker: b.name, now: b.recent ?? 0, before: b.baseline ?? 0 }),
        value: b.recent,
        threshold: nearZeroLimit(b.baseline ?? 0, ctx.options.minRate),
      });
    } else if (b.status === 'missing' && perBrokerMissing) {
      const silent = ctx.freshness.stale.get(b.name) ?? NaN;
      findings.push({
        check: 'broker-missing',
        severity: 'critical',
        subject: b.name,
        subjectKind: 'broker',
        ...say('broker-missing', { broker: b.name, silentMs: silent, brokerLabel: ctx.brokerLabel ?? 'instance' }),
        value: silent,
        threshold: ctx.axis.staleAfter,
      });
    }
  }
  return { findings, notEvaluated, statuses };
}

/** The whole cluster silent (critical), or every series lagging alike (warning: judged at the latest data). */
export function checkFreshness(ctx: CheckContext): CheckResult {
  const { clusterSilentMs, delayedMs } = ctx.freshness;
  if (clusterSilentMs !== undefined) {
    return result([
      {
        check: 'cluster-silent',
        severity: 'critical',
        ...say('cluster-silent', { silentMs: clusterSilentMs }),
        value: clusterSilentMs,
        threshold: ctx.axis.staleAfter,
      },
    ]);
  }
  if (delayedMs !== undefined) {
    return result([
      {
        check: 'data-delayed',
        severity: 'warning',
        ...say('data-delayed', { delayMs: delayedMs }),
        value: delayedMs,
        threshold: ctx.axis.staleAfter,
      },
    ]);
  }
  return result();
}
