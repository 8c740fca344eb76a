/**
 * The health timeline: each broker's state (and the cluster's) at every step of the range, so
 * "since when, and who first" reads at a glance. A check that can say what it would have found at
 * each step declares `history` (checks/check.ts); the timeline is the worst state any of them
 * gives, on the messages-in axis.
 */
import type { HealthTimeline, StepState, TimelineSegment } from './types';
import { type Model, stepRates } from './model/model';
import type { Axis } from './model/timeline';
import type { Timelines } from './signals/brokerSignals';

/** States as codes, worse is larger; 0: nothing known yet (before a broker's first sample). */
export const STATE = { none: 0, ok: 1, warning: 2, critical: 3, down: 4 } as const;
const NAMES: readonly StepState[] = ['ok', 'ok', 'warning', 'critical', 'down'];

/** What one check says about each step: per broker, and for the cluster as a whole. */
export interface History {
  brokers?: Map<string, Uint8Array>;
  cluster?: Uint8Array;
}

/** One timeline's codes (from its own axis `from`) on the messages-in axis, matched by step time. */
export function codesOnAxis(
  axis: Axis,
  from: Axis,
  values: ArrayLike<number>,
  code: (v: number) => number
): Uint8Array {
  const same = from.times.length === axis.times.length && from.times[0] === axis.times[0];
  const at = same ? undefined : new Map(Array.from(axis.times, (time, i) => [time, i]));
  const states = new Uint8Array(axis.times.length);
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    const i = at ? at.get(from.times[j]) : j;
    if (v === v && i !== undefined) {
      states[i] = code(v);
    }
  }
  return states;
}

/** Every broker's codes from a signal's timelines, on the messages-in axis. */
export function brokerCodes(axis: Axis, t: Timelines, code: (v: number) => number): Map<string, Uint8Array> {
  return new Map(Array.from(t.byName, ([name, values]) => [name, codesOnAxis(axis, t.axis, values, code)]));
}

/** Merges `from` into `into`, keeping the worse code of each step. */
function worst(into: Uint8Array, from: ArrayLike<number>): void {
  for (let i = 0; i < into.length; i++) {
    if (from[i] > into[i]) {
      into[i] = from[i];
    }
  }
}

function segments(states: Uint8Array, axis: Axis): TimelineSegment[] {
  const out: TimelineSegment[] = [];
  for (let i = 0; i < states.length;) {
    let j = i;
    while (j + 1 < states.length && states[j + 1] === states[i]) {
      j++;
    }
    if (states[i] !== STATE.none) {
      out.push({ from: axis.times[i], to: axis.times[j] + axis.step, state: NAMES[states[i]] });
    }
    i = j + 1;
  }
  return out;
}

/** The first step with a sample; -1 when none. (A loop: findIndex calls a function per step.) */
function firstSample(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i]) {
      return i;
    }
  }
  return -1;
}

/** The timeline of a range: brokers in the model's order, each ok from its first sample, then the checks' worst. */
export function healthTimeline(model: Model, histories: readonly History[]): HealthTimeline | undefined {
  const m = model.messages;
  if (!m || m.axis.kind !== 'range' || m.axis.times.length === 0) {
    return undefined;
  }
  const steps = m.axis.times.length;
  const cluster = new Uint8Array(steps);
  // Only the checks that marked some broker are asked about each broker: at a thousand brokers,
  // a lookup per broker and check added up, and most checks mark nobody.
  const marking = histories.filter((h) => h.brokers !== undefined && h.brokers.size > 0);
  // A broker no check marked is ok from its first sample on: one segment, and the cluster is at
  // least ok from the earliest such sample (set once below, not step by step per broker).
  let okFrom = steps;
  // One row for every marked broker in turn: segments() keeps nothing of it (a row per broker was
  // a typed-array allocation per broker, a thousand at times).
  const states = new Uint8Array(steps);
  const brokers = m.brokers.map((b, k) => {
    const first = firstSample(stepRates(m, k));
    let marked = false;
    for (const h of marking) {
      const own = h.brokers!.get(b.name);
      if (!own) {
        continue;
      }
      if (!marked) {
        states.fill(STATE.none);
        if (first >= 0) {
          states.fill(STATE.ok, first);
        }
        marked = true;
      }
      worst(states, own);
    }
    if (!marked) {
      if (first < 0) {
        return { name: b.name, segments: [] };
      }
      okFrom = Math.min(okFrom, first);
      return {
        name: b.name,
        segments: [{ from: m.axis.times[first], to: m.axis.times[steps - 1] + m.axis.step, state: NAMES[STATE.ok] }],
      };
    }
    // A broker down makes the cluster critical, not "down".
    for (let i = 0; i < steps; i++) {
      const s = states[i] < STATE.critical ? states[i] : STATE.critical;
      if (s > cluster[i]) {
        cluster[i] = s;
      }
    }
    return { name: b.name, segments: segments(states, m.axis) };
  });
  for (let i = okFrom; i < steps; i++) {
    if (cluster[i] < STATE.ok) {
      cluster[i] = STATE.ok;
    }
  }
  for (const h of histories) {
    if (h.cluster) {
      worst(cluster, h.cluster);
    }
  }
  return { cluster: segments(cluster, m.axis), brokers };
}
