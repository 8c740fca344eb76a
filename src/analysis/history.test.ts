import { analyze } from './analyze';
import fc from 'fast-check';
import { codesOnAxis, healthTimeline, History, STATE } from './history';
import type { Model } from './model/model';
import type { Axis } from './model/timeline';
import { rangeFrame, stepTimes } from './testkit/frames';
import { SCENARIOS } from '../../test/browser/host/scenarios';

const axisOf = (times: number[]): Axis => ({ times: Float64Array.from(times), step: times[1] - times[0] }) as Axis;

describe('the health timeline: since when, and who first', () => {
  it('a down broker is down from the step after its last sample; the others warn from their URP; the cluster is critical', () => {
    const s = SCENARIOS.down();
    const report = analyze(s.frames, { now: s.to });
    const times = stepTimes(120);
    const lastSample = times[120 - 16 - 1];
    const row = (name: string) => report.health!.brokers.find((b) => b.name === name)!.segments;
    expect(row('kafka-3:7071')).toEqual([
      { from: times[0], to: lastSample + 15_000, state: 'ok' },
      { from: lastSample + 15_000, to: times[119] + 15_000, state: 'down' },
    ]);
    expect(row('kafka-0:7071').map((x) => x.state)).toEqual(['ok', 'warning']);
    expect(report.health!.cluster.map((x) => [x.state, x.from])).toEqual([
      ['ok', times[0]],
      ['critical', lastSample + 15_000],
    ]);
  });

  it('a healthy range is OK throughout; a broker that starts late has nothing before its first sample', () => {
    const times = stepTimes(40);
    const frames = [0, 1].map((b) =>
      rangeFrame(
        { instance: `b${b}`, topic: 't' },
        times,
        times.map((_, i) => (b === 1 && i < 10 ? null : 100))
      )
    );
    const report = analyze(frames, { now: times[39] });
    expect(report.health!.cluster).toEqual([{ from: times[0], to: times[39] + 15_000, state: 'ok' }]);
    expect(report.health!.brokers[1].segments).toEqual([{ from: times[10], to: times[39] + 15_000, state: 'ok' }]);
  });

  it('no timeline for instant data', () => {
    expect(
      analyze(SCENARIOS.balanced().frames.map((f) => ({ ...f, meta: { type: 'numeric-multi' } }))).health
    ).toBeUndefined();
  });

  it('places another signal’s steps on the messages axis by their time, not their position', () => {
    const times = stepTimes(6);
    const later = axisOf(times.slice(2));
    const codes = codesOnAxis(axisOf(times), later, [1, 0, 1, NaN], (v) => (v > 0 ? STATE.warning : STATE.none));
    expect(Array.from(codes)).toEqual([0, 0, STATE.warning, 0, STATE.warning, 0]);
  });
});

describe('the health timeline against its definition', () => {
  /** The timeline as specified, step by step and broker by broker, with nothing skipped. */
  function byDefinition(times: number[], step: number, timelines: number[][], names: string[], histories: History[]) {
    const run = (states: number[]) => {
      const out: Array<{ from: number; to: number; state: string }> = [];
      const names_ = ['ok', 'ok', 'warning', 'critical', 'down'];
      for (let i = 0; i < states.length;) {
        let j = i;
        while (j + 1 < states.length && states[j + 1] === states[i]) {
          j++;
        }
        if (states[i] !== STATE.none) {
          out.push({ from: times[i], to: times[j] + step, state: names_[states[i]] });
        }
        i = j + 1;
      }
      return out;
    };
    const cluster: number[] = times.map(() => 0);
    const brokers = names.map((name, k) => {
      const first = timelines[k].findIndex((v) => !Number.isNaN(v));
      const states: number[] = times.map((_, i) => (first >= 0 && i >= first ? STATE.ok : STATE.none));
      for (const h of histories) {
        const own = h.brokers?.get(name);
        own?.forEach((v, i) => (states[i] = Math.max(states[i], v)));
      }
      states.forEach((v, i) => (cluster[i] = Math.max(cluster[i], Math.min(v, STATE.critical))));
      return { name, segments: run(states) };
    });
    for (const h of histories) {
      h.cluster?.forEach((v, i) => (cluster[i] = Math.max(cluster[i], v)));
    }
    return { cluster: run(cluster), brokers };
  }

  it('is the worst state of every check at every step, for brokers marked or not', () => {
    const state = fc.constantFrom(STATE.none, STATE.ok, STATE.warning, STATE.critical, STATE.down);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.infiniteStream(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean())),
        fc.array(
          fc.record({ marks: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), cluster: fc.boolean() }),
          {
            maxLength: 4,
          }
        ),
        fc.infiniteStream(state),
        (steps, brokerCount, gaps, checks, codes) => {
          const times = Array.from({ length: steps }, (_, i) => 1_700_000_000_000 + i * 15_000);
          const names = Array.from({ length: brokerCount }, (_, k) => `kafka-${k}`);
          // Some brokers start late or have no sample at all.
          const timelines = names.map(() => times.map(() => (gaps.next().value[0] ? NaN : 100)));
          const histories: History[] = checks.map((c) => ({
            brokers: new Map(
              c.marks
                .filter((k) => k < brokerCount)
                .map((k) => [names[k], Uint8Array.from(times, () => codes.next().value)] as [string, Uint8Array])
            ),
            cluster: c.cluster ? Uint8Array.from(times, () => codes.next().value) : undefined,
          }));
          const model = {
            messages: {
              axis: { kind: 'range', times: Float64Array.from(times), step: 15_000 },
              brokers: names.map((name) => ({ name })),
              timelines: timelines.map((t) => Float64Array.from(t)),
            },
          } as unknown as Model;
          expect(healthTimeline(model, histories)).toEqual(byDefinition(times, 15_000, timelines, names, histories));
        }
      )
    );
  });
});
