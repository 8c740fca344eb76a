import { say } from '../messages';
import { defineCheck } from './check';
import { CheckResult, result, single, skipped } from './context';

/** `low-throughput`: the average per reporting broker below a floor. */
export const lowThroughput = defineCheck({
  id: 'low-throughput',
  scope: 'cluster',
  summary: 'average rate per broker below a floor',
  unit: 'rate',
  roles: ['messagesIn'],
  thresholds: {
    lowThroughput: {
      kind: 'floor',
      default: { warning: 0, critical: 0 },
      label: 'Low throughput',
      description: 'Fires when the average rate per broker falls below these floors (msg/s). 0 disables.',
      unit: 'msg/s',
    },
  },
  evaluate({ messages }, { lowThroughput: { warning, critical } }): CheckResult {
    if (!messages) {
      return result();
    }
    if (warning <= 0 && critical <= 0) {
      return skipped('low-throughput', 'disabled: no floor set');
    }
    if (messages.reporting.length === 0) {
      return skipped('low-throughput', 'no broker reports data now');
    }
    const avg = messages.cluster.avgPerBroker;
    const severity = critical > 0 && avg < critical ? 'critical' : warning > 0 && avg < warning ? 'warning' : undefined;
    if (!severity) {
      return result();
    }
    const threshold = severity === 'critical' ? critical : warning;
    return single({
      check: 'low-throughput',
      severity,
      ...say('low-throughput', { average: avg, floor: threshold }),
      value: avg,
      threshold,
    });
  },
});
