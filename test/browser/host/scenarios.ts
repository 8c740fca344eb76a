import { inPrometheusOrder, rangeFrame, stepTimes } from '../../../src/analysis/testkit/frames';
import type { PlainFrame } from '../../../src/analysis/testkit/frames';

/** A deterministic pseudo-random sequence, so every run draws the same pictures. */
function noise(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

const TOPICS = [
  'orders',
  'payments',
  'clickstream',
  'inventory',
  'audit-log',
  'user-events',
  'notifications',
  'metrics-raw',
];
const POINTS = 120; // 30 min at 15 s

/** Grafana puts the query on the first frame of each query; the panel reads roles from it. */
function withQuery(frames: PlainFrame[], expr: string): PlainFrame[] {
  if (frames[0]) {
    frames[0].meta = { ...frames[0].meta, executedQueryString: `Expr: ${expr}\nStep: 15s` };
  }
  return frames;
}

/** The demo dashboard's other queries: bytes, idle handlers, replication, controller, consumer lag. */
function otherSignals(brokers: number, messages: PlainFrame[]): PlainFrame[] {
  const times = stepTimes(POINTS);
  const perBroker = (refId: string, value: (b: number, i: number) => number) =>
    Array.from({ length: brokers }, (_, b) =>
      rangeFrame(
        { instance: `kafka-${b}:7071` },
        times,
        times.map((_, i) => value(b, i)),
        refId
      )
    );
  const brokerRate = (b: number, i: number) =>
    messages
      .filter((f) => f.fields[1].labels?.instance === `kafka-${b}:7071`)
      .reduce((a, f, t) => a + Number(f.fields[1].values[i]) * [600, 350, 500, 400, 250, 500, 300, 900][t], 0);
  return [
    ...withQuery(
      perBroker('B', brokerRate),
      'sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesin_total{topic!=""}[1m]))'
    ),
    ...withQuery(
      perBroker('C', (b, i) => 2 * brokerRate(b, i)),
      'sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesout_total{topic!=""}[1m]))'
    ),
    ...withQuery(
      perBroker('D', (b) => (b === 2 ? 0.41 : 0.78)),
      'sum by (instance) (rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m])) / 1e9'
    ),
    ...withQuery(
      perBroker('E', () => 0),
      'max by (instance) (kafka_server_replicamanager_underreplicatedpartitions)'
    ),
    ...withQuery(
      perBroker('F', () => 0),
      'sum by (instance) (kafka_controller_kafkacontroller_offlinepartitionscount)'
    ),
    ...withQuery(
      perBroker('G', (b) => (b === 0 ? 1 : 0)),
      'sum by (instance) (kafka_controller_kafkacontroller_activecontrollercount)'
    ),
    ...withQuery(
      [
        rangeFrame(
          { consumergroup: 'billing', topic: 'orders' },
          times,
          times.map((_, i) => 2000 + 160 * i),
          'H'
        ),
        rangeFrame(
          { consumergroup: 'analytics', topic: 'clickstream' },
          times,
          times.map((_, i) => 40 + (i % 3) * 10),
          'H'
        ),
      ],
      'sum by (consumergroup, topic) (kafka_consumergroup_lag)'
    ),
  ];
}

export interface Scenario {
  frames: PlainFrame[];
  from: number;
  to: number;
  expect: { verdict: string; brokers: number };
}

function build(
  brokers: number,
  rate: (broker: number, topic: number, step: number) => number,
  expect: Scenario['expect']
): Scenario {
  const times = stepTimes(POINTS);
  const jitter = noise(42);
  const frames: PlainFrame[] = [];
  for (let b = 0; b < brokers; b++) {
    for (let t = 0; t < TOPICS.length; t++) {
      const values = times.map((_, i) => Math.max(0, rate(b, t, i) * (1 + 0.08 * jitter())));
      frames.push(rangeFrame({ instance: `kafka-${b}:7071`, job: 'kafka', topic: TOPICS[t] }, times, values));
    }
  }
  return { frames, from: times[0], to: times[times.length - 1], expect };
}

const base = (t: number) => [900, 650, 1200, 300, 120, 480, 220, 60][t];

export const SCENARIOS: Record<string, () => Scenario> = {
  // kafka-2 leads most partitions of "clickstream": hot broker and a skewed topic.
  // With the demo dashboard's other queries: bytes follow messages, kafka-2's handlers are busier,
  // and the billing consumer group falls behind.
  hot: () => {
    const s = build(5, (b, t) => (t === 2 ? (b === 2 ? 1000 : 50) : base(t) * (b === 4 ? 0.85 : 1)), {
      verdict: 'WARNING',
      brokers: 5,
    });
    return { ...s, frames: [...s.frames, ...otherSignals(5, s.frames)] };
  },
  balanced: () => build(3, (_b, t) => base(t), { verdict: 'OK', brokers: 3 }),
  // 300 brokers (the table draws only the rows in view); kafka-137 stops taking traffic.
  large: () =>
    build(300, (b, t, i) => (b === 137 && i >= POINTS - 20 ? 0 : base(t) / 10), {
      verdict: 'CRITICAL',
      brokers: 300,
    }),
  // kafka-1 stops taking traffic for the last five minutes.
  stalled: () =>
    build(4, (b, t, i) => (b === 1 && i >= POINTS - 20 ? 0 : base(t)), { verdict: 'CRITICAL', brokers: 4 }),
  // Two clusters in one query ($env = All), brokers named alike; staging's kafka-1 stalls.
  clusters: () => {
    const times = stepTimes(POINTS);
    const jitter = noise(7);
    const frames: PlainFrame[] = [];
    for (const env of ['prod', 'staging']) {
      for (let b = 0; b < 3; b++) {
        for (let t = 0; t < 4; t++) {
          const stalled = env === 'staging' && b === 1;
          const values = times.map((_, i) =>
            stalled && i >= POINTS - 20 ? 0 : base(t) * (env === 'prod' ? 1 : 0.3) * (1 + 0.08 * jitter())
          );
          frames.push(rangeFrame({ instance: `kafka-${b}:7071`, env, topic: TOPICS[t] }, times, values));
        }
      }
    }
    return { frames, from: times[0], to: times[times.length - 1], expect: { verdict: 'CRITICAL', brokers: 6 } };
  },
  // kafka-3 went down 4 minutes ago (its series end; Prometheus returns nothing after the last
  // scrape). Its leaders moved to the other five, which now carry its traffic and lead the
  // partitions it followed: under-replicated until it returns.
  down: () => down(),
  // What operators alert on beyond traffic: kafka-1 answers Produce 35× slower than its peers, its
  // followers keep dropping out of the ISRs with 2 partitions under-replicated, kafka-3's disk is
  // 92% full, and billing is six minutes behind on orders/1.
  slow: () => slow(),
  nodata: () => ({
    frames: [],
    from: stepTimes(2)[0],
    to: stepTimes(2)[1],
    expect: { verdict: 'NO DATA', brokers: 0 },
  }),
};

/** A slow broker with ISR churn, a disk filling, a consumer group minutes behind. */
function slow(): Scenario {
  const brokers = 4;
  const s = build(brokers, (_b, t) => base(t), { verdict: 'CRITICAL', brokers });
  const times = stepTimes(POINTS);
  const perBroker = (refId: string, expr: string, value: (b: number, i: number) => number, extra = {}) =>
    withQuery(
      Array.from({ length: brokers }, (_, b) =>
        rangeFrame(
          { instance: `kafka-${b}:7071`, ...extra },
          times,
          times.map((_, i) => value(b, i)),
          refId
        )
      ),
      expr
    );
  const frames = [
    ...s.frames,
    ...perBroker(
      'R',
      'max by (instance, request) (kafka_network_requestmetrics_totaltimems{quantile="0.99", request=~"Produce|FetchConsumer|FetchFollower"})',
      (b, i) => (b === 1 && i >= POINTS - 40 ? 420 : 12),
      { request: 'Produce' }
    ),
    ...perBroker('P', 'sum by (instance) (rate(kafka_server_replicamanager_isrshrinks_total[5m]))', (b, i) =>
      b === 2 && i >= POINTS - 32 ? 0.05 : 0
    ),
    ...perBroker('E', 'max by (instance) (kafka_server_replicamanager_underreplicatedpartitions)', (b, i) =>
      b === 2 && i >= POINTS - 28 ? 2 : 0
    ),
    ...perBroker('S', 'sum by (instance) (kafka_log_log_size)', (b) => [410e9, 395e9, 402e9, 620e9][b]),
    ...perBroker(
      'T',
      'max by (instance) (kubelet_volume_stats_used_bytes / kubelet_volume_stats_capacity_bytes)',
      (b, i) => [0.55, 0.53, 0.54, 0.84 + 0.08 * (i / POINTS)][b]
    ),
    ...withQuery(
      [0, 1].flatMap((p) => [
        rangeFrame(
          { consumergroup: 'billing', topic: 'orders', partition: String(p) },
          times,
          times.map(() => (p === 1 ? 162_000 : 300)),
          'H'
        ),
        rangeFrame(
          { consumergroup: 'analytics', topic: 'clickstream', partition: String(p) },
          times,
          times.map((_, i) => 40 + (i % 3) * 10),
          'H'
        ),
      ]),
      'sum by (consumergroup, topic, partition) (kafka_consumergroup_lag)'
    ),
    ...withQuery(
      ['orders', 'clickstream'].flatMap((topic) =>
        [0, 1].map((p) =>
          rangeFrame(
            { topic, partition: String(p) },
            times,
            times.map(() => (topic === 'orders' ? 450 : 600)),
            'U'
          )
        )
      ),
      'sum by (topic, partition) (rate(kafka_topic_partition_current_offset[5m]))'
    ),
  ];
  return { ...s, frames };
}

/** The down-broker incident: one cause (kafka-3 gone) and its effects on the others. */
function down(): Scenario {
  const brokers = 6;
  const gone = 3;
  const since = POINTS - 16; // 4 minutes at 15 s
  const times = stepTimes(POINTS);
  const jitter = noise(11);
  const alive = (b: number, i: number) => b !== gone || i < since;
  /** The gone broker's share moves to the other five once it is down. */
  const load = (b: number, i: number) => (i >= since && b !== gone ? brokers / (brokers - 1) : 1);
  /** Frames that end when the broker went down, as Prometheus returns them. */
  const upTo = (b: number) => (b === gone ? since : POINTS);
  const frames: PlainFrame[] = [];
  for (let b = 0; b < brokers; b++) {
    for (let t = 0; t < TOPICS.length; t++) {
      const values = times.map((_, i) => base(t) * load(b, i) * (1 + 0.08 * jitter()));
      frames.push(
        rangeFrame(
          { instance: `kafka-${b}:7071`, job: 'kafka', topic: TOPICS[t] },
          times.slice(0, upTo(b)),
          values.slice(0, upTo(b))
        )
      );
    }
  }
  const perBroker = (refId: string, expr: string, value: (b: number, i: number) => number) =>
    withQuery(
      Array.from({ length: brokers }, (_, b) =>
        rangeFrame(
          { instance: `kafka-${b}:7071` },
          times.slice(0, upTo(b)),
          times.slice(0, upTo(b)).map((_, i) => value(b, i)),
          refId
        )
      ),
      expr
    );
  const bytes = (b: number, i: number) => (alive(b, i) ? 420_000 * load(b, i) : 0);
  return {
    frames: [
      ...frames,
      ...perBroker(
        'B',
        'sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesin_total{topic!=""}[1m]))',
        bytes
      ),
      ...perBroker(
        'C',
        'sum by (instance) (rate(kafka_server_brokertopicmetrics_bytesout_total{topic!=""}[1m]))',
        (b, i) => 2 * bytes(b, i)
      ),
      ...perBroker(
        'D',
        'sum by (instance) (rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total[1m])) / 1e9',
        () => 0.74
      ),
      ...perBroker('E', 'max by (instance) (kafka_server_replicamanager_underreplicatedpartitions)', (_b, i) =>
        i >= since + 1 ? 7 : 0
      ),
      ...perBroker('G', 'sum by (instance) (kafka_controller_kafkacontroller_activecontrollercount)', (b) =>
        b === 0 ? 1 : 0
      ),
    ],
    from: times[0],
    to: times[times.length - 1],
    expect: { verdict: 'CRITICAL', brokers: 6 },
  };
}

/**
 * A cluster of any size for the browser benchmark: `brokers` × `topics` series of 120 steps (a
 * 30-minute range at 15 s), the values drawn from `seed` so that a refresh brings new numbers.
 */
export function synthetic(brokers: number, topics: number, seed = 1): Scenario {
  const times = stepTimes(POINTS);
  const jitter = noise(seed);
  const frames: PlainFrame[] = [];
  for (let b = 0; b < brokers; b++) {
    for (let t = 0; t < topics; t++) {
      const level = 20 + ((t * 7919) % 400);
      const values = times.map(() => level * (1 + 0.08 * jitter()));
      frames.push(rangeFrame({ instance: `kafka-${b}:7071`, job: 'kafka', topic: `topic-${t}` }, times, values));
    }
  }
  // As Prometheus returns a range query: sorted by labels.
  return {
    frames: inPrometheusOrder(frames),
    from: times[0],
    to: times[times.length - 1],
    expect: { verdict: 'OK', brokers },
  };
}
