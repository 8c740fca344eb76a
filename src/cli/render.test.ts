import { analyze } from '../analysis';
import { SCENARIOS } from '../../test/browser/host/scenarios';
import { renderReport } from './render';
import { wordsFor } from './words';

describe('the command prints an incident as the panel shows it', () => {
  const s = SCENARIOS.down();
  const report = analyze(s.frames, { now: s.to });

  it('one cause, its effects in one line then each on its own, and the down broker without stale figures', () => {
    const out = renderReport(report, wordsFor('en'), { colour: false });
    const lines = out.split('\n');
    expect(out).toContain('Findings (1)');
    const cause = lines.findIndex((l) =>
      l.includes('CRITICAL broker-missing kafka-3:7071: Broker kafka-3:7071 is down')
    );
    expect(cause).toBeGreaterThan(0);
    expect(lines[cause + 1].trim()).toBe(
      '+5 effects: under-replicated partitions on kafka-0:7071, kafka-1:7071, kafka-2:7071, kafka-4:7071, kafka-5:7071'
    );
    expect(lines[cause + 2]).toMatch(/^ {6}WARNING under-replicated kafka-0:7071: /);
    const row = lines.find((l) => l.trimStart().startsWith('kafka-3:7071'))!;
    expect(row).toMatch(/kafka-3:7071\s+–\s+–\s+–\s+Down, down since \d\d:\d\d:\d\d \S+ \(4 min\)/);
  });

  it('in Korean too', () => {
    const out = renderReport(report, wordsFor('ko'), { colour: false });
    expect(out).toContain(
      '영향 5건: kafka-0:7071, kafka-1:7071, kafka-2:7071, kafka-4:7071, kafka-5:7071의 복제 부족 파티션'
    );
  });
});
