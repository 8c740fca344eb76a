/**
 * The simulated cluster, shaped like the demo stack: three dedicated KRaft controllers, three
 * brokers, a few topics, and per scenario how their traffic moves over time. Everything is a pure
 * function of (node, topic, second), so the history backfilled into Prometheus and the live
 * scrapes after it continue one another exactly.
 */

export const BROKERS = ['kafka-1', 'kafka-2', 'kafka-3'] as const;
export type Broker = (typeof BROKERS)[number];
/** process.roles=controller nodes: the controller metrics come from them, not from the brokers. */
export const CONTROLLERS = ['controller-1', 'controller-2', 'controller-3'] as const;
export type Controller = (typeof CONTROLLERS)[number];

export interface TopicSpec {
  name: string;
  /** msg/s for the whole cluster at second t, before the scenario's load factor. */
  rate: (t: number) => number;
  bytesPerMessage: number;
  /** Share of the topic's traffic each broker leads (summing to 1); else the scenario's weights decide. */
  leaders?: Partial<Record<Broker, number>>;
}

const steady = (rate: number) => () => rate;

/** The topics of every scenario but the demo's. */
export const TOPICS: readonly TopicSpec[] = [
  { name: 'orders', rate: steady(180), bytesPerMessage: 600 },
  { name: 'payments', rate: steady(90), bytesPerMessage: 350 },
  { name: 'clickstream', rate: steady(300), bytesPerMessage: 1200 },
];

export type ScenarioName =
  | 'balanced'
  | 'hot-broker'
  | 'stalled-broker'
  | 'gone-broker'
  | 'spike'
  | 'drop'
  | 'under-replicated'
  | 'controller-lost'
  | 'handlers-saturated'
  | 'group-stalls'
  | 'offline-partitions'
  | 'disk-failed'
  | 'network-saturated'
  | 'unclean-election'
  | 'leadership-drift'
  | 'isr-churn'
  | 'slow-broker'
  | 'storage-skew'
  | 'group-behind'
  | 'placement-skew'
  | 'disk-filling';

/** What a broker reports besides its traffic. */
export interface Gauges {
  underReplicatedPartitions: number;
  /** Partitions led here below min.insync.replicas. */
  underMinIsrPartitionCount: number;
  /** Log directories offline (failed disks). */
  offlineLogDirectoryCount: number;
  /** Request-handler idle ratio (0–1). */
  requestHandlerAvgIdle: number;
  /** Network-processor idle ratio (0–1). */
  networkProcessorAvgIdle: number;
  /** Partitions led, and replicas held (30 partitions, replication factor 3, evenly placed). */
  leaderCount: number;
  partitionCount: number;
  /** ISR shrink and expand counters (cumulative) of the partitions led here. */
  isrShrinks: number;
  isrExpands: number;
  /** Bytes of log on the broker, spread evenly over its topics' two partitions. */
  logSizeBytes: number;
  /** Used share of the data disk (0–1), as node_exporter's filesystem metrics give it. */
  diskUsed: number;
  /** p99 request time (ms) per request type; the median is a fifth of it. */
  produceP99: number;
  fetchConsumerP99: number;
  fetchFollowerP99: number;
}

/** What a controller reports. */
export interface ControllerGauges {
  offlinePartitionsCount: number;
  activeControllerCount: number;
  /** The unclean-leader-elections counter (cumulative). */
  uncleanLeaderElections: number;
  /** Partitions led by a replica other than the preferred one (the active controller reports it). */
  preferredReplicaImbalanceCount: number;
}

/** Consumer groups (kafka_exporter): the topic each reads. */
export interface GroupSpec {
  name: string;
  topic: string;
}
export const GROUPS: readonly GroupSpec[] = [
  { name: 'billing', topic: 'orders' },
  { name: 'analytics', topic: 'clickstream' },
];
export type GroupName = string;

export interface Scenario {
  name: ScenarioName | 'demo';
  /** The topics and consumer groups, when not TOPICS and GROUPS. */
  topics?: readonly TopicSpec[];
  groups?: readonly GroupSpec[];
  /** Multiplier of a broker's share of every topic at second `t` (seconds before the anchor are negative). */
  weight: (broker: Broker, t: number) => number;
  /** Multiplier of the whole cluster's traffic at second `t`. */
  load: (t: number) => number;
  /** False while the broker's exporter does not answer (the broker is gone). */
  up: (broker: Broker, t: number) => boolean;
  /** Gauges that differ from a healthy cluster's. */
  gauges?: (broker: Broker, t: number) => Partial<Gauges>;
  controllerGauges?: (controller: Controller, t: number) => Partial<ControllerGauges>;
  /** Share of its topic's traffic a consumer group consumes at second t (1 = keeps up). */
  consumption?: (group: GroupName, t: number) => number;
}

const FIVE_MIN = -300;
const always = () => true;
const flat = () => 1;

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  balanced: { name: 'balanced', weight: flat, load: flat, up: always },
  // kafka-2's partitions carry 1.7× the traffic of the others' all along; leaders and replicas
  // are even (10 and 30 each), so no election or placement explains it.
  'hot-broker': { name: 'hot-broker', weight: (b) => (b === 'kafka-2' ? 1.7 : 1), load: flat, up: always },
  // kafka-3 still answers scrapes but takes no traffic for the last five minutes.
  'stalled-broker': {
    name: 'stalled-broker',
    weight: (b, t) => (b === 'kafka-3' && t >= FIVE_MIN ? 0 : 1),
    load: flat,
    up: always,
  },
  // kafka-3's exporter stops answering five minutes ago (broker down, scrape fails).
  'gone-broker': { name: 'gone-broker', weight: flat, load: flat, up: (b, t) => !(b === 'kafka-3' && t >= FIVE_MIN) },
  // Producers burst to 4× for the last five minutes.
  spike: { name: 'spike', weight: flat, load: (t) => (t >= FIVE_MIN ? 4 : 1), up: always },
  // Traffic falls to a quarter for the last five minutes.
  drop: { name: 'drop', weight: flat, load: (t) => (t >= FIVE_MIN ? 0.25 : 1), up: always },
  // kafka-2 leads 4 under-replicated partitions for the last eight minutes.
  'under-replicated': {
    name: 'under-replicated',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) => (b === 'kafka-2' && t >= -480 ? { underReplicatedPartitions: 4 } : {}),
  },
  // controller-1 stops being the active controller three minutes ago and nobody takes over.
  'controller-lost': {
    name: 'controller-lost',
    weight: flat,
    load: flat,
    up: always,
    controllerGauges: (c, t) => (c === 'controller-1' && t >= -180 ? { activeControllerCount: 0 } : {}),
  },
  // Two partitions lose their leader five minutes ago; every controller reports the same 2.
  'offline-partitions': {
    name: 'offline-partitions',
    weight: flat,
    load: flat,
    up: always,
    controllerGauges: (_, t) => (t >= FIVE_MIN ? { offlinePartitionsCount: 2 } : {}),
  },
  // kafka-3's request handlers are idle 5% of the time for the last five minutes.
  'handlers-saturated': {
    name: 'handlers-saturated',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) => (b === 'kafka-3' && t >= FIVE_MIN ? { requestHandlerAvgIdle: 0.05 } : {}),
  },
  // kafka-3 loses a disk six minutes ago: one log directory offline, its replicas there gone, so
  // kafka-1 and kafka-2 lead under-replicated partitions and kafka-1 one below min ISR.
  'disk-failed': {
    name: 'disk-failed',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) =>
      t < -360
        ? {}
        : b === 'kafka-3'
          ? { offlineLogDirectoryCount: 1 }
          : b === 'kafka-1'
            ? { underReplicatedPartitions: 3, underMinIsrPartitionCount: 1 }
            : { underReplicatedPartitions: 3 },
  },
  // kafka-1's network threads are idle 5% of the time for the last five minutes (a connection storm).
  'network-saturated': {
    name: 'network-saturated',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) => (b === 'kafka-1' && t >= FIVE_MIN ? { networkProcessorAvgIdle: 0.05 } : {}),
  },
  // The active controller elects an out-of-sync replica four minutes ago (its counter goes 2 → 3).
  'unclean-election': {
    name: 'unclean-election',
    weight: flat,
    load: flat,
    up: always,
    controllerGauges: (c, t) => (c === 'controller-1' ? { uncleanLeaderElections: t >= -240 ? 3 : 2 } : {}),
  },
  // kafka-1 restarted an hour ago and kafka-2 took most of its leadership and kept it: kafka-2
  // leads 18 of the 30 partitions (10 are its share), 8 are away from their preferred replica, and
  // it takes their produce traffic.
  'leadership-drift': {
    name: 'leadership-drift',
    weight: (b) => (b === 'kafka-2' ? 2 : b === 'kafka-1' ? 0.5 : 1),
    load: flat,
    up: always,
    gauges: (b) => ({ leaderCount: b === 'kafka-2' ? 18 : b === 'kafka-1' ? 4 : 8 }),
    controllerGauges: (c) => (c === 'controller-1' ? { preferredReplicaImbalanceCount: 8 } : {}),
  },
  // A slow disk on kafka-3 for the last ten minutes: its followers drop out of kafka-2's ISRs and
  // rejoin every 20 s, and two of kafka-2's partitions stay under-replicated for the last eight.
  'isr-churn': {
    name: 'isr-churn',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) => {
      if (b !== 'kafka-2' || t < -600) {
        return {};
      }
      const flaps = Math.floor((t + 600) / 20);
      return { isrShrinks: 5 + flaps, isrExpands: 5 + flaps, underReplicatedPartitions: t >= -480 ? 2 : 0 };
    },
  },
  // kafka-3's disk turns slow ten minutes ago: its Produce p99 rises from 12 ms to 450 ms, the
  // others' stay put; fetches wait ~500 ms on every broker (long poll), as always.
  'slow-broker': {
    name: 'slow-broker',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) => (b === 'kafka-3' && t >= -600 ? { produceP99: 450 } : {}),
  },
  // kafka-1 holds 30 GB of log against 12 GB on the others (its clickstream partitions keep a
  // week): replicas are even, data is not.
  'storage-skew': {
    name: 'storage-skew',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b) => (b === 'kafka-1' ? { logSizeBytes: 30e9 } : {}),
  },
  // The billing group consumed at 40% for ten minutes, 25 to 15 minutes ago, and has kept pace
  // since without catching up: a steady lag six minutes behind, growing no more.
  'group-behind': {
    name: 'group-behind',
    weight: flat,
    load: flat,
    up: always,
    consumption: (g, t) => (g === 'billing' && t >= -1500 && t < -900 ? 0.4 : 1),
  },
  // Replicas unevenly placed: kafka-1 holds 45 replicas and leads 15 partitions (its share), the
  // others 22 and 7–8; it takes twice their traffic. No leader election can fix that.
  'placement-skew': {
    name: 'placement-skew',
    weight: (b) => (b === 'kafka-1' ? 2 : 1),
    load: flat,
    up: always,
    gauges: (b) =>
      b === 'kafka-1'
        ? { partitionCount: 45, leaderCount: 15 }
        : { partitionCount: 22, leaderCount: b === 'kafka-2' ? 8 : 7 },
  },
  // kafka-2's data disk has filled from 60% to 93% over the last half hour (a topic with no
  // retention limit); the others sit at 55%.
  'disk-filling': {
    name: 'disk-filling',
    weight: flat,
    load: flat,
    up: always,
    gauges: (b, t) => (b === 'kafka-2' ? { diskUsed: Math.min(0.93, 0.6 + (0.33 * (t + 1800)) / 1800) } : {}),
  },
  // The billing group stops consuming five minutes ago; analytics keeps up.
  'group-stalls': {
    name: 'group-stalls',
    weight: flat,
    load: flat,
    up: always,
    consumption: (g, t) => (g === 'billing' && t >= FIVE_MIN ? 0 : 1),
  },
};

/** Deterministic noise in [-1, 1) from integers, so reruns draw the same traffic. */
function noise(a: number, b: number, c: number): number {
  let h = (a * 374761393 + b * 668265263 + c * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return ((h >>> 0) / 2 ** 32) * 2 - 1;
}

export const topicsOf = (s: Scenario): readonly TopicSpec[] => s.topics ?? TOPICS;
export const groupsOf = (s: Scenario): readonly GroupSpec[] => s.groups ?? GROUPS;

/** msg/s of `topic` led by `broker` during second `t`, with ±5% noise. */
export function messageRate(s: Scenario, broker: Broker, topicIndex: number, t: number): number {
  if (!s.up(broker, t)) {
    return 0;
  }
  const topic = topicsOf(s)[topicIndex];
  const weights = BROKERS.map((b) => s.weight(b, t));
  const total = weights.reduce((a, w) => a + w, 0) || 1;
  // A stalled broker's share is not taken over by the others: its partitions are simply not served.
  const share = topic.leaders
    ? (topic.leaders[broker] ?? 0)
    : s.weight(broker, t) / (BROKERS.every((b) => s.weight(b, t) > 0) ? total : BROKERS.length);
  const base = topic.rate(t) * s.load(t) * share;
  return Math.max(0, base * (1 + 0.05 * noise(BROKERS.indexOf(broker), topicIndex, t)));
}

/**
 * Cumulative counters per broker and topic, second by second from `start` (inclusive) to `end`.
 * `count(t)` is the number of messages up to the end of second t; bytes follow each topic's message size.
 */
export class Counters {
  private readonly messages = new Map<string, Float64Array>();
  private readonly idle = new Map<string, Float64Array>();
  private readonly lags = new Map<string, Float64Array>();
  constructor(
    readonly scenario: Scenario,
    readonly start: number,
    readonly end: number,
    /** Counters start here, as if the broker had been up for a while. */
    private readonly initial = 1_000_000
  ) {
    const seconds = end - start + 1;
    for (const b of BROKERS) {
      topicsOf(scenario).forEach((_, ti) => {
        const acc = new Float64Array(seconds);
        let sum = this.initial * (ti + 1);
        for (let i = 0; i < seconds; i++) {
          sum += messageRate(scenario, b, ti, start + i);
          acc[i] = sum;
        }
        this.messages.set(`${b}/${ti}`, acc);
      });
    }
  }

  /** Idle nanoseconds of the request-handler pool, summed per second (the meter's Count). */
  idleNanos(broker: Broker, t: number): number {
    let acc = this.idle.get(broker);
    if (!acc) {
      acc = new Float64Array(this.end - this.start + 1);
      let sum = 0;
      for (let i = 0; i < acc.length; i++) {
        sum += gauges(this.scenario, broker, this.start + i).requestHandlerAvgIdle * 1e9;
        acc[i] = sum;
      }
      this.idle.set(broker, acc);
    }
    return acc[this.index(t)];
  }

  /**
   * Lag of a group on one partition: what producers wrote to its topic (spread over two
   * partitions) minus what the group consumed, from a steady backlog of 40 messages.
   */
  groupLag(group: GroupName, partition: number, t: number): number {
    const key = `${group}/${partition}`;
    let acc = this.lags.get(key);
    if (!acc) {
      const g = groupsOf(this.scenario).find((x) => x.name === group)!;
      const topicIndex = topicsOf(this.scenario).findIndex((x) => x.name === g.topic);
      acc = new Float64Array(this.end - this.start + 1);
      let lag = 40;
      for (let i = 0; i < acc.length; i++) {
        const second = this.start + i;
        const produced = BROKERS.reduce((a, b) => a + messageRate(this.scenario, b, topicIndex, second), 0) / 2;
        const consumed = produced * (this.scenario.consumption?.(group, second) ?? 1);
        lag = Math.max(0, lag + produced - consumed);
        acc[i] = lag;
      }
      this.lags.set(key, acc);
    }
    return Math.round(acc[this.index(t)]);
  }

  /** The log-end offset of one of a topic's two partitions: what producers wrote to it. */
  partitionOffset(topicIndex: number, t: number): number {
    return Math.floor(BROKERS.reduce((a, b) => a + this.messagesIn(b, topicIndex, t), 0) / 2);
  }

  private index(t: number): number {
    return Math.min(this.end - this.start, Math.max(0, Math.floor(t) - this.start));
  }

  messagesIn(broker: Broker, topicIndex: number, t: number): number {
    const acc = this.messages.get(`${broker}/${topicIndex}`)!;
    const i = Math.min(acc.length - 1, Math.max(0, Math.floor(t) - this.start));
    // Kafka's meters count whole messages.
    return Math.floor(acc[i]);
  }

  bytesIn(broker: Broker, topicIndex: number, t: number): number {
    return this.messagesIn(broker, topicIndex, t) * topicsOf(this.scenario)[topicIndex].bytesPerMessage;
  }

  /** Consumers read everything that came in, twice (two consumer groups per topic). */
  bytesOut(broker: Broker, topicIndex: number, t: number): number {
    return 2 * this.bytesIn(broker, topicIndex, t);
  }
}

/** Gauges a healthy broker reports. */
export function gauges(scenario: Scenario, broker: Broker, t: number): Gauges {
  return {
    underReplicatedPartitions: 0,
    underMinIsrPartitionCount: 0,
    offlineLogDirectoryCount: 0,
    requestHandlerAvgIdle: 0.82,
    networkProcessorAvgIdle: 0.88,
    leaderCount: 10,
    partitionCount: 30,
    // A shrink and its expand a while ago (a restart): history, not churn.
    isrShrinks: 5,
    isrExpands: 5,
    logSizeBytes: 12e9,
    diskUsed: 0.55,
    produceP99: 12,
    fetchConsumerP99: 502,
    fetchFollowerP99: 500,
    ...scenario.gauges?.(broker, t),
  };
}

/** What a healthy controller quorum reports; controller-1 is the active controller. */
export function controllerGauges(scenario: Scenario, controller: Controller, t: number): ControllerGauges {
  return {
    offlinePartitionsCount: 0,
    activeControllerCount: controller === 'controller-1' ? 1 : 0,
    uncleanLeaderElections: 0,
    preferredReplicaImbalanceCount: 0,
    ...scenario.controllerGauges?.(controller, t),
  };
}
