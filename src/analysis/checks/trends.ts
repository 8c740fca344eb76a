import type { BrokerStatus, Finding } from '../types';
import { formatDuration, formatFactor, formatPercent, formatRate, quote } from '../format';
import { finiteSlice, median } from '../stats';
import { currentRegime, nearZeroLimit, stallOf } from '../model/levels';
import { aboveCeiling, CheckContext, CheckResult, reaches, result } from './context';

export { nearZeroLimit };

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
      message: `Cluster traffic jumped to ${formatRate(recent)}, ${formatFactor(recent / baseline)} the level before of ${formatRate(baseline)}.`,
      value: recent / baseline,
      threshold: spikeFactor,
      suggestion:
        'Find the topics that grew in the topic table; look for a replaying or retrying producer, a backfill, or a new client; make sure brokers have headroom (request handler idle, network and disk).',
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
        message: `Cluster traffic fell to ${formatRate(recent)}, ${formatPercent(fall)} below the level before of ${formatRate(baseline)}.`,
        value: fall,
        threshold: severity === 'critical' ? drop.critical : drop.warning,
        suggestion:
          'Check producers first (errors, deployments, authentication, quotas), then broker availability: missing or stalled brokers are listed as their own findings.',
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
        message: `Broker ${quote(b.name)} stopped taking messages: ${formatRate(b.recent ?? 0)} now, against ${formatRate(b.baseline ?? 0)} before.`,
        value: b.recent,
        threshold: nearZeroLimit(b.baseline ?? 0, ctx.options.minRate),
        suggestion:
          'The broker still reports but leads no busy partition any more: check its log for errors, whether it dropped out of the ISR or lost leadership after a controller change, then run a preferred leader election once it is healthy.',
      });
    } else if (b.status === 'missing' && perBrokerMissing) {
      const silent = ctx.freshness.stale.get(b.name) ?? NaN;
      findings.push({
        check: 'broker-missing',
        severity: 'critical',
        subject: b.name,
        subjectKind: 'broker',
        message: `Broker ${quote(b.name)} has sent nothing for ${formatDuration(silent)} while the others report.`,
        value: silent,
        threshold: ctx.axis.staleAfter,
        suggestion: `Check whether the broker or only its exporter is down: up{${ctx.brokerLabel ?? 'instance'}="${quote(b.name)}"} in Prometheus, the JMX exporter port and the scrape target; then the broker process and its log. Once it is back, a preferred leader election hands its partitions back.`,
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
        message: `No broker has reported for ${formatDuration(clusterSilentMs)}: the cluster, its exporters or the scrape are down.`,
        value: clusterSilentMs,
        threshold: ctx.axis.staleAfter,
        suggestion:
          'Check the scrape targets in Prometheus (up == 0, and their errors), then the brokers and their JMX exporters; if Prometheus itself stopped ingesting, every dashboard goes quiet at once.',
      },
    ]);
  }
  if (delayedMs !== undefined) {
    return result([
      {
        check: 'data-delayed',
        severity: 'warning',
        message: `Every series stops ${formatDuration(delayedMs)} before now, at the same moment: most likely ingestion lag (remote write, a busy Prometheus). The verdict is for the latest data.`,
        value: delayedMs,
        threshold: ctx.axis.staleAfter,
        suggestion:
          'If the gap grows past a few minutes, the cluster or the scrape may be down: check the scrape targets (up) and Prometheus or remote-write ingestion.',
      },
    ]);
  }
  return result();
}
