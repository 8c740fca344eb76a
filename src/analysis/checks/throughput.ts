import type { Finding, BrokerStatus } from '../types';
import { formatRate, quote } from '../format';
import { CheckContext, CheckResult, result, skipped } from './context';

/** `low-throughput`: the average per reporting broker below a floor. */
export function checkLowThroughput(ctx: CheckContext): CheckResult {
  const { warning, critical } = ctx.options.thresholds.lowThroughput;
  if (warning <= 0 && critical <= 0) {
    return skipped('low-throughput', 'disabled: no floor set');
  }
  if (ctx.reporting.length === 0) {
    return skipped('low-throughput', 'no broker reports data now');
  }
  const avg = ctx.cluster.avgPerBroker;
  const severity = critical > 0 && avg < critical ? 'critical' : warning > 0 && avg < warning ? 'warning' : undefined;
  if (!severity) {
    return result();
  }
  const threshold = severity === 'critical' ? critical : warning;
  return result([
    {
      check: 'low-throughput',
      severity,
      message: `Average throughput is ${formatRate(avg)} per broker, below the ${severity} floor of ${formatRate(threshold)}.`,
      value: avg,
      threshold,
      suggestion:
        'Check that producers are running and can reach the cluster (client errors, authentication, quotas); compare with the expected traffic for this time of day.',
    },
  ]);
}

/** `broker-overload`: one broker's rate above a capacity ceiling. */
export function checkBrokerOverload(ctx: CheckContext): CheckResult {
  const { warning, critical } = ctx.options.thresholds.brokerOverload;
  if (warning <= 0 && critical <= 0) {
    return skipped('broker-overload', 'disabled: no capacity set');
  }
  const findings: Finding[] = [];
  const statuses = new Map<string, BrokerStatus>();
  for (const b of ctx.reporting) {
    const severity =
      critical > 0 && b.rate > critical ? 'critical' : warning > 0 && b.rate > warning ? 'warning' : undefined;
    if (!severity) {
      continue;
    }
    statuses.set(b.name, 'overloaded');
    const threshold = severity === 'critical' ? critical : warning;
    findings.push({
      check: 'broker-overload',
      severity,
      subject: b.name,
      subjectKind: 'broker',
      message: `Broker ${quote(b.name)} takes ${formatRate(b.rate)}, above its ${severity} capacity of ${formatRate(threshold)}.`,
      value: b.rate,
      threshold,
      suggestion:
        'Move partition leadership off this broker (kafka-reassign-partitions, or a preferred leader election if leaders drifted), add partitions to hot topics, or add brokers.',
    });
  }
  return result(findings, [], statuses);
}
