import type { Finding, BrokerStatus } from '../types';
import { say } from '../messages';
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
      ...say('low-throughput', { average: avg, level: severity, floor: threshold }),
      value: avg,
      threshold,
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
      ...say('broker-overload', { broker: b.name, rate: b.rate, level: severity, capacity: threshold }),
      value: b.rate,
      threshold,
    });
  }
  return result(findings, [], statuses);
}
