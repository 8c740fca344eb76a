import fc from 'fast-check';
import { analyze } from './analyze';
import { incidentsOf } from './incidents';
import { ALL_CHECKS } from './checks/registry';
import { effectsLine } from './messages';
import type { Finding, Severity } from './types';
import { SCENARIOS } from '../../test/browser/host/scenarios';

const finding = (check: string, severity: Severity, subject?: string, cluster?: string): Finding =>
  ({ check, severity, subject, cluster, message: `${check} ${subject ?? ''}` }) as Finding;

describe('incidents: causes before effects', () => {
  it('a broker that is down is one incident, the others’ under-replicated partitions its effects', () => {
    const s = SCENARIOS.down();
    const report = analyze(s.frames, { now: s.to });
    expect(report.verdict).toBe('critical');
    const [first, ...rest] = report.incidents;
    expect(first.cause).toMatchObject({ check: 'broker-missing', subject: 'kafka-3:7071' });
    expect(first.effects.map((e) => `${e.check} ${e.subject}`)).toEqual(
      [0, 1, 2, 4, 5].map((b) => `under-replicated kafka-${b}:7071`)
    );
    // No under-replicated alarm of its own is left.
    expect(rest.map((i) => i.cause.check)).not.toContain('under-replicated');
    expect(effectsLine(first.effects)).toBe(
      '+5 effects: under-replicated partitions on kafka-0:7071, kafka-1:7071, kafka-2:7071, kafka-4:7071, kafka-5:7071'
    );
  });

  it('names five subjects of an effect and counts the rest, each check once in the order of its effects', () => {
    const effects = [
      ...[1, 2, 3, 4, 5, 6, 7].map((b) => finding('under-replicated', 'warning', `kafka-${b}`)),
      finding('drop', 'warning'),
      finding('under-replicated', 'warning', 'kafka-1'),
    ];
    expect(effectsLine(effects)).toBe(
      '+9 effects: under-replicated partitions on kafka-1, kafka-2, kafka-3, kafka-4, kafka-5 +2; cluster traffic fell'
    );
  });

  it('a hot broker explains its own bytes imbalance, not another broker’s', () => {
    const incidents = incidentsOf([
      finding('imbalance', 'warning', 'kafka-2'),
      finding('bytes-imbalance', 'warning', 'kafka-2'),
      finding('bytes-imbalance', 'warning', 'kafka-4'),
    ]);
    expect(incidents.map((i) => [i.cause.subject, i.effects.map((e) => e.subject)])).toEqual([
      ['kafka-2', ['kafka-2']],
      ['kafka-4', []],
    ]);
  });

  it('an effect goes to the cause about its own subject, and never to another cluster’s', () => {
    const incidents = incidentsOf([
      finding('broker-missing', 'critical', 'kafka-1', 'prod'),
      finding('broker-missing', 'critical', 'kafka-3', 'prod'),
      finding('under-replicated', 'warning', 'kafka-2', 'prod'),
      finding('bytes-imbalance', 'critical', 'kafka-3', 'prod'),
      finding('under-replicated', 'warning', 'kafka-2', 'staging'),
    ]);
    expect(incidents.map((i) => [i.cause.subject, i.cause.cluster, i.effects.map((e) => e.subject)])).toEqual([
      ['kafka-1', 'prod', ['kafka-2']],
      ['kafka-3', 'prod', ['kafka-3']],
      ['kafka-2', 'staging', []],
    ]);
  });

  it('an incident is as severe as its worst effect, and incidents come worst first', () => {
    const incidents = incidentsOf([
      finding('consumer-lag', 'warning', 'billing'),
      finding('broker-stalled', 'warning', 'kafka-1'),
      finding('drop', 'critical'),
    ]);
    expect(incidents.map((i) => [i.cause.check, i.severity])).toEqual([
      ['broker-stalled', 'critical'],
      ['consumer-lag', 'warning'],
    ]);
  });

  it('info findings are never folded away', () => {
    const incidents = incidentsOf([
      finding('broker-missing', 'critical', 'kafka-1'),
      finding('topic-skew', 'info', 'orders'),
    ]);
    expect(incidents).toHaveLength(2);
  });

  const ids = ALL_CHECKS.map((c) => c.id);
  it('every finding is in exactly one incident, whatever the findings (property)', () => {
    const arbFinding = fc.record({
      check: fc.constantFrom(...ids),
      severity: fc.constantFrom<Severity>('critical', 'warning', 'info'),
      subject: fc.option(fc.constantFrom('kafka-1', 'kafka-2', 'orders'), { nil: undefined }),
      cluster: fc.option(fc.constantFrom('prod', 'staging'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 30 }), (specs) => {
        const findings = specs.map((s) => finding(s.check, s.severity, s.subject, s.cluster));
        const incidents = incidentsOf(findings);
        const listed = incidents.flatMap((i) => [i.cause, ...i.effects]);
        expect(listed).toHaveLength(findings.length);
        expect(new Set(listed).size).toBe(findings.length);
        const rank = { critical: 0, warning: 1, info: 2 };
        for (let k = 1; k < incidents.length; k++) {
          expect(rank[incidents[k - 1].severity]).toBeLessThanOrEqual(rank[incidents[k].severity]);
        }
        for (const i of incidents) {
          expect(i.effects.every((e) => e.cluster === i.cause.cluster && e.severity !== 'info')).toBe(true);
        }
      })
    );
  });
});
