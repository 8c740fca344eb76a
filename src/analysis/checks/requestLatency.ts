/**
 * `request-latency`: a slow broker, found the way Cruise Control finds one — against its peers.
 * A broker's p99 request time at least `factor` × the median of the other brokers' *and* 50 ms
 * above it is slow [warning 3×, critical 10×], for Produce, consumer fetches and follower
 * fetches separately, held in the recent window. An absolute ceiling applies to Produce only (off
 * by default): a fetch's time is mostly the long-poll wait for data (fetch.max.wait.ms, 500 ms),
 * so a high fetch p99 on a quiet topic is normal, not slow.
 */
import type { Finding, LevelThresholds, Severity } from '../types';
import { REQUEST_KINDS, type RequestKind } from '../signals/latency';
import { latest, type Timelines } from '../signals/brokerSignals';
import { say, type Said } from '../messages';
import type { Axis } from '../model/timeline';
import { brokerCodes, STATE } from '../history';
import { defineCheck } from './check';
import { CheckResult, result } from './context';
import { condition } from './stability';

/** Below this gap a "slow" broker is a fast cluster's jitter (2 ms against 0.5 ms). */
export const MIN_GAP_MS = 50;
/** Peers needed for a median worth comparing with. */
const MIN_PEERS = 2;

/** The sentence for a slow broker, by request type. */
function saySlow(kind: RequestKind, p: { broker: string; p99: number; peers: number; factor: number }) {
  switch (kind) {
    case 'Produce':
      return say('request-latency.produce', p);
    case 'FetchConsumer':
      return say('request-latency.fetch-consumer', p);
    case 'FetchFollower':
      return say('request-latency.fetch-follower', p);
  }
}

/** The median of `sorted` without one occurrence of `v` (a broker's peers). */
function peerMedian(sorted: readonly number[], v: number): number {
  const k = sorted.indexOf(v);
  const m = sorted.length - 1;
  const at = (j: number) => (j < k ? sorted[j] : sorted[j + 1]);
  return m % 2 === 1 ? at((m - 1) / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
}

export interface Slowness {
  /** Per broker and step: p99 ÷ the peers' median where it is at least MIN_GAP_MS above it, else 0; NaN where not judged. */
  ratios: Map<string, Float64Array>;
  /** Per broker and step: the peers' median (ms). */
  peers: Map<string, Float64Array>;
}

/** Timelines do not change once built: history and evaluate share one computation per refresh. */
const computed = new WeakMap<Timelines, Slowness>();

/** Each broker's p99 against its peers' median, step by step. */
export function slowness(t: Timelines): Slowness {
  let known = computed.get(t);
  if (!known) {
    known = peerRatios(t);
    computed.set(t, known);
  }
  return known;
}

function peerRatios(t: Timelines): Slowness {
  const names = Array.from(t.byName.keys());
  const steps = t.axis.times.length;
  const ratios = new Map(names.map((n) => [n, new Float64Array(steps).fill(NaN)]));
  const peers = new Map(names.map((n) => [n, new Float64Array(steps).fill(NaN)]));
  for (let i = 0; i < steps; i++) {
    const sorted: number[] = [];
    for (const values of t.byName.values()) {
      if (Number.isFinite(values[i]) && values[i] >= 0) {
        sorted.push(values[i]);
      }
    }
    if (sorted.length < MIN_PEERS + 1) {
      continue;
    }
    sorted.sort((a, b) => a - b);
    for (const [name, values] of t.byName) {
      const v = values[i];
      if (!(Number.isFinite(v) && v >= 0)) {
        continue;
      }
      const median = peerMedian(sorted, v);
      peers.get(name)![i] = median;
      ratios.get(name)![i] = v - median >= MIN_GAP_MS ? v / Math.max(median, 1e-9) : 0;
    }
  }
  return { ratios, peers };
}

const LEVELS = (l: LevelThresholds) =>
  [
    ['critical', l.critical],
    ['warning', l.warning],
  ] as const;

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The first level (critical, then warning) the values hold at or above now, with the stability rule. */
function firstHeld(values: Float64Array, axis: Axis, levels: LevelThresholds) {
  return LEVELS(levels).find(([, limit]) => limit > 0 && condition(values, axis, (x) => x >= limit).holds);
}

export const requestLatency = defineCheck({
  id: 'request-latency',
  scope: 'broker',
  summary: "a broker's p99 request time far above its peers' (Produce, consumer and follower fetches)",
  unit: 'latency',
  roles: ['requestLatency'],
  settings: ['recentMinutes'],
  thresholds: {
    requestLatencyFactor: {
      kind: 'ceiling',
      default: { warning: 3, critical: 10 },
      label: 'Slow broker (× peers)',
      description:
        "Fires when a broker's p99 request time (Produce, FetchConsumer or FetchFollower) is this many times its peers' median and at least 50 ms above it. Needs the request-latency query.",
      unit: '×',
      step: 0.5,
    },
    produceLatencyMs: {
      kind: 'ceiling',
      default: { warning: 0, critical: 0 },
      label: 'Produce p99 ceiling',
      description:
        "Fires when a broker's Produce p99 stays above this many milliseconds, whatever its peers do. Off (0) by default: set it from your producers' timeouts. Fetch times are not judged absolutely (they include the long-poll wait).",
      unit: 'ms',
      step: 10,
    },
  },
  history: ({ signals, messages }, { requestLatencyFactor: factor, produceLatencyMs: ceiling }) => {
    if (!signals.latency || !messages) {
      return {};
    }
    const brokers = new Map<string, Uint8Array>();
    for (const [kind, t] of signals.latency) {
      const { ratios } = slowness(t);
      const merge = (codes: Map<string, Uint8Array>) => {
        for (const [name, states] of codes) {
          const into = brokers.get(name);
          if (!into) {
            brokers.set(name, states);
          } else {
            states.forEach((s, i) => (into[i] = Math.max(into[i], s)));
          }
        }
      };
      merge(brokerCodes(messages.axis, { ...t, byName: ratios }, (r) => levelCode(r, factor)));
      if (kind === 'Produce') {
        merge(brokerCodes(messages.axis, t, (v) => levelCode(v, ceiling)));
      }
    }
    return { brokers };
  },
  evaluate({ signals }, { requestLatencyFactor: factor, produceLatencyMs: ceiling }): CheckResult {
    if (!signals.latency) {
      return result();
    }
    // One finding per broker: its worst request type.
    const worst = new Map<string, { finding: Finding; score: number }>();
    const offer = (broker: string, severity: Severity, said: Said, p99: number, threshold: number, score: number) => {
      const held = worst.get(broker);
      if (
        !held ||
        RANK[severity] < RANK[held.finding.severity] ||
        (severity === held.finding.severity && score > held.score)
      ) {
        const finding: Finding = {
          check: 'request-latency',
          severity,
          subject: broker,
          subjectKind: 'broker',
          ...said,
          value: p99,
          threshold,
        };
        worst.set(broker, { finding, score });
      }
    };
    for (const kind of REQUEST_KINDS) {
      const t = signals.latency.get(kind);
      if (!t) {
        continue;
      }
      const { ratios, peers } = slowness(t);
      for (const [broker, r] of ratios) {
        const held = firstHeld(r, t.axis, factor);
        if (held) {
          const [severity, limit] = held;
          const p99 = latest(t.byName.get(broker)!);
          const peer = latest(peers.get(broker)!);
          offer(
            broker,
            severity,
            saySlow(kind, { broker, p99, peers: peer, factor: latest(r) }),
            p99,
            peer * limit,
            latest(r)
          );
        }
      }
      if (kind === 'Produce') {
        for (const [broker, values] of t.byName) {
          const held = firstHeld(values, t.axis, ceiling);
          if (held) {
            const [severity, limit] = held;
            const p99 = latest(values);
            offer(
              broker,
              severity,
              say('request-latency.produce-ceiling', { broker, p99, limit }),
              p99,
              limit,
              p99 / limit
            );
          }
        }
      }
    }
    const findings = Array.from(worst.values(), (w) => w.finding);
    return result(findings, [], new Map(findings.map((f) => [f.subject!, 'slow' as const])));
  },
});

function levelCode(v: number, l: LevelThresholds): number {
  return l.critical > 0 && v >= l.critical
    ? STATE.critical
    : l.warning > 0 && v >= l.warning
      ? STATE.warning
      : STATE.none;
}
