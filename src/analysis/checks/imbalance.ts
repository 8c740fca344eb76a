import { formatFactor, formatPercent, formatRate, quote } from '../format';
import { aboveCeiling, CheckContext, CheckResult, result, skipped } from './context';
import { farthestFromMean } from '../stats';

/**
 * `imbalance`: score = max over reporting brokers of |rate − mean| / mean. The subject is the
 * broker farthest from the mean; it is "hot" above the mean and "idle" below it.
 */
export function checkImbalance(ctx: CheckContext): CheckResult {
  const { warning, critical } = ctx.options.thresholds.imbalance;
  if (warning <= 0 && critical <= 0) {
    return skipped('imbalance', 'disabled: no threshold set');
  }
  if (ctx.reporting.length < 2) {
    return skipped('imbalance', 'needs at least two reporting brokers');
  }
  // Per broker, not per cluster: a dev cluster trickling 1.4 msg/s in all is not out of balance.
  if (ctx.cluster.avgPerBroker < ctx.options.minRate || ctx.cluster.totalRate <= 0) {
    return skipped('imbalance', `average per broker below the minimum rate of ${formatRate(ctx.options.minRate)}`);
  }
  const score = ctx.cluster.imbalance;
  const severity = aboveCeiling(score, warning, critical);
  if (!severity) {
    return result();
  }
  // Farthest from the mean; (near-)ties go to the first name, so neither input order nor rounding picks it.
  const subject = farthestFromMean(ctx.reporting, (b) => b.deviation)!;
  const hot = subject.deviation > 0;
  const ratio = subject.rate / ctx.cluster.avgPerBroker;
  const message = hot
    ? `Broker ${quote(subject.name)} is hot: ${formatRate(subject.rate)}, ${formatFactor(ratio)} the average of ${formatRate(ctx.cluster.avgPerBroker)} (+${formatPercent(subject.deviation)}).`
    : `Broker ${quote(subject.name)} is idle: ${formatRate(subject.rate)}, ${formatPercent(ratio)} of the average of ${formatRate(ctx.cluster.avgPerBroker)} (−${formatPercent(-subject.deviation)}).`;
  const suggestion = hot
    ? 'Partition leadership is concentrated on this broker: run a preferred leader election (kafka-leader-election --election-type PREFERRED) if leaders drifted after a restart, otherwise reassign partitions of its busiest topics (kafka-reassign-partitions, or Cruise Control) and check for topics with fewer partitions than brokers.'
    : 'This broker leads few busy partitions: if it restarted recently, run a preferred leader election (kafka-leader-election --election-type PREFERRED) to hand leadership back; otherwise reassign partitions onto it (kafka-reassign-partitions, or Cruise Control).';
  return result([
    {
      check: 'imbalance',
      severity,
      subject: subject.name,
      subjectKind: 'broker',
      message,
      value: score,
      threshold: severity === 'critical' ? critical : warning,
      suggestion,
    },
  ]);
}
