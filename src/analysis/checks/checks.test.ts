import { analyze } from '../analyze';
import { brokerName, clusterFrames, instantFrame, rangeFrame, stepTimes, STEP, T0 } from '../testkit/frames';
import type { HealthOptionsInput, HealthReport } from '../types';

const POINTS = 60; // 15 min at 15 s: the recent window (5 min) is the last 20 steps
const RECENT = 20;
const inRecent = (i: number) => i >= POINTS - RECENT;

/** One topic per broker, with `rate(broker, step)` msg/s. */
function cluster(
  brokers: number,
  rate: (b: number, i: number) => number | null,
  options?: HealthOptionsInput
): HealthReport {
  return analyze(clusterFrames({ brokers, topics: 1, points: POINTS, rate: (b, _t, i) => rate(b, i) }), options);
}

const checks = (r: HealthReport) => r.findings.map((f) => f.check);
const finding = (r: HealthReport, check: string) => r.findings.find((f) => f.check === check);
const skippedChecks = (r: HealthReport) => r.notEvaluated.map((n) => n.check);

describe('imbalance', () => {
  it('a hot broker: score, subject, direction and remedy', () => {
    const r = cluster(3, (b) => (b === 2 ? 200 : 100));
    const f = finding(r, 'imbalance')!;
    expect(r.cluster.imbalance).toBeCloseTo(0.5);
    expect(f).toMatchObject({ severity: 'critical', subject: 'broker-2', threshold: 0.5 });
    expect(f.value).toBeCloseTo(0.5);
    expect(f.message).toMatch(/hot.*1\.5×.*\+50%/);
    expect(f.suggestion).toMatch(/preferred leader election/i);
    expect(f.suggestion).toMatch(/reassign/i);
    expect(r.brokers.find((b) => b.name === 'broker-2')!.status).toBe('hot');
  });

  it('a broker whose own traffic fell is the subject; the brokers that did not change are not hot', () => {
    // broker-4 loses 45% of its traffic; broker-0 and broker-1 were above the others all along.
    const base = [130, 125, 90, 90, 100];
    const r = cluster(5, (b, i) => (b === 4 && inRecent(i) ? 55 : base[b]));
    const f = finding(r, 'imbalance')!;
    expect(f.subject).toBe('broker-4');
    expect(f.message).toMatch(/idle.*its own traffic fell 45% while the others' did not/);
    expect(f.suggestion).toMatch(/Leadership moved away/);
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'idle']);
  });

  it('statuses come from the checks: no imbalance judged, nobody hot or idle; overloaded only with its finding', () => {
    const skewed = (options?: HealthOptionsInput) => cluster(3, (b) => [300, 100, 100][b], options);
    expect(skewed().brokers.map((b) => b.status)).toEqual(['hot', 'idle', 'idle']);
    const off = skewed({ thresholds: { imbalance: { warning: 0, critical: 0 } } });
    expect(off.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'ok']);
    const capacity = skewed({ thresholds: { brokerOverload: { warning: 250, critical: 0 } } });
    expect(capacity.brokers[0].status).toBe('overloaded');
    expect(finding(capacity, 'broker-overload')!.subject).toBe('broker-0');
  });

  it('a trickle is not an imbalance: the minimum rate is per broker', () => {
    // A dev cluster at 1.4 msg/s in all: one broker takes most of it, and that means nothing.
    const r = cluster(3, (b) => [1.0, 0.2, 0.2][b]);
    expect(checks(r)).not.toContain('imbalance');
    expect(r.notEvaluated.find((n) => n.check === 'imbalance')!.reason).toMatch(/average per broker below/);
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('an idle broker', () => {
    const r = cluster(3, (b) => (b === 1 ? 10 : 100));
    const f = finding(r, 'imbalance')!;
    expect(f.subject).toBe('broker-1');
    expect(f.message).toMatch(/idle/);
    expect(r.brokers[1].deviation).toBeCloseTo(10 / 70 - 1);
  });

  it('warning between the two thresholds, nothing below', () => {
    expect(
      finding(
        cluster(3, (b) => (b === 0 ? 145 : 100)),
        'imbalance'
      )?.severity
    ).toBe('warning');
    expect(checks(cluster(3, (b) => (b === 0 ? 120 : 100)))).not.toContain('imbalance');
  });

  it('thresholds are options; 0 disables', () => {
    const skewed = (opts: HealthOptionsInput) => cluster(2, (b) => (b === 0 ? 120 : 100), opts);
    expect(finding(skewed({ thresholds: { imbalance: { warning: 0.05 } } }), 'imbalance')?.severity).toBe('warning');
    const off = skewed({ thresholds: { imbalance: { warning: 0, critical: 0 } } });
    expect(skippedChecks(off)).toContain('imbalance');
  });

  it('not evaluated with one broker or below the minimum rate', () => {
    expect(skippedChecks(cluster(1, () => 100))).toContain('imbalance');
    const quiet = cluster(3, (b) => (b === 0 ? 0.5 : 0.1));
    expect(skippedChecks(quiet)).toContain('imbalance');
    expect(quiet.verdict).toBe('ok');
  });
});

describe('topic-skew', () => {
  const frames = (brokers: number) =>
    clusterFrames({
      brokers,
      topics: 2,
      points: POINTS,
      // topic-0 is busy and sits 90% on broker 0; topic-1 is spread evenly.
      rate: (b, t) => (t === 0 ? (b === 0 ? 900 : 100 / (brokers - 1)) : 300),
    });

  it('a busy topic mostly on one broker is reported as info and never changes the verdict', () => {
    const r = analyze(frames(3), { thresholds: { imbalance: { warning: 0, critical: 0 } } });
    const f = finding(r, 'topic-skew')!;
    expect(f).toMatchObject({ severity: 'info', subject: 'topic-0', subjectKind: 'topic' });
    expect(f.value).toBeCloseTo(0.9);
    expect(r.topics.find((t) => t.name === 'topic-0')!.skewed).toBe(true);
    expect(r.topics.find((t) => t.name === 'topic-1')!.skewed).toBe(false);
    expect(r.verdict).toBe('ok');
  });

  it('needs three brokers', () => {
    expect(skippedChecks(analyze(frames(2)))).toContain('topic-skew');
  });

  it('ignores topics under 5% of the traffic', () => {
    const r = analyze(
      clusterFrames({ brokers: 3, topics: 2, points: POINTS, rate: (b, t) => (t === 0 ? (b === 0 ? 10 : 0) : 1000) }),
      { thresholds: { imbalance: { warning: 0, critical: 0 } } }
    );
    expect(checks(r)).not.toContain('topic-skew');
  });
});

describe('low-throughput and broker-overload', () => {
  const floors = { thresholds: { lowThroughput: { warning: 50, critical: 10 } } };
  it('off by default', () => {
    const r = cluster(2, () => 1);
    expect(skippedChecks(r)).toEqual(expect.arrayContaining(['low-throughput', 'broker-overload']));
  });

  it('average per broker below the floors', () => {
    expect(
      finding(
        cluster(2, () => 30, floors),
        'low-throughput'
      )
    ).toMatchObject({ severity: 'warning', value: 30, threshold: 50 });
    expect(
      finding(
        cluster(2, () => 5, floors),
        'low-throughput'
      )
    ).toMatchObject({ severity: 'critical', threshold: 10 });
    expect(checks(cluster(2, () => 60, floors))).not.toContain('low-throughput');
  });

  it('one finding per broker above capacity', () => {
    const caps = {
      thresholds: { brokerOverload: { warning: 150, critical: 300 }, imbalance: { warning: 0, critical: 0 } },
    };
    const r = cluster(3, (b) => [100, 200, 400][b], caps);
    const found = r.findings.filter((f) => f.check === 'broker-overload').map((f) => [f.subject, f.severity]);
    expect(found).toEqual([
      ['broker-2', 'critical'],
      ['broker-1', 'warning'],
    ]);
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'overloaded', 'overloaded']);
  });
});

describe('trends over a range', () => {
  it('spike: recent cluster rate ≥ 3× baseline', () => {
    const r = cluster(3, (_b, i) => (inRecent(i) ? 400 : 100));
    const f = finding(r, 'spike')!;
    expect(f.severity).toBe('warning');
    expect(f.value).toBeCloseTo(4);
    expect(r.cluster.baseline).toBe(300);
    expect(r.cluster.recent).toBe(1200);
  });

  it('drop: warning from 50%, critical from 90%', () => {
    expect(
      finding(
        cluster(3, (_b, i) => (inRecent(i) ? 40 : 100)),
        'drop'
      )
    ).toMatchObject({ severity: 'warning' });
    expect(
      finding(
        cluster(3, (_b, i) => (inRecent(i) ? 5 : 100)),
        'drop'
      )
    ).toMatchObject({ severity: 'critical' });
    expect(checks(cluster(3, (_b, i) => (inRecent(i) ? 60 : 100)))).not.toContain('drop');
  });

  it('a single bad sample in the recent window does not fire (medians)', () => {
    const r = cluster(3, (_b, i) => (i === POINTS - 1 ? 0 : 100));
    expect(r.verdict).toBe('ok');
  });

  it('broker-stalled: reporting, but near zero against an active baseline', () => {
    const r = cluster(3, (b, i) => (b === 1 && inRecent(i) ? 0 : 100));
    const f = finding(r, 'broker-stalled')!;
    expect(f).toMatchObject({ severity: 'critical', subject: 'broker-1', value: 0 });
    expect(r.brokers[1].status).toBe('stalled');
    expect(r.verdict).toBe('critical');
  });

  it('broker-missing: silent past the staleness limit while the others report', () => {
    const r = cluster(3, (b, i) => (b === 2 && inRecent(i) ? null : 100));
    const f = finding(r, 'broker-missing')!;
    expect(f).toMatchObject({ severity: 'critical', subject: 'broker-2' });
    expect(f.message).toContain('is down: no data for 5 min, since 22:23:05 UTC');
    expect(r.brokers[2]).toMatchObject({ status: 'missing', rate: 0 });
    expect(r.cluster.brokerCount).toBe(2);
    expect(r.cluster.brokersSeen).toBe(3);
    // The two brokers left are balanced: a missing broker is not also "idle".
    expect(checks(r)).not.toContain('imbalance');
    expect(checks(r)).not.toContain('broker-stalled');
  });

  it('findings are not exclusive: a cluster-wide drop is a drop even when brokers stall', () => {
    const r = cluster(3, (b, i) => (inRecent(i) ? (b === 0 ? 100 : 0) : 100));
    expect(checks(r)).toEqual(expect.arrayContaining(['drop', 'broker-stalled']));
    expect(r.findings.filter((f) => f.check === 'broker-stalled').map((f) => f.subject)).toEqual([
      'broker-1',
      'broker-2',
    ]);
  });

  it('the axis reaches the judge time, so a cluster that fell silent shows: one critical finding', () => {
    const frames = clusterFrames({ brokers: 2, topics: 1, points: POINTS, rate: () => 100 });
    // Nothing for the last 30 steps (7.5 min): longer than Prometheus' lookback, so not lag.
    const to = T0 + (POINTS - 1 + 30) * STEP;
    const r = analyze(frames, { timeRange: { from: T0, to } });
    expect(r.timeline!.times).toHaveLength(POINTS + 30);
    expect(r.verdict).toBe('critical');
    expect(checks(r)).toEqual(['cluster-silent']);
    expect(finding(r, 'cluster-silent')!.message).toMatch(/No broker has reported for 8 min/);
    expect(r.brokers.map((b) => [b.status, b.rate])).toEqual([
      ['missing', 0],
      ['missing', 0],
    ]);
    expect(r.cluster.totalRate).toBe(0);
  });

  it('every series ending at one moment, shortly before now, is ingestion lag: judged at the data', () => {
    const frames = clusterFrames({ brokers: 2, topics: 1, points: POINTS, rate: () => 100 });
    const to = T0 + (POINTS - 1 + 10) * STEP;
    const r = analyze(frames, { timeRange: { from: T0, to } });
    expect(r.verdict).toBe('warning');
    expect(checks(r)).toEqual(['data-delayed']);
    expect(finding(r, 'data-delayed')!.message).toMatch(/stops 3 min before now/);
    expect(r.timeline!.judgeAt).toBe(T0 + (POINTS - 1) * STEP);
    expect(r.cluster.totalRate).toBe(200);
  });

  it('instant data: trend checks are listed as not evaluated', () => {
    const r = analyze(clusterFrames({ brokers: 2, topics: 1, points: 1, rate: () => 100 }));
    expect(r.data.kind).toBe('instant');
    expect(skippedChecks(r)).toEqual(expect.arrayContaining(['spike', 'drop', 'broker-stalled', 'broker-missing']));
    expect(r.notEvaluated.find((n) => n.check === 'spike')!.reason).toMatch(/instant/);
  });

  it('a range too short to split', () => {
    const r = analyze(clusterFrames({ brokers: 2, topics: 1, points: 4, rate: () => 100 }));
    expect(r.data.kind).toBe('range');
    expect(r.notEvaluated.find((n) => n.check === 'drop')!.reason).toMatch(/too few steps/);
  });
});

describe('identity and impossible values', () => {
  const times = stepTimes(POINTS);
  const perBroker = (rate: (b: number) => number) =>
    [0, 1, 2].map((b) =>
      rangeFrame(
        { instance: brokerName(b), topic: 'orders' },
        times,
        times.map(() => rate(b))
      )
    );

  it('a cluster total beside the per-broker query is a cross-check, never a fourth broker', () => {
    const total = rangeFrame(
      {},
      times,
      times.map(() => 300),
      'B'
    );
    const r = analyze([...perBroker(() => 100), total]);
    expect(r.brokers.map((b) => b.name)).toEqual([brokerName(0), brokerName(1), brokerName(2)]);
    expect(r.cluster.totalRate).toBe(300);
    expect(r.verdict).toBe('ok');
    expect(r.findings).toEqual([]);
  });

  it('a cluster total that disagrees with the brokers says so', () => {
    // The total also counts a fourth broker the per-broker query filters out.
    const total = rangeFrame(
      {},
      times,
      times.map(() => 400),
      'B'
    );
    const r = analyze([...perBroker(() => 100), total]);
    expect(r.findings.map((f) => `${f.severity}:${f.check}`)).toEqual(['warning:cluster-total']);
    expect(r.findings[0].message).toMatch(/Query B .* reads 400 msg\/s in all, but the brokers sum to 300 msg\/s/);
  });

  it('negative rates (deriv() of a gauge) are said, and left out of every figure', () => {
    const r = analyze(perBroker((b) => (b === 1 ? -50 : 100)));
    expect(r.findings.map((f) => `${f.severity}:${f.check}`)).toContain('warning:invalid-values');
    expect(finding(r, 'invalid-values')!.message).toMatch(
      /^Negative samples: \d+\. A rate of a counter is never negative/
    );
    expect(r.cluster.totalRate).toBe(200);
    // The broker with nothing valid is not a broker at 0: it is left out, not called idle.
    expect(r.brokers.map((b) => b.name)).toEqual([brokerName(0), brokerName(2)]);
    expect(checks(r)).not.toContain('imbalance');
  });

  it('absurd magnitudes are broken data, not "every broker reports 0"', () => {
    const r = analyze(perBroker((b) => (b === 0 ? 1e308 : 100)));
    expect(finding(r, 'invalid-values')!.message).toMatch(/above 10¹² msg\/s/);
    expect(checks(r)).not.toContain('all-zero');
    expect(r.cluster.totalRate).toBe(200);
  });
});

describe('data problems', () => {
  it('no frames at all', () => {
    const r = analyze([]);
    expect(r.verdict).toBe('nodata');
    expect(r.findings[0].message).toMatch(/no series.*up\{/);
    expect(r.findings[0].suggestion).toContain(
      'sum by (instance, topic) (rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m]))'
    );
  });

  it('all zero: a warning that explains the likely causes, and nothing that needs traffic', () => {
    const r = cluster(3, () => 0);
    expect(r.verdict).toBe('warning');
    expect(checks(r)).toEqual(['all-zero']);
    expect(finding(r, 'all-zero')!.message).toMatch(/JMX agent/);
    expect(skippedChecks(r)).toContain('imbalance');
  });

  it('a single point, and all-NaN data', () => {
    const single = analyze([rangeFrame({ instance: 'b1' }, [T0], [5])]);
    expect(single.cluster.totalRate).toBe(5);
    expect(single.data.kind).toBe('instant');
    const nan = analyze([rangeFrame({ instance: 'b1' }, stepTimes(3), [NaN, null, 'x'])]);
    expect(nan.verdict).toBe('nodata');
  });

  it('a broker label chosen in the options but absent from the data', () => {
    const r = cluster(2, () => 100, { brokerLabel: 'broker_id' });
    expect(finding(r, 'label-not-found')!.message).toMatch(/broker_id.*used "instance"/);
    expect(r.brokers.map((b) => b.name)).toEqual([brokerName(0), brokerName(1)]);
  });

  it('an explicit broker label wins over auto-detection', () => {
    const times = stepTimes(3);
    const r = analyze(
      [
        rangeFrame({ instance: '10.0.0.1:7071', host: 'kafka-a' }, times, [1, 1, 1]),
        rangeFrame({ instance: '10.0.0.2:7071', host: 'kafka-b' }, times, [1, 1, 1]),
      ],
      { brokerLabel: 'host' }
    );
    expect(r.brokers.map((b) => b.name)).toEqual(['kafka-a', 'kafka-b']);
  });
});

describe('reducers and ordering', () => {
  it('rateReducer: last, mean or max over the range', () => {
    const rate = (_b: number, i: number) => (i < POINTS / 2 ? 100 : 200);
    expect(cluster(1, rate).cluster.totalRate).toBe(200);
    expect(cluster(1, rate, { rateReducer: 'mean' }).cluster.totalRate).toBe(150);
    expect(cluster(1, (_b, i) => (i === 3 ? 999 : 100), { rateReducer: 'max' }).cluster.totalRate).toBe(999);
  });

  it('findings come most severe first; the verdict is the worst warning or critical', () => {
    const r = cluster(3, (b, i) => (b === 1 && inRecent(i) ? 0 : b === 2 ? 130 : 100), {
      thresholds: { brokerOverload: { warning: 120 } },
    });
    const severities = r.findings.map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b)
      )
    );
    expect(severities[0]).toBe('critical');
    expect(r.verdict).toBe('critical');
  });
});

describe('several clusters in one query', () => {
  const times = stepTimes(POINTS);
  /** Three brokers named alike in each environment; `stalled` names the broker at 0 lately in staging. */
  function twoClusters(label = 'env', stalled = 1) {
    return ['prod', 'staging'].flatMap((env) =>
      [0, 1, 2].map((b) =>
        rangeFrame(
          { instance: brokerName(b), topic: 'orders', [label]: env },
          times,
          times.map((_, i) => (env === 'staging' && b === stalled && inRecent(i) ? 0 : env === 'prod' ? 200 : 50))
        )
      )
    );
  }

  it('analyses each on its own: a stalled broker in one is not hidden by its namesake in the other', () => {
    const r = analyze(twoClusters());
    expect(r.clusters!.map((c) => [c.name, c.label, c.report.verdict])).toEqual([
      ['staging', 'env', 'critical'],
      ['prod', 'env', 'ok'],
    ]);
    expect(r.verdict).toBe('critical');
    expect(r.findings.map((f) => `${f.check}:${f.cluster}:${f.subject}`)).toEqual(['broker-stalled:staging:broker-1']);
    expect(r.findings[0].message).toMatch(/^staging: Broker broker-1 stopped taking messages/);
    // The union: every broker tagged, the figures summed.
    expect(r.brokers.map((b) => `${b.cluster}/${b.name}:${b.status}`)).toEqual([
      'staging/broker-0:ok',
      'staging/broker-1:stalled',
      'staging/broker-2:ok',
      'prod/broker-0:ok',
      'prod/broker-1:ok',
      'prod/broker-2:ok',
    ]);
    expect(r.cluster.totalRate).toBe(3 * 200 + 2 * 50);
    // A stalled broker still reports: six brokers report, five take traffic.
    expect(r.cluster.brokerCount).toBe(6);
    expect(r.cluster.avgPerBroker).toBeCloseTo((3 * 200 + 2 * 50) / 5);
  });

  it('the cluster label can be chosen, or turned off', () => {
    expect(analyze(twoClusters('region'), { clusterLabel: 'region' }).clusters).toHaveLength(2);
    // `region` is not a known cluster label: auto leaves it alone, and names merge as before.
    expect(analyze(twoClusters('region')).clusters).toBeUndefined();
    const merged = analyze(twoClusters(), { clusterLabel: 'none' });
    expect(merged.clusters).toBeUndefined();
    expect(merged.brokers).toHaveLength(3);
  });

  it('one cluster stays one report: a label whose values do not repeat broker names splits nothing', () => {
    const frames = [0, 1, 2].map((b) =>
      rangeFrame(
        { instance: brokerName(b), topic: 'orders', job: `kafka-${b}` },
        times,
        times.map(() => 100)
      )
    );
    const r = analyze(frames);
    expect(r.clusters).toBeUndefined();
    expect(r.brokers.every((b) => b.cluster === undefined)).toBe(true);
  });
});

describe('limits', () => {
  it('150,000 brokers, each with a finding of its own: analysed, not a stack overflow', () => {
    // One instant sample per broker, every one over the capacity threshold.
    const frames = Array.from({ length: 150_000 }, (_, b) => instantFrame({ instance: `b${b}` }, 10));
    const r = analyze(frames, { thresholds: { brokerOverload: { warning: 5, critical: 0 } } });
    expect(r.findings.filter((f) => f.check === 'analysis-error')).toEqual([]);
    expect(r.findings.filter((f) => f.check === 'broker-overload')).toHaveLength(150_000);
    expect(r.cluster.brokerCount).toBe(150_000);
  });
});
