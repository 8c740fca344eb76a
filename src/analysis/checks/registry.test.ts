import { analyze } from '../analyze';
import { DEFAULT_HEALTH_OPTIONS } from '../options';
import { SENTENCES } from '../messages';
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
