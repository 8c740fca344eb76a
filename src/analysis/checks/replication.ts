/**
 * Replication and controller health: `under-replicated` (warning; critical once it persists),
 * `offline-partitions` (critical) and `active-controllers` (the cluster must have exactly one).
 */
import type { Finding } from '../types';
import { latest, Timelines } from '../signals/brokerSignals';
import { quote } from '../format';
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

const minutes = (ms: number) => Math.round(ms / 60_000);

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
      message:
        `Broker ${quote(broker)} leads ${count} under-replicated partition${count === 1 ? '' : 's'}` +
        (c.heldMs > 0
          ? ` (for ${minutes(c.heldMs)} min${persistent ? `, over the ${persistMinutes} min limit` : ''}).`
          : '.'),
      value: count,
      threshold: 0,
      suggestion:
        "A follower is not keeping up or is down: kafka-topics --describe --under-replicated-partitions, then the followers' disks, network and logs (ISR shrinks); a broker restart shows this briefly.",
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
      message: `${count} partition${count === 1 ? ' has' : 's have'} no leader: producers and consumers of ${count === 1 ? 'it' : 'them'} are blocked.`,
      value: count,
      threshold: 0,
      suggestion:
        'Bring the brokers holding the replicas back; if none of the in-sync replicas can return, decide on unclean leader election (data loss) per topic.',
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
              message: `${now} nodes claim to be the active controller: the cluster must have exactly one.`,
              value: now,
              threshold: 1,
              suggestion:
                'A split controller quorum or a zombie controller: check the controller logs and the quorum (kafka-metadata-quorum describe --status).',
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
        message:
          'No scraped node reports an active controller. With KRaft, the controllers may be separate nodes this query does not scrape.',
        value: 0,
        threshold: 1,
        suggestion:
          'Add the controller nodes (process.roles=controller) to the scrape and the query to judge the controller; nothing is wrong if they are healthy.',
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
            message: 'The cluster lost its active controller: no node reports one any more.',
            value: 0,
            threshold: 1,
            suggestion:
              'Metadata changes (leader elections, topic changes) are stuck: check the controller quorum (kafka-metadata-quorum describe --status) and the controller logs.',
          },
        ]
      : []
  );
}
