/**
 * `storage-skew`: log bytes per broker, peer-relative over the brokers that are up (Cruise
 * Control balances disk the same way). A broker holding far more data fills its disk first and
 * serves more of every read from it. With a disk-usage query the used fractions are compared
 * instead (brokers with disks of different sizes), else the bytes. Small clusters are not judged:
 * a few megabytes more on one broker is noise, not a placement problem.
 */
import type { Finding } from '../types';
import { say } from '../messages';
import { currentCounts, skewed, skewOf, total } from '../signals/placement';
import { defineCheck } from './check';
import { CheckResult, result, skipped } from './context';

/** Below this mean log size per broker, bytes are not judged. */
export const MIN_MEAN_BYTES = 1024 ** 3;
/** Below this mean used share, usage fractions are not judged. */
export const MIN_MEAN_USAGE = 0.1;

export const storageSkew = defineCheck({
  id: 'storage-skew',
  scope: 'broker',
  summary: 'log data (or disk usage) unevenly spread over brokers',
  unit: 'fraction',
  roles: ['logSize', 'diskUsage'],
  thresholds: {
    storageSkew: {
      kind: 'ceiling',
      default: { warning: 0.2, critical: 0.5 },
      label: 'Storage skew',
      description:
        "A broker's log size (or disk usage, with the disk-usage query) off the brokers' mean by more than this share. Judged from 1 GiB per broker (or 10% usage) on average. 0 disables a level.",
      step: 0.05,
    },
  },
  evaluate({ signals }, { storageSkew: levels }): CheckResult {
    const usage = currentCounts(signals.diskUsage);
    const byUsage = usage.size >= 2;
    const values = byUsage ? usage : currentCounts(signals.logSize);
    if (values.size < 2) {
      return signals.logSize || signals.diskUsage
        ? skipped('storage-skew', 'needs the log size or disk usage of at least two brokers that are up')
        : result();
    }
    const mean = total(values.values()) / values.size;
    if (mean < (byUsage ? MIN_MEAN_USAGE : MIN_MEAN_BYTES)) {
      return skipped(
        'storage-skew',
        byUsage ? 'disks less than 10% used on average' : 'less than 1 GiB of log per broker on average'
      );
    }
    const { worst } = skewed(values, () => mean, levels, 0);
    if (!worst) {
      return result();
    }
    const { broker, count, severity } = worst;
    const off = skewOf(count, mean);
    const finding: Finding = {
      check: 'storage-skew',
      severity,
      subject: broker,
      subjectKind: 'broker',
      ...(byUsage
        ? say(off > 0 ? 'storage-skew.usage-more' : 'storage-skew.usage-less', { broker, usage: count, mean })
        : say(off > 0 ? 'storage-skew.more' : 'storage-skew.less', { broker, bytes: count, mean })),
      value: Math.abs(off),
      threshold: severity === 'critical' ? levels.critical : levels.warning,
    };
    return result([finding]);
  },
});
