import { analyze } from './analyze';
import { codesOnAxis, STATE } from './history';
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
