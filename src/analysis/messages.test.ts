import { analyze } from './analyze';
import { MessageKey, say, SENTENCES } from './messages';
import { clusterFrames, instantFrame, rangeFrame, stepTimes } from './testkit/frames';
import type { HealthReport } from './types';

/** Reports that between them say many different things. */
function reports(): HealthReport[] {
  const times = stepTimes(60);
  return [
    analyze(
      clusterFrames({
        brokers: 3,
        topics: 2,
        points: 60,
        rate: (b, _t, i) => (b === 1 && i > 45 ? 0 : b === 2 ? 300 : 100),
      })
    ),
    analyze(clusterFrames({ brokers: 3, topics: 1, points: 60, rate: (b, _t, i) => (b === 2 && i > 40 ? null : 100) })),
    analyze(clusterFrames({ brokers: 3, topics: 1, points: 60, rate: () => 0 })),
    analyze([]),
    analyze([instantFrame({ __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: 'b1' }, 5)]),
    analyze([
      rangeFrame(
        { instance: 'b1', topic: 't' },
        times,
        times.map(() => -5)
      ),
      rangeFrame(
        { instance: 'b2', topic: 't' },
        times,
        times.map(() => 5)
      ),
    ]),
    analyze(
      [
        ...clusterFrames({ brokers: 3, topics: 1, points: 60, rate: () => 100 }),
        rangeFrame(
          { __name__: 'kafka_controller_kafkacontroller_offlinepartitionscount', instance: 'c1' },
          times,
          times.map(() => 2),
          'F'
        ),
        rangeFrame(
          { __name__: 'kafka_server_replicamanager_underreplicatedpartitions', instance: 'broker-0' },
          times,
          times.map(() => 3),
          'E'
        ),
      ],
      { brokerLabel: 'pod' }
    ),
  ];
}

describe('the message module', () => {
  it('renders every finding from its structured data: the same key and params say the same words', () => {
    const findings = reports().flatMap((r) => r.findings);
    const keys = new Set(findings.map((f) => f.messageKey));
    expect(keys.size).toBeGreaterThan(10);
    for (const f of findings) {
      expect(f.messageKey && f.messageKey in SENTENCES).toBe(true);
      const again = say(f.messageKey as MessageKey, f.params as never);
      expect({ message: again.message, suggestion: again.suggestion }).toEqual({
        message: f.message,
        suggestion: f.suggestion,
      });
    }
  });

  it('keeps names as params, so a hostile label value is data, not a template', () => {
    const r = analyze(
      clusterFrames({
        brokers: 3,
        topics: 1,
        points: 60,
        rate: (b) => (b === 0 ? 400 : 100),
        brokerLabel: 'instance',
      }).map((f, i) =>
        i === 0
          ? { ...f, fields: [f.fields[0], { ...f.fields[1], labels: { instance: '${p.broker}', topic: 'x' } }] }
          : f
      )
    );
    const f = r.findings.find((x) => x.check === 'imbalance')!;
    expect(f.params!.broker).toBe('${p.broker}');
    expect(f.message).toContain('${p.broker}');
  });
});
