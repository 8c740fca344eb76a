import fc from 'fast-check';
import { analyze } from '../analyze';
import type { HealthReport } from '../types';
import { instantFrame, PlainFrame, rangeFrame, stepTimes, STEP } from '../testkit/frames';
import { METRIC_ROLES, queryText, roleOf, roleOfName, roleOfQuery } from './roles';
import { splitByRole } from './signalModel';
import { extractSeries } from '../read/extractSeries';
import type { RawSeries } from '../read/series';

const POINTS = 120; // 30 min at 15 s; the recent window is the last 12 steps
const times = stepTimes(POINTS);
const BROKERS = ['kafka-1', 'kafka-2', 'kafka-3'];
const flat = (v: number) => times.map(() => v);

/** Balanced messages-in: 100 msg/s per broker on one topic. */
function messagesIn(rate = (_b: number) => 100): PlainFrame[] {
  return BROKERS.map((b, i) => rangeFrame({ instance: b, topic: 'orders' }, times, flat(rate(i)), 'A'));
}

function gauge(name: string, values: (broker: number) => number[], refId = 'B'): PlainFrame[] {
  return BROKERS.map((b, i) => rangeFrame({ __name__: name, instance: b }, times, values(i), refId));
}

const checks = (r: HealthReport) => r.findings.map((f) => `${f.severity}:${f.check}:${f.subject ?? ''}`);

describe('metric roles', () => {
  it('recognises the spellings of every role', () => {
    expect(
      [
        'kafka_server_brokertopicmetrics_bytesin_total',
        'kafka_server_brokertopicmetrics_bytesinpersec',
        'kafka_server_brokertopicmetrics_total_bytesinpersec_count',
        'kafka_server_brokertopicmetrics_bytesout_total',
        'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent',
        'kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total',
        'kafka_server_replicamanager_underreplicatedpartitions',
        'kafka_server_replicamanager_underreplicatedpartitions_value',
        'kafka_server_replicamanager_underminisrpartitioncount',
        'kafka_server_replicamanager_underminisrpartitioncount_value',
        'kafka_cluster_partition_underminisr',
        'kafka_log_logmanager_offlinelogdirectorycount',
        'kafka_log_logmanager_offlinelogdirectorycount_value',
        'kafka_controller_kafkacontroller_offlinepartitionscount',
        'kafka_controller_kafkacontroller_activecontrollercount',
        'kafka_consumergroup_lag',
        'kafka_consumergroup_lag_sum',
        'kafka_server_brokertopicmetrics_messagesin_total',
        'up',
      ].map(roleOfName)
    ).toEqual([
      'bytesIn',
      'bytesIn',
      'bytesIn',
      'bytesOut',
      'requestHandlerIdle',
      'requestHandlerIdle',
      'underReplicated',
      'underReplicated',
      'underMinIsr',
      'underMinIsr',
      'underMinIsr',
      'offlineLogDirs',
      'offlineLogDirs',
      'offlinePartitions',
      'activeControllers',
      'consumerLag',
      'consumerLag',
      undefined,
      undefined,
    ]);
  });

  it('reads the role of a query from its text, unless it mixes signals', () => {
    expect(roleOfQuery('sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesout_total{topic!=""}[1m]))')).toBe(
      'bytesOut'
    );
    expect(roleOfQuery('sum(rate(kafka_server_brokertopicmetrics_messagesin_total[5m]))')).toBe('messagesIn');
    expect(
      roleOfQuery(
        'sum(rate(kafka_server_brokertopicmetrics_bytesin_total[1m])) / sum(rate(kafka_server_brokertopicmetrics_messagesin_total[1m]))'
      )
    ).toBeUndefined();
    expect(queryText('Expr: sum(up)\nStep: 15s')).toBe('sum(up)');
  });

  it('lets the panel option override name and query text', () => {
    const source = {
      byRefId: { C: 'consumerLag' as const },
      queries: { C: 'Expr: sum(x)\nStep: 1s', B: 'Expr: rate(kafka_server_brokertopicmetrics_bytesin_total[1m])' },
    };
    expect(roleOf({ refId: 'C', name: 'kafka_server_brokertopicmetrics_bytesin_total' }, source)).toBe('consumerLag');
    expect(roleOf({ refId: 'B', name: '' }, source)).toBe('bytesIn');
    expect(roleOf({ refId: 'D', name: '' }, source)).toBeUndefined();
  });

  it('takes nameless series of a query as its role through executedQueryString on its first frame', () => {
    const bytes = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(i === 1 ? 300_000 : 100_000), 'B'));
    bytes[0].meta = {
      ...bytes[0].meta,
      executedQueryString:
        'Expr: sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesin_total{topic!=""}[1m]))\nStep: 15s',
    };
    const r = analyze([...messagesIn(), ...bytes]);
    expect(r.signals.roles.map((x) => x.role)).toEqual(['messagesIn', 'bytesIn']);
    expect(r.cluster.totalRate).toBeCloseTo(300);
    expect(r.brokers.map((b) => b.bytesIn)).toEqual([100_000, 300_000, 100_000]);
    expect(r.brokers.map((b) => b.avgMessageBytes)).toEqual([1000, 3000, 1000]);
  });

  it('works as before with only the messages-in query', () => {
    const r = analyze(messagesIn());
    expect(r.verdict).toBe('ok');
    expect(r.signals).toEqual({
      roles: [{ role: 'messagesIn', series: 3, refIds: ['A'] }],
      consumerGroups: [],
      underReplicated: undefined,
      offlinePartitions: undefined,
      activeControllers: undefined,
    });
    expect(r.brokers[0].bytesIn).toBeUndefined();
  });

  it('lists series it cannot place, and keeps going', () => {
    const r = analyze([...messagesIn(), ...gauge('up', () => flat(1))]);
    expect(r.verdict).toBe('ok');
    expect(r.data.ignored.map((i) => i.reason)).toContain('metric up is not a messages-in series');
  });
});

describe('bytes in and out', () => {
  it('scores bytes imbalance like messages, with the same thresholds', () => {
    const bytesOut = gauge(
      'kafka_server_brokertopicmetrics_bytesout_total',
      (i) => times.map((_, k) => ((k * STEP) / 1000) * (i === 2 ? 1_800_000 : 1_000_000)),
      'C'
    );
    const r = analyze([...messagesIn(), ...bytesOut]);
    // 1.8 MB/s against 1 MB/s: 1.8 / 1.2667 − 1 = +42% → warning (≥ 25%, < 50%).
    expect(checks(r)).toEqual(['warning:bytes-imbalance:kafka-3']);
    expect(r.findings[0].message).toMatch(
      /^Bytes out: broker kafka-3 carries 1\.8 MB\/s, \+42% against the mean of 1\.3 MB\/s/
    );
    expect(r.brokers[2].bytesOut).toBeCloseTo(1_800_000);
  });
});

describe('average message size', () => {
  it('is bytes in ÷ messages in per broker, and per topic when the bytes query keeps the topic', () => {
    const bytes = BROKERS.map((b) => rangeFrame({ instance: b, topic: 'orders' }, times, flat(100 * 750), 'B'));
    const r = analyze([...messagesIn(), ...bytes], { roles: { B: 'bytesIn' } });
    expect(r.brokers.map((b) => b.avgMessageBytes)).toEqual([750, 750, 750]);
    expect(r.topics[0].avgMessageBytes).toBe(750);
  });
});

describe('replication and controllers', () => {
  const urp = (from: number, count = 2) =>
    gauge('kafka_server_replicamanager_underreplicatedpartitions', (i) =>
      times.map((_, k) => (i === 1 && k >= from ? count : 0))
    );

  it('warns about under-replicated partitions, critical once they persist 5 minutes', () => {
    expect(checks(analyze([...messagesIn(), ...urp(POINTS - 4)]))).toEqual(['warning:under-replicated:kafka-2']);
    const persistent = analyze([...messagesIn(), ...urp(POINTS - 30)]);
    expect(checks(persistent)).toEqual(['critical:under-replicated:kafka-2']);
    expect(persistent.findings[0].message).toContain(': 2, for 7 min, over the 5 min limit.');
    expect(persistent.signals.underReplicated).toBe(2);
    expect(persistent.brokers[1].underReplicated).toBe(2);
  });

  it('judges network processors like request handlers, reading a 0–100 gauge as a percentage', () => {
    const idle = (scale: number) =>
      gauge(
        'kafka_network_socketserver_networkprocessoravgidlepercent',
        (i) => times.map(() => (i === 0 ? 0.05 : 0.8) * scale),
        'C'
      );
    for (const scale of [1, 100]) {
      const r = analyze([...messagesIn(), ...idle(scale)]);
      expect(checks(r)).toEqual(['critical:network-processors:kafka-1']);
      expect(r.findings[0]).toMatchObject({ value: 0.05, threshold: 0.1 });
      expect(r.brokers[0].status).toBe('saturated');
    }
    // Off when both levels are 0.
    const off = analyze([...messagesIn(), ...idle(1)], {
      thresholds: { networkProcessorIdle: { warning: 0, critical: 0 } },
    });
    expect(off.verdict).toBe('ok');
  });

  it('an unclean election is critical when the counter rose in the range, never for its value alone', () => {
    // The raw counter, as a controller reports it: 7 from an old failover, one more 10 minutes ago.
    const counter = (jump: boolean) => [
      rangeFrame(
        { __name__: 'kafka_controller_controllerstats_uncleanleaderelectionspersec_total', instance: 'controller-1' },
        times,
        times.map((_, k) => (jump && k >= POINTS - 40 ? 8 : 7)),
        'L'
      ),
    ];
    const quiet = analyze([...messagesIn(), ...counter(false)], { now: times[POINTS - 1] });
    expect(quiet.verdict).toBe('ok');
    expect(quiet.signals.uncleanElections).toBe(0);
    const r = analyze([...messagesIn(), ...counter(true)], { now: times[POINTS - 1] });
    expect(checks(r)).toEqual(['critical:unclean-election:']);
    expect(r.findings[0].message).toMatch(
      /^An out-of-sync replica was elected leader \(1 unclean election\(s\), the latest at \d\d:\d\d:\d\d UTC, 10 min ago\)/
    );
    expect(r.signals.uncleanElections).toBe(1);
    // A restart resets the counter to 0: a fall is not an election.
    const reset = [
      rangeFrame(
        { __name__: 'kafka_controller_controllerstats_uncleanleaderelectionspersec_total', instance: 'controller-1' },
        times,
        times.map((_, k) => (k >= 60 ? 0 : 7)),
        'L'
      ),
    ];
    expect(analyze([...messagesIn(), ...reset], { now: times[POINTS - 1] }).verdict).toBe('ok');
  });

  describe('why a broker is hot', () => {
    const counts = (name: string, perBroker: number[], refId: string) => gauge(name, (i) => flat(perBroker[i]), refId);
    const leaders = (l: number[]) => counts('kafka_server_replicamanager_leadercount', l, 'M');
    const partitions = (p: number[]) => counts('kafka_server_replicamanager_partitioncount', p, 'N');
    const preferred = (v: number) => [
      rangeFrame(
        { __name__: 'kafka_controller_kafkacontroller_preferredreplicaimbalancecount', instance: 'controller-1' },
        times,
        flat(v),
        'O'
      ),
    ];
    const hotFirst = messagesIn((b) => (b === 0 ? 200 : 100));
    const story = (r: HealthReport) =>
      r.incidents
        .filter((i) => i.severity !== 'info')
        .map((i) => [
          `${i.cause.check}:${i.cause.subject ?? ''}`,
          i.effects.map((e) => `${e.check}:${e.subject ?? ''}`),
        ]);

    it('leadership drifted: the preferred-replica imbalance explains the leader skew, which explains the hot broker', () => {
      const r = analyze([...hotFirst, ...leaders([20, 10, 10]), ...partitions([30, 30, 30]), ...preferred(8)]);
      expect(story(r)).toEqual([['preferred-leader-imbalance:', ['imbalance:kafka-1', 'leader-skew:kafka-1']]]);
      expect(r.incidents[0].cause.suggestion).toContain(
        'kafka-leader-election --election-type PREFERRED --all-topic-partitions'
      );
      expect(r.signals.preferredReplicaImbalance).toBe(8);
    });

    it('no leader-election advice when leaders follow the replicas: the replicas are unevenly placed', () => {
      const r = analyze([...hotFirst, ...leaders([20, 10, 10]), ...partitions([60, 30, 30]), ...preferred(0)]);
      expect(story(r)).toEqual([['partition-skew:kafka-1', ['imbalance:kafka-1']]]);
      expect(r.incidents[0].cause.suggestion).toContain('kafka-reassign-partitions --generate');
      expect(r.incidents[0].cause.suggestion).not.toContain('leader-election');
    });

    it('a broker with no partitions takes no traffic: reassign onto it', () => {
      const r = analyze([
        ...messagesIn((b) => (b === 2 ? 0 : 150)),
        ...leaders([20, 20, 0]),
        ...partitions([40, 40, 0]),
      ]);
      expect(story(r)[0]).toEqual(['partition-skew:kafka-3', expect.arrayContaining(['imbalance:kafka-3'])]);
      expect(r.incidents[0].cause.message).toContain('holds no replicas');
    });

    it('a broker with no messages-in series at all is still a broker: the union over the broker signals', () => {
      // kafka-3 leads no partition, so it has no per-topic messages-in series; it reports its replicas.
      const twoReporting = messagesIn(() => 150).slice(0, 2);
      const r = analyze([...twoReporting, ...leaders([20, 20, 0]), ...partitions([40, 40, 0])]);
      expect(r.brokers.map((b) => [b.name, b.rate, b.partitions])).toEqual([
        ['kafka-1', 150, 40],
        ['kafka-2', 150, 40],
        ['kafka-3', 0, 0],
      ]);
      expect(story(r)[0]).toEqual(['partition-skew:kafka-3', expect.arrayContaining(['imbalance:kafka-3'])]);
      // When it stops reporting too, it is down, like any broker.
      const gone = partitions([40, 40, 0]).map((f, i) =>
        i === 2
          ? rangeFrame(
              { __name__: 'kafka_server_replicamanager_partitioncount', instance: 'kafka-3' },
              times,
              times.map((_, k) => (k < POINTS - 30 ? 0 : null)),
              'N'
            )
          : f
      );
      expect(analyze([...twoReporting, ...gone]).findings.map((f) => `${f.check}:${f.subject}`)).toContain(
        'broker-missing:kafka-3'
      );
    });

    it('does not double the brokers when another query names them differently', () => {
      // The replica counts come labelled "kafka-1.example.com": none is a messages-in broker name.
      const elsewhere = BROKERS.map((b) =>
        rangeFrame(
          { __name__: 'kafka_server_replicamanager_partitioncount', instance: `${b}.example.com` },
          times,
          flat(30),
          'N'
        )
      );
      expect(analyze([...messagesIn(), ...elsewhere]).brokers.map((b) => b.name)).toEqual(BROKERS);
      // Controllers are not brokers, whatever they report.
      const controllers = ['controller-1', 'controller-2'].map((c) =>
        rangeFrame(
          { __name__: 'kafka_controller_kafkacontroller_activecontrollercount', instance: c },
          times,
          flat(c === 'controller-1' ? 1 : 0),
          'G'
        )
      );
      expect(analyze([...messagesIn(), ...controllers]).brokers.map((b) => b.name)).toEqual(BROKERS);
    });

    /** Per topic and broker (msg/s): each topic's traffic on each broker. */
    const traffic = (perTopic: Record<string, number[]>) =>
      Object.entries(perTopic).flatMap(([topic, rates]) =>
        BROKERS.map((b, i) => rangeFrame({ instance: b, topic }, times, flat(rates[i]), 'A'))
      );
    const imbalanceOf = (r: HealthReport) => r.findings.find((f) => f.check === 'imbalance')!;

    it('without leader and partition counts, says which queries would tell', () => {
      const r = analyze(messagesIn((b) => (b === 0 ? 300 : 100)));
      expect(imbalanceOf(r).messageKey).toBe('imbalance.hot');
      expect(imbalanceOf(r).suggestion).toContain('kafka_server_replicamanager_leadercount');
    });

    it('leaders and replicas even, one topic on the hot broker: hot partitions, more partitions, no election', () => {
      const r = analyze([
        ...traffic({ clickstream: [300, 0, 0], orders: [60, 60, 60] }),
        ...leaders([10, 10, 10]),
        ...partitions([30, 30, 30]),
      ]);
      const f = imbalanceOf(r);
      expect(f.messageKey).toBe('imbalance.hot-partitions');
      expect(f.message).toContain(
        'Its leaders and replicas are even overall, but 100% of topic clickstream lands on it'
      );
      expect(f.suggestion).not.toContain('kafka-leader-election');
      // A plan to spread that topic over every broker, and a look at its partitions.
      expect(f.commands?.[0]).toBe(`echo '{"version":1,"topics":[{"topic":"clickstream"}]}' > topics-to-move.json`);
      expect(f.commands?.[1]).toContain('--broker-list "1,2,3" --generate');
      expect(f.commands?.at(-1)).toBe('kafka-topics --bootstrap-server <broker:9092> --describe --topic clickstream');
    });

    it('leaders and replicas even and no one topic: move some partitions, with the broker ids from the data', () => {
      const r = analyze([
        ...traffic({ orders: [200, 80, 80], payments: [100, 40, 40] }),
        ...leaders([10, 10, 10]),
        ...partitions([30, 30, 30]),
      ]);
      const f = imbalanceOf(r);
      expect(f.messageKey).toBe('imbalance.hot-traffic');
      expect(f.commands?.[0]).toBe(
        `echo '{"version":1,"topics":[{"topic":"orders"},{"topic":"payments"}]}' > topics-to-move.json`
      );
      expect(f.commands?.[1]).toContain('--broker-list "1,2,3" --generate');
    });

    it('leaders skewed onto it: the placement finding is the cause, with the election to run', () => {
      const r = analyze([
        ...messagesIn((b) => (b === 0 ? 300 : 100)),
        ...leaders([20, 5, 5]),
        ...partitions([30, 30, 30]),
      ]);
      expect(story(r)[0]).toEqual(['leader-skew:kafka-1', expect.arrayContaining(['imbalance:kafka-1'])]);
      expect(imbalanceOf(r).messageKey).toBe('imbalance.hot-placed');
      expect(r.incidents[0].cause.commands).toEqual([
        'kafka-leader-election --bootstrap-server <broker:9092> --election-type PREFERRED --all-topic-partitions',
      ]);
    });

    it('an empty broker gets a reassignment plan of the busiest topics onto every broker', () => {
      const r = analyze([
        ...traffic({ clickstream: [200, 200, 0], orders: [100, 100, 0], '$(reboot)': [50, 50, 0] }),
        ...leaders([20, 20, 0]),
        ...partitions([40, 40, 0]),
      ]);
      const cause = r.incidents[0].cause;
      expect(cause.check).toBe('partition-skew');
      // A label value that is no Kafka topic name never reaches a command.
      expect(cause.commands?.[0]).toBe(
        `echo '{"version":1,"topics":[{"topic":"clickstream"},{"topic":"orders"}]}' > topics-to-move.json`
      );
      expect(cause.commands?.join('\n')).not.toContain('reboot');
      expect(cause.commands?.[1]).toContain('--broker-list "1,2,3"');
    });

    it('one partition of tolerance, and no judgement with fewer than 10 partitions', () => {
      expect(analyze([...messagesIn(), ...leaders([4, 3, 3]), ...partitions([10, 10, 10])]).verdict).toBe('ok');
      expect(analyze([...messagesIn(), ...leaders([3, 1, 1]), ...partitions([5, 5, 5])]).verdict).toBe('ok');
    });

    it('a rolling restart in progress is not a drift: the imbalance must have lasted before the recent window', () => {
      const recentOnly = [
        rangeFrame(
          { __name__: 'kafka_controller_kafkacontroller_preferredreplicaimbalancecount', instance: 'controller-1' },
          times,
          times.map((_, k) => (k >= POINTS - 12 ? 8 : 0)),
          'O'
        ),
      ];
      const r = analyze([...messagesIn(), ...leaders([14, 13, 13]), ...partitions([30, 30, 30]), ...recentOnly]);
      expect(r.findings.map((f) => f.check)).not.toContain('preferred-leader-imbalance');
    });
  });

  it('under min ISR is critical at once, and the broker’s status says under-replicated', () => {
    const minIsr = gauge(
      'kafka_server_replicamanager_underminisrpartitioncount',
      (i) => times.map((_, k) => (i === 2 && k >= POINTS - 3 ? 4 : 0)),
      'C'
    );
    const r = analyze([...messagesIn(), ...minIsr]);
    expect(checks(r)).toEqual(['critical:under-min-isr:kafka-3']);
    expect(r.findings[0].message).toBe(
      'Broker kafka-3 leads 4 partitions with fewer in-sync replicas than min.insync.replicas: producers with acks=all fail on them.'
    );
    expect(r.signals.underMinIsr).toBe(4);
    expect(r.brokers[2].status).toBe('under-replicated');
    // A single sample is a blip, as for under-replicated partitions.
    const blip = gauge('kafka_server_replicamanager_underminisrpartitioncount', (i) =>
      times.map((_, k) => (i === 2 && k === POINTS - 1 ? 4 : 0))
    );
    expect(analyze([...messagesIn(), ...blip]).verdict).toBe('ok');
  });

  describe('ISR churn', () => {
    // ISR shrinks per second from the counter, as rate(…[5m]) would give: `from` on, 0.05/s.
    const shrinks = (broker: number, from: number, name = 'kafka_server_replicamanager_isrshrinks_total') =>
      gauge(
        name,
        (i) => {
          let total = 0;
          return times.map((_, k) => (total += i === broker && k >= from ? 0.05 * (STEP / 1000) : 0));
        },
        'D'
      );

    it('recognises the counters of Strimzi, the jmx_exporter examples and Confluent', () => {
      expect(
        [
          'kafka_server_replicamanager_isrshrinks_total',
          'kafka_server_replicamanager_isrshrinkspersec_total',
          'kafka_server_replicamanager_isrshrinkspersec_count',
          'cp_kafka_server_replicamanager_isrshrinkspersec',
          'kafka_server_replicamanager_isrexpands_total',
          'kafka_server_replicamanager_isrexpandspersec_count',
        ].map(roleOfName)
      ).toEqual(['isrShrinks', 'isrShrinks', 'isrShrinks', 'isrShrinks', 'isrExpands', 'isrExpands']);
    });

    it('shrinks through the whole recent window are a warning that says how often and for how long', () => {
      const r = analyze([...messagesIn(), ...shrinks(1, POINTS - 30)]);
      expect(checks(r)).toEqual(['warning:isr-churn:kafka-2']);
      expect(r.findings[0].message).toMatch(
        /^Broker kafka-2's partitions keep losing in-sync replicas: 3 ISR shrinks a minute, without a break for 7 min\./
      );
      expect(r.brokers[1].status).toBe('under-replicated');
      expect(r.signals.isrShrinks).toBeGreaterThan(0);
      const row = r.health!.brokers.find((b) => b.name === 'kafka-2')!;
      expect(row.segments.map((s) => s.state)).toEqual(['ok', 'warning']);
    });

    it('a shrink that is over, or one that started inside the recent window, is nothing', () => {
      // Shrinking from step 20 to 60 of 120: an hour ago on a longer range, over now.
      const over = gauge(
        'kafka_server_replicamanager_isrshrinks_total',
        (i) => {
          let total = 0;
          return times.map((_, k) => (total += i === 0 && k >= 20 && k < 60 ? 1 : 0));
        },
        'D'
      );
      expect(analyze([...messagesIn(), ...over]).verdict).toBe('ok');
      // Started three steps ago: the recent window (12 steps) did not shrink throughout.
      expect(analyze([...messagesIn(), ...shrinks(1, POINTS - 3)]).verdict).toBe('ok');
    });

    it('with under-replicated partitions on the same broker it is critical and the URP is its effect', () => {
      const urpOn2 = gauge(
        'kafka_server_replicamanager_underreplicatedpartitions',
        (i) => times.map((_, k) => (i === 1 && k >= POINTS - 20 ? 2 : 0)),
        'C'
      );
      const r = analyze([...messagesIn(), ...shrinks(1, POINTS - 30), ...urpOn2]);
      expect(r.verdict).toBe('critical');
      expect(r.incidents.map((i) => [i.cause.check, i.cause.subject, i.effects.map((e) => e.check)])).toEqual([
        ['isr-churn', 'kafka-2', ['under-replicated']],
      ]);
      expect(r.incidents[0].cause.message).toContain('and 2 of them are under-replicated now');
      // URP on another broker does not make kafka-2's churn critical.
      const urpOn1 = gauge(
        'kafka_server_replicamanager_underreplicatedpartitions',
        (i) => times.map((_, k) => (i === 0 && k >= POINTS - 20 ? 2 : 0)),
        'C'
      );
      const other = analyze([...messagesIn(), ...shrinks(1, POINTS - 30), ...urpOn1]);
      expect(other.findings.find((f) => f.check === 'isr-churn')?.severity).toBe('warning');
    });

    it('a down broker explains the shrinks it causes on the others', () => {
      const down = BROKERS.map((b, i) =>
        rangeFrame(
          { instance: b, topic: 'orders' },
          times,
          times.map((_, k) => (i === 2 && k >= POINTS - 30 ? null : 100)),
          'A'
        )
      );
      const r = analyze([...down, ...shrinks(0, POINTS - 30)]);
      expect(r.incidents[0].cause.check).toBe('broker-missing');
      expect(r.incidents[0].effects.map((e) => e.check)).toContain('isr-churn');
    });
  });

  it('a failed disk is critical and explains the under-replicated partitions that follow it', () => {
    const logDirs = gauge(
      'kafka_log_logmanager_offlinelogdirectorycount',
      (i) => times.map((_, k) => (i === 0 && k >= POINTS - 10 ? 1 : 0)),
      'C'
    );
    const r = analyze([...messagesIn(), ...logDirs, ...urp(POINTS - 8)]);
    expect(r.verdict).toBe('critical');
    expect(r.incidents.map((i) => [i.cause.check, i.cause.subject, i.effects.map((e) => e.check)])).toEqual([
      ['offline-log-dirs', 'kafka-1', ['under-replicated']],
    ]);
    expect(r.brokers[0].status).toBe('log-dir-offline');
    expect(r.signals.offlineLogDirs).toBe(1);
    // The timeline shows since when.
    const row = r.health!.brokers.find((b) => b.name === 'kafka-1')!;
    expect(row.segments.map((s) => s.state)).toEqual(['ok', 'critical']);
    expect(row.segments[1].from).toBe(times[POINTS - 10]);
  });

  it('ignores a one-sample blip, and one that is over (the verdict stays stable)', () => {
    const blip = gauge('kafka_server_replicamanager_underreplicatedpartitions', (i) =>
      times.map((_, k) => (i === 0 && k === POINTS - 1 ? 3 : 0))
    );
    expect(analyze([...messagesIn(), ...blip]).verdict).toBe('ok');
    const past = gauge('kafka_server_replicamanager_underreplicatedpartitions', (i) =>
      times.map((_, k) => (i === 0 && k > 20 && k < 60 ? 3 : 0))
    );
    expect(analyze([...messagesIn(), ...past]).verdict).toBe('ok');
  });

  it('a one-sample blip anywhere before the last samples never changes the verdict (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: POINTS - 1 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 50 }),
        (at, broker, count) => {
          const blip = gauge('kafka_server_replicamanager_underreplicatedpartitions', (i) =>
            times.map((_, k) => (i === broker && k === at ? count : 0))
          );
          expect(analyze([...messagesIn(), ...blip]).verdict).toBe('ok');
        }
      ),
      { numRuns: 40 }
    );
  });

  it('calls offline partitions critical', () => {
    const offline = gauge('kafka_controller_kafkacontroller_offlinepartitionscount', (i) =>
      times.map((_, k) => (i === 0 && k > POINTS - 6 ? 4 : 0))
    );
    const r = analyze([...messagesIn(), ...offline]);
    expect(checks(r)).toEqual(['critical:offline-partitions:']);
    expect(r.signals.offlinePartitions).toBe(4);
  });

  it('counts offline partitions once when every controller reports them', () => {
    // KRaft: each controller publishes the cluster's count; three controllers report the same 2.
    const controllers = ['controller-1', 'controller-2', 'controller-3'].map((c) =>
      rangeFrame(
        { __name__: 'kafka_controller_kafkacontroller_offlinepartitionscount', instance: c },
        times,
        flat(2),
        'F'
      )
    );
    const r = analyze([...messagesIn(), ...controllers]);
    expect(checks(r)).toEqual(['critical:offline-partitions:']);
    expect(r.signals.offlinePartitions).toBe(2);
    expect(r.findings[0]).toMatchObject({
      value: 2,
      message: expect.stringMatching(/^Partitions without a leader: 2\./),
    });
    // ZooKeeper mode: only the active controller reports; the others say 0.
    const zk = ['kafka-1', 'kafka-2', 'kafka-3'].map((b, i) =>
      rangeFrame(
        { __name__: 'kafka_controller_kafkacontroller_offlinepartitionscount', instance: b },
        times,
        flat(i === 1 ? 3 : 0),
        'F'
      )
    );
    expect(analyze([...messagesIn(), ...zk]).signals.offlinePartitions).toBe(3);
  });

  it('wants exactly one active controller, and does not cry wolf when controllers are not scraped', () => {
    const controllers = (f: (b: number, k: number) => number) =>
      gauge('kafka_controller_kafkacontroller_activecontrollercount', (i) => times.map((_, k) => f(i, k)));
    expect(checks(analyze([...messagesIn(), ...controllers((b) => (b === 0 ? 1 : 0))]))).toEqual([]);
    expect(checks(analyze([...messagesIn(), ...controllers(() => 0)]))).toEqual(['info:active-controllers:']);
    expect(checks(analyze([...messagesIn(), ...controllers((b, k) => (b === 0 && k < POINTS - 5 ? 1 : 0))]))).toEqual([
      'critical:active-controllers:',
    ]);
    expect(
      checks(analyze([...messagesIn(), ...controllers((b, k) => (b < 2 && k > POINTS - 5 ? 1 : b === 0 ? 1 : 0))]))
    ).toEqual(['critical:active-controllers:']);
  });
});

describe('request latency', () => {
  const NAME = 'kafka_network_requestmetrics_totaltimems';
  const BROKERS5 = ['kafka-1', 'kafka-2', 'kafka-3', 'kafka-4', 'kafka-5'];
  /** p99 series per broker (ms) for one request type, from `p99(broker index, step)`. */
  const latency = (request: string, p99: (b: number, k: number) => number, brokers = BROKERS, extra = {}) =>
    brokers.map((b, i) =>
      rangeFrame(
        { __name__: NAME, instance: b, request, quantile: '0.99', ...extra },
        times,
        times.map((_, k) => p99(i, k)),
        'R'
      )
    );
  const traffic = (brokers = BROKERS) =>
    brokers.map((b) => rangeFrame({ instance: b, topic: 'orders' }, times, flat(100), 'A'));

  it('recognises the p99 of the exporters’ spellings and leaves other percentiles out', () => {
    expect([NAME, `${NAME}_99thpercentile`, `cp_${NAME}`].map(roleOfName)).toEqual([
      'requestLatency',
      'requestLatency',
      'requestLatency',
    ]);
    // The median quantile of a broker reading 900 ms is not its p99: nothing to judge.
    const medians = latency('Produce', (b) => (b === 1 ? 900 : 10)).map((f, i) =>
      i === 1
        ? rangeFrame(
            { __name__: NAME, instance: 'kafka-2', request: 'Produce', quantile: '0.50' },
            times,
            flat(900),
            'R'
          )
        : f
    );
    const r = analyze([...traffic(), ...medians]);
    expect(checks(r)).toEqual([]);
    expect(r.brokers.map((b) => b.produceP99)).toEqual([10, undefined, 10]);
    // A name that says 50thpercentile is no p99 either; one that says 99thpercentile is.
    const named = (suffix: string) =>
      BROKERS.map((b, i) =>
        rangeFrame(
          { __name__: `${NAME}_${suffix}`, instance: b, request: 'Produce' },
          times,
          flat(i === 1 ? 900 : 10),
          'R'
        )
      );
    expect(checks(analyze([...traffic(), ...named('50thpercentile')]))).toEqual([]);
    expect(checks(analyze([...traffic(), ...named('99thpercentile')]))).toEqual(['critical:request-latency:kafka-2']);
  });

  it('a broker far slower than its peers is slow: 3× and 50 ms above warns, 10× is critical', () => {
    const r = analyze([...traffic(), ...latency('Produce', (b) => (b === 1 ? 80 : 20))]);
    expect(checks(r)).toEqual(['warning:request-latency:kafka-2']);
    expect(r.findings[0].message).toBe(
      'Broker kafka-2 answers Produce requests slowly: p99 80 ms against 20 ms on its peers (4×).'
    );
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'slow', 'ok']);
    expect(r.brokers.map((b) => b.produceP99)).toEqual([20, 80, 20]);
    const critical = analyze([...traffic(), ...latency('FetchFollower', (b) => (b === 2 ? 1500 : 40))]);
    expect(checks(critical)).toEqual(['critical:request-latency:kafka-3']);
    expect(critical.findings[0].message).toMatch(/follower fetch requests slowly: p99 1\.5 s against 40 ms/);
  });

  it('a small gap is jitter, fetch waits are no slowness, and a one-sample blip is nothing', () => {
    // 4× but only 30 ms above: a fast cluster's jitter.
    expect(checks(analyze([...traffic(), ...latency('Produce', (b) => (b === 1 ? 40 : 10))]))).toEqual([]);
    // Every consumer fetch waits ~500 ms for data (long poll): the same everywhere, nothing.
    expect(checks(analyze([...traffic(), ...latency('FetchConsumer', () => 500)]))).toEqual([]);
    const blip = latency('Produce', (b, k) => (b === 1 && k === POINTS - 1 ? 900 : 20));
    expect(checks(analyze([...traffic(), ...blip]))).toEqual([]);
  });

  it('needs two peers to compare with', () => {
    const two = ['kafka-1', 'kafka-2'];
    expect(checks(analyze([...traffic(two), ...latency('Produce', (b) => (b === 1 ? 900 : 10), two)]))).toEqual([]);
    const five = analyze([...traffic(BROKERS5), ...latency('Produce', (b) => (b === 4 ? 900 : 10 + b), BROKERS5)]);
    expect(checks(five)).toEqual(['critical:request-latency:kafka-5']);
  });

  it('judges an absolute Produce ceiling only when it is set', () => {
    const slowEverywhere = [...traffic(), ...latency('Produce', () => 300)];
    expect(checks(analyze(slowEverywhere))).toEqual([]);
    const r = analyze(slowEverywhere, { thresholds: { produceLatencyMs: { warning: 200, critical: 1000 } } });
    expect(checks(r)).toEqual([
      'warning:request-latency:kafka-1',
      'warning:request-latency:kafka-2',
      'warning:request-latency:kafka-3',
    ]);
    expect(r.findings[0].message).toBe("Broker kafka-1's Produce p99 is 300 ms, above the 200 ms ceiling.");
    // Fetches have no ceiling, whatever is set.
    const fetches = [...traffic(), ...latency('FetchConsumer', () => 3000)];
    expect(checks(analyze(fetches, { thresholds: { produceLatencyMs: { warning: 200, critical: 1000 } } }))).toEqual(
      []
    );
  });

  it('never calls a broker slow while every broker is within the warning factor of every other (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 5000, noNaN: true }), { minLength: 3, maxLength: 6 }),
        fc.double({ min: 1, max: 2.99, noNaN: true }),
        (levels, spread) => {
          const low = Math.min(...levels);
          // Every broker between low and spread × low, jittering per step.
          const names = levels.map((_, i) => `kafka-${i + 1}`);
          const frames = latency(
            'Produce',
            (b, k) => low * (1 + ((spread - 1) * ((b + k) % levels.length)) / levels.length),
            names
          );
          return checks(analyze([...traffic(names), ...frames])).length === 0;
        }
      ),
      { numRuns: 60 }
    );
  });

  it('one finding per broker, its worst request type; busy handlers on it explain it', () => {
    const both = [
      ...latency('Produce', (b) => (b === 1 ? 100 : 20)),
      ...latency('FetchFollower', (b) => (b === 1 ? 2000 : 30)),
    ];
    const r = analyze([...traffic(), ...both]);
    expect(checks(r)).toEqual(['critical:request-latency:kafka-2']);
    expect(r.findings[0].messageKey).toBe('request-latency.fetch-follower');
    const busy = gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', (i) =>
      flat(i === 1 ? 0.05 : 0.8)
    );
    const explained = analyze([...traffic(), ...both, ...busy]);
    expect(explained.incidents.map((i) => [i.cause.check, i.effects.map((e) => e.check)])).toEqual([
      ['request-handlers', ['request-latency']],
    ]);
  });
});

describe('consumer lag in time', () => {
  /** Lag per partition of billing on orders, and the partitions' produce rates (rate() of the offsets). */
  const lag = (perPartition: (p: number, k: number) => number) =>
    [0, 1].map((p) =>
      rangeFrame(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: 'orders', partition: String(p) },
        times,
        times.map((_, k) => perPartition(p, k)),
        'H'
      )
    );
  const produceRates = (perPartition: (p: number) => number) =>
    [0, 1].map((p) => rangeFrame({ topic: 'orders', partition: String(p) }, times, flat(perPartition(p)), 'U'));
  const roles = { U: 'partitionOffsets' as const };

  it('recognises the offsets by name and by the query text', () => {
    expect(roleOfName('kafka_topic_partition_current_offset')).toBe('partitionOffsets');
    expect(roleOfQuery('sum by (topic, partition) (rate(kafka_topic_partition_current_offset[5m]))')).toBe(
      'partitionOffsets'
    );
  });

  it('is the worst partition’s lag ÷ its produce rate: a steady lag minutes behind is critical', () => {
    // Partition 1 holds 30,000 messages at 100 msg/s (300 s); partition 0 10 messages at 150 msg/s.
    const r = analyze(
      [...messagesIn(), ...lag((p) => (p === 1 ? 30_000 : 10)), ...produceRates((p) => (p === 1 ? 100 : 150))],
      {
        roles,
      }
    );
    expect(checks(r)).toEqual(['critical:consumer-lag:billing']);
    expect(r.findings[0].message).toBe(
      'Consumer group billing is 5 min behind its producers on orders/1 (over 5 min; 30010 messages of lag in all).'
    );
    expect(r.signals.consumerGroups[0]).toMatchObject({
      status: 'behind',
      behindSeconds: 300,
      behindPartition: 'orders/1',
    });
    // The group average (30,010 ÷ 250 msg/s = 120 s) would have hidden it: only a warning.
  });

  it('warns from a minute, and is the worse of the two rules', () => {
    const warning = analyze([...messagesIn(), ...lag(() => 9000), ...produceRates(() => 100)], { roles });
    expect(checks(warning)).toEqual(['warning:consumer-lag:billing']);
    expect(warning.findings[0].messageKey).toBe('consumer-lag.behind');
    // A stalled group (lag growing as fast as producers write) keeps its own words, critical.
    const stalled = analyze([...messagesIn(), ...lag((_, k) => 1000 + 150 * 15 * k), ...produceRates(() => 150)], {
      roles,
    });
    expect(checks(stalled)).toEqual(['critical:consumer-lag:billing']);
    // Its words show both: messages and time behind.
    expect(stalled.findings[0].messageKey).toBe('consumer-lag.stalled.behind');
    expect(stalled.findings[0].message).toMatch(/its lag of \d+ messages \(\d+ min behind its producers\) grows by/);
    // A lag a second behind: the message rules alone.
    expect(checks(analyze([...messagesIn(), ...lag(() => 100), ...produceRates(() => 100)], { roles }))).toEqual([]);
  });

  it('gives no estimate for a partition with lag and no production, and says so', () => {
    const r = analyze([...messagesIn(), ...lag(() => 50_000), ...produceRates((p) => (p === 0 ? 0 : 100))], {
      roles,
    });
    // Partition 1: 500 s behind; partition 0 has no production now: counted, not guessed.
    expect(r.signals.consumerGroups[0]).toMatchObject({ behindSeconds: 500, noEstimate: 1 });
    const none = analyze([...messagesIn(), ...lag(() => 50_000), ...produceRates(() => 0)], { roles });
    expect(checks(none)).toEqual([]);
    expect(none.signals.consumerGroups[0].behindSeconds).toBeUndefined();
    expect(none.signals.consumerGroups[0].noEstimate).toBe(2);
  });

  it('reads raw offsets as a rate, and judges an instant query in time', () => {
    const offsets = [0, 1].map((p) =>
      rangeFrame(
        { __name__: 'kafka_topic_partition_current_offset', topic: 'orders', partition: String(p) },
        times,
        times.map((_, k) => 1e6 + 100 * 15 * k),
        'U'
      )
    );
    const r = analyze([...messagesIn(), ...lag(() => 12_000), ...offsets]);
    expect(r.signals.consumerGroups[0].behindSeconds).toBeCloseTo(120);
    expect(checks(r)).toEqual(['warning:consumer-lag:billing']);
  });
});

describe('storage', () => {
  const GB = 1e9;
  const sizes = (perBroker: number[]) => gauge('kafka_log_log_size', (i) => flat(perBroker[i]), 'S');
  const usage = (perBroker: number[], name = '') =>
    BROKERS.map((b, i) =>
      rangeFrame(name ? { __name__: name, instance: b } : { instance: b }, times, flat(perBroker[i]), 'T')
    );
  const roles = { S: 'logSize' as const, T: 'diskUsage' as const };

  it('recognises the log size and the disk-usage spellings', () => {
    expect(
      [
        'kafka_log_log_size',
        'kafka_log_log_size_value',
        'kubelet_volume_stats_used_bytes',
        'node_filesystem_avail_bytes',
      ].map(roleOfName)
    ).toEqual(['logSize', 'logSize', 'diskUsage', 'diskUsage']);
    expect(
      roleOfQuery(
        'sum by (persistentvolumeclaim) (kubelet_volume_stats_used_bytes / kubelet_volume_stats_capacity_bytes)'
      )
    ).toBe('diskUsage');
  });

  it('sums the per-partition log sizes per broker and judges their spread peer-relative', () => {
    // Two partitions per broker: kafka-2 holds 2 × 30 GB against 2 × 10 GB on the others.
    const perPartition = [0, 1].flatMap((p) =>
      BROKERS.map((b, i) =>
        rangeFrame(
          { __name__: 'kafka_log_log_size', instance: b, topic: 'orders', partition: String(p) },
          times,
          flat(i === 1 ? 30 * GB : 10 * GB),
          'S'
        )
      )
    );
    const r = analyze([...messagesIn(), ...perPartition]);
    expect(r.brokers.map((b) => b.logSize)).toEqual([20 * GB, 60 * GB, 20 * GB]);
    expect(checks(r)).toEqual(['critical:storage-skew:kafka-2']);
    expect(r.findings[0].message).toBe(
      'Broker kafka-2 holds 60.0 GB of log against a mean of 33.3 GB: data is unevenly spread, and its disk fills first.'
    );
    expect(r.findings[0]).toMatchObject({ value: 0.8, threshold: 0.5 });
    // Within 20% of the mean: even.
    expect(checks(analyze([...messagesIn(), ...sizes([10 * GB, 11 * GB, 12 * GB])]))).toEqual([]);
  });

  it('does not judge small clusters, and judges fractions rather than bytes when disk usage is there', () => {
    const small = analyze([...messagesIn(), ...sizes([10e6, 90e6, 10e6])]);
    expect(checks(small)).toEqual([]);
    expect(small.notEvaluated).toContainEqual({
      check: 'storage-skew',
      reason: 'less than 1 GiB of log per broker on average',
    });
    // Bytes skewed (a bigger disk on kafka-2), usage even: no skew.
    const r = analyze([...messagesIn(), ...sizes([10 * GB, 30 * GB, 10 * GB]), ...usage([0.3, 0.32, 0.31])], {
      roles,
    });
    expect(checks(r)).toEqual([]);
    expect(r.brokers.map((b) => b.diskUsage)).toEqual([0.3, 0.32, 0.31]);
    const skewedUsage = analyze([...messagesIn(), ...usage([0.2, 0.6, 0.2])], { roles });
    expect(checks(skewedUsage)).toEqual(['critical:storage-skew:kafka-2']);
    expect(skewedUsage.findings[0].message).toBe(
      "Broker kafka-2's disk is 60% used against 33% on average: data is unevenly spread, and it fills first."
    );
  });

  it('warns about a disk 70% full, critical at 90%, read from a fraction or a percentage', () => {
    const r = analyze([...messagesIn(), ...usage([0.85, 0.75, 0.95])], { roles });
    expect(checks(r)).toEqual([
      'critical:disk-usage:kafka-3',
      'warning:disk-usage:kafka-1',
      'warning:disk-usage:kafka-2',
    ]);
    expect(r.findings[0].message).toBe("Broker kafka-3's data disk is 95% full (above 90%).");
    expect(r.brokers.map((b) => b.status)).toEqual(['ok', 'ok', 'disk-full']);
    const percent = analyze([...messagesIn(), ...usage([85, 75, 95])], { roles });
    expect(checks(percent)).toEqual(checks(r));
    // The timeline shows since when.
    expect(r.health!.brokers.find((b) => b.name === 'kafka-3')!.segments.map((s) => s.state)).toEqual(['critical']);
  });

  it('says when the disk-usage query returns bytes, and does not judge them', () => {
    const r = analyze([...messagesIn(), ...usage([400e9, 500e9, 450e9], 'kubelet_volume_stats_used_bytes')]);
    expect(checks(r)).toEqual([]);
    expect(r.notEvaluated).toContainEqual({
      check: 'disk-usage',
      reason: 'query T returns bytes, not a used fraction: divide used by capacity',
    });
  });
});

describe('request handlers', () => {
  it('reads the MeanRate gauge, a percentage and the idle-nanoseconds counter', () => {
    const gaugeForm = gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', (i) =>
      flat(i === 0 ? 0.2 : 0.8)
    );
    const r1 = analyze([...messagesIn(), ...gaugeForm]);
    expect(checks(r1)).toEqual(['warning:request-handlers:kafka-1']);
    expect(r1.findings[0].message).toContain("averages over the broker's lifetime");
    expect(r1.brokers[0].requestHandlerIdle).toBeCloseTo(0.2);

    const percent = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(i === 2 ? 5 : 70), 'D'));
    const r2 = analyze([...messagesIn(), ...percent], { roles: { D: 'requestHandlerIdle' } });
    expect(checks(r2)).toEqual(['critical:request-handlers:kafka-3']);
    expect(r2.brokers[2].requestHandlerIdle).toBeCloseTo(0.05);

    const counter = gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total', (i) =>
      times.map((_, k) => ((k * STEP) / 1000) * 1e9 * (i === 1 ? 0.25 : 0.9))
    );
    const r3 = analyze([...messagesIn(), ...counter]);
    expect(checks(r3)).toEqual(['warning:request-handlers:kafka-2']);
    expect(r3.findings[0].message).not.toContain('lifetime');
    expect(r3.brokers[1].requestHandlerIdle).toBeCloseTo(0.25);
  });
});

describe('request handlers in KRaft combined mode (KAFKA-19606)', () => {
  /** Grafana's record of a query, on the first frame of its refId. */
  const withQuery = (frames: PlainFrame[], expr: string): PlainFrame[] =>
    frames.map((f, i) =>
      i === 0 ? { ...f, meta: { ...f.meta, executedQueryString: `Expr: ${expr}\nStep: 15s` } } : f
    );
  const notJudged = (r: HealthReport) => {
    expect(checks(r)).toEqual(['info:request-handlers:']);
    expect(r.verdict).toBe('ok');
    expect(r.findings[0].message).toMatch(/combined mode.*KAFKA-19606/);
    expect(r.brokers.map((b) => b.requestHandlerIdle)).toEqual([undefined, undefined, undefined]);
    expect(r.notEvaluated.map((n) => n.check)).toContain('request-handlers');
  };
  const DIVIDED =
    'sum by (instance) (rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m])) / 1e9';

  it('does not read a meter above 1 as a percentage: the rate of the nanoseconds count', () => {
    const counter = gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total', (i) =>
      times.map((_, k) => ((k * STEP) / 1000) * 1e9 * (1.95 - 0.1 * i))
    );
    notJudged(analyze([...messagesIn(), ...counter]));
    // The same values after rate() / 1e9 in the query, as the dashboard asks for them.
    const ratios = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(1.95 - 0.1 * i), 'D'));
    const r = analyze([...messagesIn(), ...withQuery(ratios, DIVIDED)], { roles: { D: 'requestHandlerIdle' } });
    notJudged(r);
    expect(r.findings[0].value).toBeCloseTo(1.95);
    expect(r.findings[0].message).toContain('reads 1.95');
  });

  it('does not judge the MeanRate gauge above 1 either', () => {
    notJudged(
      analyze([
        ...messagesIn(),
        ...gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', () => flat(1.9)),
      ])
    );
  });

  it('still reads a query marked as a percentage (* 100) as one, however low', () => {
    const percent = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(i === 0 ? 2 : 1.5), 'D'));
    const r = analyze([...messagesIn(), ...withQuery(percent, `100 * (${DIVIDED})`)], {
      roles: { D: 'requestHandlerIdle' },
    });
    expect(checks(r)).toEqual([
      'critical:request-handlers:kafka-1',
      'critical:request-handlers:kafka-2',
      'critical:request-handlers:kafka-3',
    ]);
    expect(r.brokers[0].requestHandlerIdle).toBeCloseTo(0.02);
  });

  it('never calls a combined-mode broker busy, whatever its real idle ratio (property)', () => {
    // Controller pool idle (≈1) plus the broker pool's own ratio, in every form the meter arrives in.
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.06, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (own) => {
        const forms = [
          gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total', (i) =>
            times.map((_, k) => ((k * STEP) / 1000) * 1e9 * (1 + own[i]))
          ),
          withQuery(
            BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(1 + own[i]), 'B')),
            DIVIDED
          ),
        ];
        for (const form of forms) {
          const r = analyze([...messagesIn(), ...form], { roles: { B: 'requestHandlerIdle' } });
          expect(r.findings.filter((f) => f.check === 'request-handlers' && f.severity !== 'info')).toEqual([]);
        }
      }),
      { numRuns: 40 }
    );
  });

  it('judges the dedicated-broker meter, which stays within 0–1', () => {
    const ratios = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(i === 2 ? 0.05 : 0.9), 'D'));
    const r = analyze([...messagesIn(), ...withQuery(ratios, DIVIDED)], { roles: { D: 'requestHandlerIdle' } });
    expect(checks(r)).toEqual(['critical:request-handlers:kafka-3']);
  });
});

describe('consumer lag', () => {
  const lagFrames = (growthPerStep: (k: number) => number, start = 5000) =>
    [0, 1].map((p) =>
      rangeFrame(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: 'orders', partition: String(p) },
        times,
        times.map((_, k) => start / 2 + (growthPerStep(k) / 2) * k),
        'E'
      )
    );

  it('warns when the lag grows through the recent window above the floor', () => {
    // 300 msg/s produced to orders; the lag grows 15 messages per 15 s step: 1 msg/s.
    const r = analyze([...messagesIn(), ...lagFrames(() => 15)]);
    expect(checks(r)).toEqual(['warning:consumer-lag:billing']);
    expect(r.signals.consumerGroups[0]).toMatchObject({
      name: 'billing',
      status: 'growing',
      topics: ['orders'],
      produceRate: 300,
    });
    expect(r.signals.consumerGroups[0].growthPerSec).toBeCloseTo(1);
  });

  it('calls a group stalled when its lag grows as fast as producers write', () => {
    const r = analyze([...messagesIn(), ...lagFrames(() => 300 * 15)]);
    expect(checks(r)).toEqual(['critical:consumer-lag:billing']);
    expect(r.signals.consumerGroups[0].status).toBe('stalled');
  });

  it('stays quiet below the floor, for a shrinking lag, and says why on an instant query', () => {
    expect(checks(analyze([...messagesIn(), ...lagFrames(() => 1, 10)]))).toEqual([]);
    expect(checks(analyze([...messagesIn(), ...lagFrames((k) => (k > POINTS - 12 ? -20 : 20))]))).toEqual([]);
    const instant = [
      instantFrame({ instance: 'kafka-1', topic: 'orders' }, 100),
      instantFrame(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: 'orders', partition: '0' },
        9000
      ),
    ];
    const r = analyze(instant);
    expect(r.notEvaluated.find((n) => n.check === 'consumer-lag')?.reason).toMatch(/range/);
    expect(r.signals.consumerGroups[0]).toMatchObject({ name: 'billing', lag: 9000, status: 'ok' });
  });
});

describe('signals without messages-in', () => {
  it('still reports what is wrong instead of NO DATA', () => {
    const offline = gauge('kafka_controller_kafkacontroller_offlinepartitionscount', () => flat(2));
    const r = analyze(offline);
    expect(r.verdict).toBe('critical');
    expect(r.findings.map((f) => f.check)).toEqual(expect.arrayContaining(['offline-partitions', 'no-data']));
  });
});

describe('robustness with roles', () => {
  it('never throws whatever the role mapping and data (property)', () => {
    const role = fc.constantFrom(...METRIC_ROLES, 'bogus');
    const value = fc.oneof(fc.double(), fc.constant(null), fc.string({ maxLength: 3 }), fc.constant(Infinity));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('A', 'B', 'C'), role),
        fc.array(value, { minLength: 0, maxLength: 8 }),
        fc.constantFrom('A', 'B', 'C'),
        (roles, values, refId) => {
          const frame = rangeFrame(
            { instance: 'x', consumergroup: 'g', topic: 't' },
            stepTimes(values.length),
            values,
            refId
          );
          const r = analyze([frame, ...messagesIn()], { roles: roles as never });
          expect(r.findings.some((f) => f.check === 'analysis-error')).toBe(false);
        }
      ),
      { numRuns: 150 }
    );
  });
});

describe('the reader telling that every series is messages-in', () => {
  it('is true exactly when splitting by role leaves nothing beside messages-in (property)', () => {
    const role = fc.constantFrom<string | undefined>(undefined, 'messagesIn', 'bytesIn', 'leaders');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), role), { maxLength: 6 }), (queries) => {
        const roles: Record<string, string> = {};
        const frames = queries.map(([refId, r], i) => {
          if (r) {
            roles[refId] = r;
          }
          return rangeFrame({ instance: `b${i % 3}`, topic: 't' }, stepTimes(2), [1, 2], refId);
        });
        const extracted = extractSeries(frames, roles as never);
        const split = splitByRole(extracted.series, extracted.queries);
        expect(extracted.messagesInOnly).toBe(split.byRole.size === 0);
        if (extracted.messagesInOnly) {
          expect(splitByRole(extracted.series, extracted.queries, true)).toEqual(split);
        }
      }),
      { numRuns: 200 }
    );
  });
});

describe('series of different roles with the same labels', () => {
  it('stay apart (sum by (instance) of bytes and of URP), while duplicates within a role merge', () => {
    const byInstance = (refId: string, v: number) =>
      BROKERS.map((b) => rangeFrame({ instance: b }, times, flat(v), refId));
    const r = analyze([...messagesIn(), ...byInstance('B', 250_000), ...byInstance('E', 2), ...byInstance('E2', 2)], {
      roles: { B: 'bytesIn', E: 'underReplicated', E2: 'underReplicated' },
    });
    expect(r.brokers.map((b) => [b.bytesIn, b.underReplicated])).toEqual([
      [250_000, 2],
      [250_000, 2],
      [250_000, 2],
    ]);
    expect(r.signals.underReplicated).toBe(6);
  });
});

describe('properties of the signal checks', () => {
  const rate = fc.integer({ min: 1, max: 10_000 });

  it('bytes imbalance is the messages score: scaling every byte rate by k changes neither findings nor score', () => {
    // Above the 1 KiB/s-per-broker guard at every scale (at least 1 kB/s × 0.01 × 1e5 per broker).
    fc.assert(
      fc.property(fc.tuple(rate, rate, rate), fc.double({ min: 0.01, max: 1000, noNaN: true }), (r, k) => {
        const bytes = (scale: number) =>
          BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(r[i] * scale * 1e5), 'B'));
        const one = analyze([...messagesIn(), ...bytes(1)], { roles: { B: 'bytesIn' } });
        const scaled = analyze([...messagesIn(), ...bytes(k)], { roles: { B: 'bytesIn' } });
        expect(checks(scaled)).toEqual(checks(one));
        expect(scaled.findings.map((f) => f.value)).toEqual(one.findings.map((f) => expect.closeTo(f.value ?? 0, 6)));
      }),
      { numRuns: 60 }
    );
  });

  it('a tie in deviation names the broker above the mean at any scale (rounding does not pick the subject)', () => {
    // 7, 10, 13 against a mean of 10: kafka-1 and kafka-3 are both 30% off; scaled by 0.01 the
    // two deviations differ in the last bits. The hot one drives it.
    for (const k of [1, 0.01000000000000001, 3]) {
      const bytes = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat([7, 10, 13][i] * k * 1e5), 'B'));
      const report = analyze([...messagesIn(), ...bytes], { roles: { B: 'bytesIn' } });
      expect(checks(report)).toEqual(['warning:bytes-imbalance:kafka-3']);
      const messages = analyze(
        messagesIn((b) => [7, 10, 13][b] * k),
        { minRate: 0.001 }
      );
      expect(messages.findings.find((f) => f.check === 'imbalance')?.subject).toBe('kafka-3');
    }
  });

  it('with two brokers the one above the mean is named, hot', () => {
    const r = analyze(
      messagesIn((b) => [100, 300, 0][b]).filter((f) => f.fields[1].labels!.instance !== 'kafka-3'),
      {}
    );
    expect(r.findings[0]).toMatchObject({ check: 'imbalance', subject: 'kafka-2' });
    expect(r.findings[0].message).toMatch(/hot/);
  });

  /** kafka-3 stops reporting for the last 8 steps, in every query: labels and a value per broker. */
  const goneLately = (labels: (b: string) => Record<string, string>, value: (b: number) => number, refId: string) =>
    BROKERS.map((b, i) =>
      rangeFrame(
        labels(b),
        times,
        times.map((_, k) => (i === 2 && k >= POINTS - 8 ? null : value(i))),
        refId
      )
    );
  const messagesGoneLately = () =>
    goneLately(
      (b) => ({ instance: b, topic: 'orders' }),
      () => 100,
      'A'
    );

  it('a broker that stopped reporting has no bytes imbalance: its own finding says it all', () => {
    const bytes = goneLately(
      (b) => ({ instance: b }),
      () => 1e5,
      'B'
    );
    const r = analyze([...messagesGoneLately(), ...bytes], { roles: { B: 'bytesIn' } });
    expect(checks(r)).toEqual(['critical:broker-missing:kafka-3']);
  });

  it('a broker that stopped reporting shows no stale gauges, and they are not judged: only it is', () => {
    const gauges = (name: string, refId: string, value: (b: number) => number) =>
      goneLately((b) => ({ __name__: name, instance: b }), value, refId);
    const r = analyze([
      ...messagesGoneLately(),
      ...gauges('kafka_server_replicamanager_underreplicatedpartitions', 'E', (b) => (b === 2 ? 5 : 0)),
      ...gauges('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', 'D', (b) =>
        b === 2 ? 0.05 : 0.8
      ),
    ]);
    expect(checks(r)).toEqual(['critical:broker-missing:kafka-3']);
    expect(r.brokers[2].status).toBe('missing');
    expect([r.brokers[2].underReplicated, r.brokers[2].requestHandlerIdle]).toEqual([undefined, undefined]);
  });

  it('bytes below 1 KiB/s per broker are a trickle: their balance is not judged', () => {
    const bytes = BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat([10, 100, 900][i]), 'B'));
    const r = analyze([...messagesIn(), ...bytes], { roles: { B: 'bytesIn' } });
    expect(checks(r)).toEqual([]);
    expect(r.notEvaluated.find((n) => n.check === 'bytes-imbalance')?.reason).toMatch(/below 1.0 kB\/s/);
  });

  it('the order frames arrive in never changes a report with roles', () => {
    const frames = [
      ...messagesIn((b) => 100 + 40 * b),
      ...gauge('kafka_server_replicamanager_underreplicatedpartitions', (i) => flat(i)),
      ...gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', (i) => flat(0.05 + 0.3 * i), 'C'),
      ...BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(1000 * (i + 1)), 'D')),
    ];
    const reference = JSON.stringify(analyze(frames, { roles: { D: 'bytesOut' } }));
    fc.assert(
      fc.property(fc.shuffledSubarray(frames, { minLength: frames.length, maxLength: frames.length }), (shuffled) => {
        expect(JSON.stringify(analyze(shuffled, { roles: { D: 'bytesOut' } }))).toBe(reference);
      }),
      { numRuns: 30 }
    );
  });

  it('the idle ratio reads the same from a 0–1 gauge, a percentage and the nanoseconds counter', () => {
    // One broker busy (any ratio), the others at ordinary levels: the unit is judged per query.
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.99, noNaN: true }), (ratio) => {
        const ratios = [ratio, 0.6, 0.8];
        const forms = [
          gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', (i) => flat(ratios[i])),
          gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', (i) => flat(ratios[i] * 100)),
          gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total', (i) =>
            times.map((_, k) => ((k * STEP) / 1000) * 1e9 * ratios[i])
          ),
        ];
        for (const form of forms) {
          const r = analyze([...messagesIn(), ...form]);
          expect(r.brokers.map((b) => b.requestHandlerIdle)).toEqual(ratios.map((x) => expect.closeTo(x, 6)));
        }
      }),
      { numRuns: 40 }
    );
  });
});

describe('properties of the checks of what operators alert on', () => {
  const shrinkFrames = (from: number, to: number) =>
    gauge(
      'kafka_server_replicamanager_isrshrinks_total',
      (i) => {
        let total = 0;
        return times.map((_, k) => (total += i === 1 && k >= from && k < to ? 1 : 0));
      },
      'P'
    );

  it('ISR shrinks that stopped before the recent window never fire, however long they lasted (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: POINTS - 14 }), fc.integer({ min: 1, max: POINTS }), (from, length) => {
        const to = Math.min(from + length, POINTS - 13);
        return !analyze([...messagesIn(), ...shrinkFrames(from, to)]).findings.some((f) => f.check === 'isr-churn');
      }),
      { numRuns: 40 }
    );
  });

  it('storage skew does not depend on the unit: sizes scaled by any factor give the same finding (property)', () => {
    const GB = 1e9;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 2, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (sizes, k) => {
          const of = (scale: number) =>
            analyze([...messagesIn(), ...gauge('kafka_log_log_size', (i) => flat(sizes[i] * GB * scale), 'S')])
              .findings.filter((f) => f.check === 'storage-skew')
              .map((f) => `${f.severity}:${f.subject}`);
          return JSON.stringify(of(1)) === JSON.stringify(of(k));
        }
      ),
      { numRuns: 40 }
    );
  });

  it('a fuller disk is never judged milder (property)', () => {
    const rank = { none: 0, warning: 1, critical: 2 } as const;
    const severityAt = (usage: number) => {
      const f = analyze(
        [
          ...messagesIn(),
          ...BROKERS.map((b, i) => rangeFrame({ instance: b }, times, flat(i === 0 ? usage : 0.5), 'T')),
        ],
        { roles: { T: 'diskUsage' } }
      ).findings.find((x) => x.check === 'disk-usage' && x.subject === 'kafka-1');
      return rank[f?.severity === 'critical' ? 'critical' : f ? 'warning' : 'none'];
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => severityAt(Math.min(a, b)) <= severityAt(Math.max(a, b))
      ),
      { numRuns: 40 }
    );
  });

  it('lag in time is lag ÷ rate: scaling both by the same factor changes no estimate (property)', () => {
    const behind = (lag: number, rate: number) =>
      analyze(
        [
          ...messagesIn(),
          rangeFrame(
            { __name__: 'kafka_consumergroup_lag', consumergroup: 'g', topic: 'orders', partition: '0' },
            times,
            flat(lag),
            'H'
          ),
          rangeFrame({ topic: 'orders', partition: '0' }, times, flat(rate), 'U'),
        ],
        { roles: { U: 'partitionOffsets' } }
      ).signals.consumerGroups[0].behindSeconds;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0.01, max: 10_000, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        (lag, rate, k) => {
          const a = behind(lag, rate)!;
          const b = behind(lag * k, rate * k)!;
          return Math.abs(a - b) <= 1e-6 * Math.max(1, a) && Math.abs(a - lag / rate) <= 1e-6 * Math.max(1, a);
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe('splitByRole', () => {
  const series = (role: RawSeries['role'], instance: string): RawSeries => ({
    refId: 'A',
    labels: { instance },
    name: '',
    times: Float64Array.of(1),
    values: [1],
    instant: true,
    role,
  });

  it('hands messages-in alone on as they are, and otherwise keeps every series with its role', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<RawSeries['role']>(undefined, 'messagesIn', 'bytesIn', 'underReplicated'), {
          maxLength: 12,
        }),
        (roles) => {
          const all = roles.map((role, i) => series(role, `kafka-${i}`));
          const split = splitByRole(all);
          const isMessages = (s: RawSeries) => !s.role || s.role === 'messagesIn';
          expect(split.messagesIn).toEqual(all.filter(isMessages));
          for (const [role, list] of split.byRole) {
            expect(list).toEqual(all.filter((s) => s.role === role));
          }
          expect([...split.byRole.values()].flat().length + split.messagesIn.length).toBe(all.length);
          if (all.every(isMessages)) {
            expect(split.messagesIn).toBe(all);
          }
        }
      )
    );
  });
});
