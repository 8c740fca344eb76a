import { analyze } from '../analyze';
import { DEFAULT_HEALTH_OPTIONS } from '../options';
import { EFFECT_PHRASES, SENTENCES } from '../messages';
import { rangeFrame, stepTimes } from '../testkit/frames';
import type { Model } from '../model/model';
import { prepareSeries } from '../model/prepare';
import { splitByRole } from '../signals/signalModel';
import { defineCheck } from './check';
import { result, single } from './context';
import { ALL_CHECKS, CHECKS } from './registry';
import { runChecks } from './run';

/** A model of an empty query, as analyze builds it. */
function emptyModel(): Model {
  return {
    options: DEFAULT_HEALTH_OPTIONS,
    reading: {
      prepared: prepareSeries([], { ...DEFAULT_HEALTH_OPTIONS, queries: {} }),
      seriesRead: 0,
      notices: [],
      query: 'q',
      unlabelled: false,
      refIds: [],
    },
    signals: {
      split: splitByRole([]),
      inRates: new Map(),
      outRates: new Map(),
      topicBytes: new Map(),
    },
    groups: [],
  };
}

describe('the check registry', () => {
  it('declares what each check explains by registered ids, with a phrase for each effect, and no cycle', () => {
    const ids = new Set<string>(ALL_CHECKS.map((c) => c.id));
    const edges = new Map(ALL_CHECKS.map((c) => [c.id as string, Object.keys(c.explains ?? {})]));
    for (const [cause, effects] of edges) {
      for (const effect of effects) {
        expect({ cause, effect, known: ids.has(effect), phrase: effect in EFFECT_PHRASES }).toEqual({
          cause,
          effect,
          known: true,
          phrase: true,
        });
      }
    }
    // Depth-first from each check: reaching it again would be a cycle.
    const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
      (edges.get(from) ?? []).some(
        (next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen)))
      );
    expect(Array.from(edges.keys()).filter((id) => reaches(id, id))).toEqual([]);
  });

  it('lists each module once, each with the words it says', () => {
    const keys = Object.keys(SENTENCES);
    for (const check of CHECKS) {
      // Every check but the analysis error (said by analyze itself) has a sentence of its own.
      expect({ id: check.id, worded: keys.some((k) => k === check.id || k.startsWith(`${check.id}.`)) }).toEqual({
        id: check.id,
        worded: true,
      });
    }
  });

  it('runs a new check from its module alone: roles gate it, its thresholds reach it', () => {
    const seen: unknown[] = [];
    const lagOnly = defineCheck({
      id: 'consumer-lag',
      scope: 'group',
      summary: 'test',
      roles: ['consumerLag'],
      thresholds: {},
      evaluate: () => single({ check: 'consumer-lag', severity: 'warning', message: 'lag check ran' }),
    });
    const always = defineCheck({
      id: 'query-notice',
      scope: 'data',
      summary: 'test',
      roles: [],
      thresholds: {
        consumerLagFloor: { kind: 'single', default: 1000, label: 'x', description: 'y' },
      },
      evaluate: (_m, t) => {
        seen.push(t.consumerLagFloor);
        return result();
      },
    });
    const out = runChecks(emptyModel(), [lagOnly, always]);
    // No consumer-lag role in the model: the check does not run; a roleless one always does.
    expect(out.findings).toEqual([]);
    expect(seen).toEqual([DEFAULT_HEALTH_OPTIONS.thresholds.consumerLagFloor]);
  });

  it('gives every check its declared thresholds, resolved from the options', () => {
    const times = stepTimes(40);
    const report = analyze(
      [
        rangeFrame(
          { instance: 'a' },
          times,
          times.map(() => 100)
        ),
        rangeFrame(
          { instance: 'b' },
          times,
          times.map(() => 100)
        ),
        rangeFrame(
          { instance: 'c' },
          times,
          times.map(() => 400)
        ),
      ],
      { thresholds: { imbalance: { warning: 0.9, critical: 0.95 } } }
    );
    // 400 against a mean of 200 is +100%: critical only once the check reads the options' pair.
    expect(report.findings.find((f) => f.check === 'imbalance')).toMatchObject({
      severity: 'critical',
      threshold: 0.95,
    });
    expect(ALL_CHECKS.every((c) => typeof c.evaluate === 'function')).toBe(true);
  });
});
