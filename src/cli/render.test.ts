import { analyze } from '../analysis';
import { rangeFrame, stepTimes } from '../analysis/testkit/frames';
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

describe('the command prints the other signals it was given', () => {
  it('their broker columns (here the Produce p99 and under-replicated partitions) and the consumer groups', () => {
    const times = stepTimes(60);
    const flat = (v: number) => times.map(() => v);
    const brokers = ['kafka-1', 'kafka-2', 'kafka-3'];
    const frames = [
      ...brokers.map((b) => rangeFrame({ instance: b, topic: 'orders' }, times, flat(100), 'A')),
      ...brokers.map((b, i) =>
        rangeFrame(
          { __name__: 'kafka_network_requestmetrics_totaltimems', instance: b, request: 'Produce', quantile: '0.99' },
          times,
          flat(i === 2 ? 450 : 12),
          'R'
        )
      ),
      ...brokers.map((b) =>
        rangeFrame(
          { __name__: 'kafka_server_replicamanager_underreplicatedpartitions', instance: b },
          times,
          flat(0),
          'E'
        )
      ),
      ...[0, 1].map((p) =>
        rangeFrame(
          { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: 'orders', partition: String(p) },
          times,
          flat(36_000),
          'H'
        )
      ),
      ...[0, 1].map((p) => rangeFrame({ topic: 'orders', partition: String(p) }, times, flat(100), 'U')),
    ];
    const out = renderReport(analyze(frames, { roles: { U: 'partitionOffsets' } }), wordsFor('en'), { colour: false });
    const lines = out.split('\n');
    expect(lines.find((l) => l.trimStart().startsWith('Broker '))).toMatch(/Status\s+URP\s+p99 produce$/);
    expect(lines.find((l) => l.trimStart().startsWith('kafka-3'))).toMatch(/Slow\s+0\s+450 ms$/);
    expect(out).toContain('Consumer groups (1)');
    expect(lines.find((l) => l.trimStart().startsWith('billing'))).toMatch(/^\s+billing\s+72000\s+6 min\s+Behind$/);
  });
});
