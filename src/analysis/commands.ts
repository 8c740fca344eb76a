/**
 * Commands an operator can copy, filled with what the data says: the topics to move, the broker
 * ids, the topic to widen. Commands are code, not words: they are not translated. Label values
 * are untrusted text, so only what Kafka itself allows reaches a command — topic names of
 * [A-Za-z0-9._-] and numeric broker ids; anything else becomes a placeholder to fill in.
 */

/** Kafka's own rule for topic names (kafka.common.internals.Topic): nothing a shell would read. */
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const BOOTSTRAP = '--bootstrap-server <broker:9092>';

/**
 * A broker's id from its name, when the name carries it the usual way: the number at the end of
 * the host's first label ("kafka-1:7071", "my-cluster-kafka-0.my-cluster-kafka-brokers:9404",
 * "broker3.example.com"). An IP address carries no id.
 */
export function brokerId(name: string): string | undefined {
  const host = name.replace(/^\[.*\]/, '').split(':')[0];
  if (/^\d+(\.\d+){3}$/.test(host)) {
    return undefined;
  }
  return /(\d+)$/.exec(host.split('.')[0])?.[1];
}

/** The broker ids for --broker-list, or a placeholder when the names do not carry them. */
export function brokerList(names: readonly string[]): string {
  const ids = names.map(brokerId);
  return ids.length > 0 && ids.every((id) => id !== undefined)
    ? Array.from(new Set(ids as string[]))
        .sort((a, b) => Number(a) - Number(b))
        .join(',')
    : '<broker-ids>';
}

export const safeTopics = (topics: readonly string[]) => topics.filter((t) => TOPIC.test(t));

export function electionCommands(): string[] {
  return [`kafka-leader-election ${BOOTSTRAP} --election-type PREFERRED --all-topic-partitions`];
}

/** A reassignment plan for the busiest topics over every broker: generate, review, then execute with a throttle. */
export function reassignCommands(topics: readonly string[], brokers: readonly string[]): string[] {
  const safe = safeTopics(topics);
  const json = JSON.stringify({
    version: 1,
    topics: (safe.length > 0 ? safe : ['<topic>']).map((topic) => ({ topic })),
  });
  return [
    `echo '${json}' > topics-to-move.json`,
    `kafka-reassign-partitions ${BOOTSTRAP} --topics-to-move-json-file topics-to-move.json --broker-list "${brokerList(brokers)}" --generate`,
    '# save the proposed assignment as plan.json, then:',
    `kafka-reassign-partitions ${BOOTSTRAP} --reassignment-json-file plan.json --execute --throttle 50000000`,
  ];
}

/** More partitions for a topic whose traffic sits on one broker: at least one per broker. */
export function addPartitionsCommands(topic: string, brokers: number): string[] {
  const name = TOPIC.test(topic) ? topic : '<topic>';
  return [
    `kafka-topics ${BOOTSTRAP} --describe --topic ${name}`,
    `kafka-topics ${BOOTSTRAP} --alter --topic ${name} --partitions <at least ${brokers}, more than now>`,
  ];
}
