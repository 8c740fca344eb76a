import type { Finding } from '../types';
import { formatFactor, formatPercent, formatRate, quote } from '../format';
import { finiteSlice, median, robustSigma } from '../stats';
import { aboveCeiling, CheckContext, CheckResult, reaches, result } from './context';

/** A change must also clear this many robust standard deviations of the baseline, so noise never fires. */
const NOISE_SIGMAS = 3;
/** Below this share of its baseline a broker counts as stalled (also below the minimum rate). */
const STALL_SHARE = 0.05;

export interface Levels {
  baseline: number;
  recent: number;
}

export interface BrokerTrend extends Levels {
  /** Samples in the baseline but none in the recent window. */
  missing: boolean;
  /** Reporting, but near zero against a baseline above the minimum rate. */
  stalled: boolean;
}

export function nearZeroLimit(baseline: number, minRate: number): number {
  return minRate > 0 ? Math.min(minRate, STALL_SHARE * baseline) : STALL_SHARE * baseline;
}

/** Medians of the baseline and recent windows of one broker's timeline. */
export function brokerTrend(values: Float64Array, recentStart: number, minRate: number): BrokerTrend {
  const base = finiteSlice(values, 0, recentStart);
  const recentValues = finiteSlice(values, recentStart, values.length);
  const baseline = base.length ? median(base) : NaN;
  const recent = recentValues.length ? median(recentValues) : NaN;
  const missing = base.length > 0 && recentValues.length === 0;
  const activeBefore = baseline > 0 && baseline >= minRate;
  const stalled = !missing && activeBefore && recentValues.length > 0 && recent < nearZeroLimit(baseline, minRate);
  return { baseline, recent, missing, stalled };
}

/**
 * Cluster levels. In the recent window a step where no broker reported counts as zero: the
 * silence of the whole cluster is exactly what a drop check must see. The baseline only uses
 * steps with data, since the range may start before the metrics existed.
 */
export function clusterLevels(values: Float64Array, recentStart: number): Levels & { sigma: number } {
  const base = finiteSlice(values, 0, recentStart);
  const recentValues: number[] = [];
  for (let i = recentStart; i < values.length; i++) {
    recentValues.push(Number.isFinite(values[i]) ? values[i] : 0);
  }
  const baseline = base.length ? median(base) : NaN;
  return {
    baseline,
    recent: recentValues.length ? median(recentValues) : NaN,
    sigma: base.length ? robustSigma(base, baseline) : 0,
  };
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
  const { baseline, recent, sigma } = levels;
  const { spikeFactor, drop } = ctx.options.thresholds;
  const minRate = ctx.options.minRate;
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
      message: `Cluster traffic jumped to ${formatRate(recent)}, ${formatFactor(recent / baseline)} the baseline of ${formatRate(baseline)}.`,
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
        message: `Cluster traffic fell to ${formatRate(recent)}, ${formatPercent(fall)} below the baseline of ${formatRate(baseline)}.`,
        value: fall,
        threshold: severity === 'critical' ? drop.critical : drop.warning,
        suggestion:
          'Check producers first (errors, deployments, authentication, quotas), then broker availability: missing or stalled brokers are listed as their own findings.',
      });
    }
  }
  return { findings, notEvaluated };
}

export function checkBrokerStalledAndMissing(ctx: CheckContext, lastSeen: Map<string, number>): CheckResult {
  const guarded = trendGuard(ctx, ['broker-stalled', 'broker-missing']);
  if (guarded) {
    return guarded;
  }
  const findings: Finding[] = [];
  for (const b of ctx.brokers) {
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
    } else if (b.status === 'missing') {
      const seen = lastSeen.get(b.name);
      const when = seen !== undefined ? ` since ${new Date(seen).toISOString()}` : '';
      findings.push({
        check: 'broker-missing',
        severity: 'critical',
        subject: b.name,
        subjectKind: 'broker',
        message: `Broker ${quote(b.name)} reported in the baseline but has sent nothing in the recent window${when}.`,
        suggestion: `Check whether the broker or only its exporter is down: up{${ctx.brokerLabel ?? 'instance'}="${quote(b.name)}"} in Prometheus, the JMX exporter port and the scrape target; then the broker process and its log.`,
      });
    }
  }
  return result(findings);
}
