/**
 * Replication and controller health: `under-replicated` (warning; critical once it persists),
 * `offline-partitions` (critical) and `active-controllers` (the cluster must have exactly one).
 */
import type { Finding } from '../types';
import { latest, Timelines } from '../signals/brokerSignals';
import { say } from '../messages';
import { CheckResult, result } from './context';
import { condition } from './stability';
import { clusterTimeline } from '../model/aggregate';

function clusterSum(t: Timelines): Float64Array {
  return clusterTimeline(
    Array.from(t.byName.values(), (values) => ({ values })),
    t.axis.times.length
  );
}

/**
 * Offline partitions per step: the highest count any instance reports. Every KRaft controller
 * reports the cluster's whole count (in ZooKeeper mode only the active controller does), so a sum
 * would count the same partitions once per controller.
 */
export function offlineTimeline(t: Timelines): Float64Array {
  const out = new Float64Array(t.axis.times.length).fill(NaN);
  for (const values of t.byName.values()) {
    for (let i = 0; i < out.length; i++) {
      const v = values[i];
      if (Number.isFinite(v) && !(v <= out[i])) {
        out[i] = v;
      }
    }
  }
  return out;
}

export function checkUnderReplicated(t: Timelines | undefined, persistMinutes: number): CheckResult {
  if (!t) {
    return result();
  }
  const findings: Finding[] = [];
  for (const [broker, values] of t.byName) {
    const c = condition(values, t.axis, (v) => v > 0);
    if (!c.holds) {
      continue;
    }
    const count = latest(values);
    const persistent = persistMinutes > 0 && c.heldMs >= persistMinutes * 60_000;
    findings.push({
      check: 'under-replicated',
      severity: persistent ? 'critical' : 'warning',
      subject: broker,
      subjectKind: 'broker',
      ...say('under-replicated', {
        broker,
        count,
        heldMs: c.heldMs,
        limitMinutes: persistMinutes,
        persistent: persistent ? 1 : 0,
      }),
      value: count,
      threshold: 0,
    });
  }
  return result(findings);
}

export function checkOfflinePartitions(t: Timelines | undefined): CheckResult {
  if (!t) {
    return result();
  }
  const counts = offlineTimeline(t);
  const c = condition(counts, t.axis, (v) => v > 0);
  if (!c.holds) {
    return result();
  }
  const count = latest(counts);
  return result([
    {
      check: 'offline-partitions',
      severity: 'critical',
      ...say('offline-partitions', { count }),
      value: count,
      threshold: 0,
    },
  ]);
}

/**
 * Exactly one active controller. In KRaft clusters the controllers may be separate nodes that
 * this query does not scrape: a sum of 0 all along is then expected, and said without alarm.
 */
export function checkActiveControllers(t: Timelines | undefined): CheckResult {
  if (!t) {
    return result();
  }
  const sum = clusterSum(t);
  const now = latest(sum);
  if (!Number.isFinite(now) || now === 1) {
    return result();
  }
  if (now > 1) {
    const c = condition(sum, t.axis, (v) => v > 1);
    return result(
      c.holds
        ? [
            {
              check: 'active-controllers',
              severity: 'critical',
              ...say('active-controllers.several', { count: now }),
              value: now,
              threshold: 1,
            },
          ]
        : []
    );
  }
  const everOne = Array.from(sum).some((v) => v >= 1);
  if (!everOne) {
    return result([
      {
        check: 'active-controllers',
        severity: 'info',
        ...say('active-controllers.not-scraped', {}),
        value: 0,
        threshold: 1,
      },
    ]);
  }
  const c = condition(sum, t.axis, (v) => v < 1);
  return result(
    c.holds
      ? [
          {
            check: 'active-controllers',
            severity: 'critical',
            ...say('active-controllers.lost', {}),
            value: 0,
            threshold: 1,
          },
        ]
      : []
  );
}
