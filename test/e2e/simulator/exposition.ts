/**
 * What the Prometheus JMX exporter (1.x Java agent) serves on :7071/metrics for one node with our
 * rules files (docker/jmx-exporter/kafka-broker.yml for brokers, kafka-controller.yml for the
 * controllers): Prometheus text format 0.0.4, HELP with the MBean, counters named `..._total`,
 * numbers as Java's Double.toString writes them.
 */
import {
  Broker,
  BROKERS,
  Controller,
  controllerGauges,
  Counters,
  gauges,
  groupsOf,
  TopicSpec,
  topicsOf,
} from './model';

/** Java's Double.toString: 12.0, 0.82, 1.2345678E7 (scientific from 10^7 and below 10^-3). */
export function javaDouble(v: number): string {
  if (Number.isNaN(v)) {
    return 'NaN';
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? '+Inf' : '-Inf';
  }
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) {
    const [mantissa, exponent] = v.toExponential().split('e');
    const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${m}E${Number(exponent)}`;
  }
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: Array<{ labels: Record<string, string>; value: number }>;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export function renderText(families: Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      lines.push(`${f.name}${labels ? `{${labels}}` : ''} ${javaDouble(s.value)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function topicCounter(
  topics: readonly TopicSpec[],
  name: string,
  mbean: string,
  value: (topicIndex: number) => number
): Family {
  const perTopic = topics.map((t, i) => ({ labels: { topic: t.name }, value: value(i) }));
  // The broker-wide MBean (no topic key) is the sum of the per-topic ones: the all-topics series.
  const all = perTopic.reduce((a, s) => a + s.value, 0);
  return {
    name,
    help: `${mbean} (kafka.server<type=BrokerTopicMetrics, name=${mbean}><>Count)`,
    type: 'counter',
    samples: [...perTopic, { labels: {}, value: all }],
  };
}

/** The families one broker exposes at absolute second `t` (relative to the scenario's anchor). */
export function brokerFamilies(counters: Counters, broker: Broker, t: number): Family[] {
  const g = gauges(counters.scenario, broker, t);
  const topics = topicsOf(counters.scenario);
  return [
    topicCounter(topics, 'kafka_server_brokertopicmetrics_messagesin_total', 'MessagesInPerSec', (i) =>
      counters.messagesIn(broker, i, t)
    ),
    topicCounter(topics, 'kafka_server_brokertopicmetrics_bytesin_total', 'BytesInPerSec', (i) =>
      counters.bytesIn(broker, i, t)
    ),
    topicCounter(topics, 'kafka_server_brokertopicmetrics_bytesout_total', 'BytesOutPerSec', (i) =>
      counters.bytesOut(broker, i, t)
    ),
    {
      name: 'kafka_server_replicamanager_underreplicatedpartitions',
      help: 'Attribute exposed for management (kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.underReplicatedPartitions }],
    },
    {
      name: 'kafka_server_replicamanager_leadercount',
      help: 'Attribute exposed for management (kafka.server<type=ReplicaManager, name=LeaderCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.leaderCount }],
    },
    {
      name: 'kafka_server_replicamanager_partitioncount',
      help: 'Attribute exposed for management (kafka.server<type=ReplicaManager, name=PartitionCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.partitionCount }],
    },
    {
      name: 'kafka_server_replicamanager_underminisrpartitioncount',
      help: 'Attribute exposed for management (kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.underMinIsrPartitionCount }],
    },
    ...(['IsrShrinks', 'IsrExpands'] as const).map((mbean): Family => ({
      name: `kafka_server_replicamanager_${mbean.toLowerCase()}_total`,
      help: `Attribute exposed for management (kafka.server<type=ReplicaManager, name=${mbean}PerSec><>Count)`,
      type: 'counter',
      samples: [{ labels: {}, value: mbean === 'IsrShrinks' ? g.isrShrinks : g.isrExpands }],
    })),
    // node_exporter's view of the data disk, scraped under the broker's name (relabelled).
    ...(['size', 'avail'] as const).map((kind): Family => ({
      name: `node_filesystem_${kind}_bytes`,
      help: kind === 'size' ? 'Filesystem size in bytes.' : 'Filesystem space available to non-root users in bytes.',
      type: 'gauge',
      samples: [
        {
          labels: { device: '/dev/nvme1n1', fstype: 'xfs', mountpoint: '/var/lib/kafka/data' },
          value: kind === 'size' ? 500e9 : Math.round(500e9 * (1 - g.diskUsed)),
        },
      ],
    })),
    {
      name: 'kafka_log_log_size',
      help: 'Attribute exposed for management (kafka.log<type=Log, name=Size, topic=orders, partition=0><>Value)',
      type: 'gauge',
      samples: topics.flatMap((topic) =>
        ['0', '1'].map((partition) => ({
          labels: { topic: topic.name, partition },
          value: Math.round(g.logSizeBytes / (2 * topics.length)),
        }))
      ),
    },
    {
      name: 'kafka_network_requestmetrics_totaltimems',
      help: 'Attribute exposed for management (kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Produce><>99thPercentile)',
      type: 'gauge',
      samples: (
        [
          ['Produce', g.produceP99],
          ['FetchConsumer', g.fetchConsumerP99],
          ['FetchFollower', g.fetchFollowerP99],
        ] as const
      ).flatMap(([request, p99]) => [
        { labels: { request, quantile: '0.50' }, value: p99 / 5 },
        { labels: { request, quantile: '0.99' }, value: p99 },
      ]),
    },
    {
      name: 'kafka_network_socketserver_networkprocessoravgidlepercent',
      help: 'Attribute exposed for management (kafka.network<type=SocketServer, name=NetworkProcessorAvgIdlePercent><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.networkProcessorAvgIdle }],
    },
    {
      name: 'kafka_log_logmanager_offlinelogdirectorycount',
      help: 'Attribute exposed for management (kafka.log<type=LogManager, name=OfflineLogDirectoryCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.offlineLogDirectoryCount }],
    },
    {
      name: 'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent',
      help: 'Attribute exposed for management (kafka.server<type=KafkaRequestHandlerPool, name=RequestHandlerAvgIdlePercent><>MeanRate)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.requestHandlerAvgIdle }],
    },
    {
      name: 'kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total',
      help: 'Attribute exposed for management (kafka.server<type=KafkaRequestHandlerPool, name=RequestHandlerAvgIdlePercent><>Count)',
      type: 'counter',
      // The meter is marked with idle nanoseconds: rate() / 1e9 is the idle ratio.
      samples: [{ labels: {}, value: Math.round(counters.idleNanos(broker, t)) }],
    },
  ];
}

/** The families one dedicated KRaft controller exposes at second `t`. */
export function controllerFamilies(counters: Counters, controller: Controller, t: number): Family[] {
  const g = controllerGauges(counters.scenario, controller, t);
  return [
    {
      name: 'kafka_controller_kafkacontroller_offlinepartitionscount',
      help: 'Attribute exposed for management (kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.offlinePartitionsCount }],
    },
    {
      name: 'kafka_controller_kafkacontroller_activecontrollercount',
      help: 'Attribute exposed for management (kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.activeControllerCount }],
    },
    {
      name: 'kafka_controller_kafkacontroller_preferredreplicaimbalancecount',
      help: 'Attribute exposed for management (kafka.controller<type=KafkaController, name=PreferredReplicaImbalanceCount><>Value)',
      type: 'gauge',
      samples: [{ labels: {}, value: g.preferredReplicaImbalanceCount }],
    },
    {
      name: 'kafka_controller_controllerstats_uncleanleaderelectionspersec_total',
      help: 'Attribute exposed for management (kafka.controller<type=ControllerStats, name=UncleanLeaderElectionsPerSec><>Count)',
      type: 'counter',
      samples: [{ labels: {}, value: g.uncleanLeaderElections }],
    },
  ];
}

/**
 * What kafka_exporter (danielqsj/kafka_exporter) serves for consumer-group lag: one series per
 * group, topic and partition; and each partition's log-end offset (for lag in time).
 */
export function lagFamilies(counters: Counters, t: number): Family[] {
  return [
    {
      name: 'kafka_topic_partition_current_offset',
      help: 'Current Offset of a Broker at Topic/Partition',
      type: 'gauge',
      samples: topicsOf(counters.scenario).flatMap((topic, ti) =>
        [0, 1].map((p) => ({
          labels: { partition: String(p), topic: topic.name },
          value: counters.partitionOffset(ti, t),
        }))
      ),
    },
    {
      name: 'kafka_consumergroup_lag',
      help: 'Current Approximate Lag of a ConsumerGroup at Topic/Partition',
      type: 'gauge',
      samples: groupsOf(counters.scenario).flatMap((g) =>
        [0, 1].map((p) => ({
          labels: { consumergroup: g.name, partition: String(p), topic: g.topic },
          value: counters.groupLag(g.name, p, t),
        }))
      ),
    },
  ];
}

/** kafka_exporter writes plain Go floats (12, not 12.0). */
export function renderGoText(families: Family[]): string {
  return renderText(families).replace(/ (-?\d+)\.0$/gm, ' $1');
}

const isBroker = (node: Broker | Controller): node is Broker => (BROKERS as readonly string[]).includes(node);

/** A scrape of one node's exporter. */
export function scrape(counters: Counters, node: Broker | Controller, t: number): string {
  return renderText(isBroker(node) ? brokerFamilies(counters, node, t) : controllerFamilies(counters, node, t));
}
