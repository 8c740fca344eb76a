/**
 * The demo stack's traffic as a simulator scenario, read from docker/loadgen/loadgen.sh itself:
 * its topics (rate, record size, which broker leads which partitions), the audit-log bursts and
 * the slow consumer group. So what the end-to-end suite judges is what `docker compose up` runs,
 * and a change to the load generator cannot drift away from the tests.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Broker, BROKERS, GroupSpec, Scenario, TopicSpec } from './model';

export const LOADGEN = 'docker/loadgen/loadgen.sh';

export interface LoadProfile {
  topics: TopicSpec[];
  groups: GroupSpec[];
  burst: { topic: string; rate: number; seconds: number; pause: number; recordBytes: number };
  /** Share of its topic's traffic the slow group consumes. */
  slowGroup: { name: string; share: number };
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) {
    throw new Error(`${LOADGEN}: cannot find ${what}`);
  }
  return value;
}

const variable = (script: string, name: string) =>
  Number(must(new RegExp(`^${name}=(\\d+)$`, 'm').exec(script), name)[1]);

/** Share of a topic each broker leads: the first replica of each partition is its preferred leader. */
function leadership(script: string, topic: string): Partial<Record<Broker, number>> {
  const line = must(new RegExp(`^topic ${topic} (.*)$`, 'm').exec(script), `the creation of ${topic}`)[1];
  const assignment = /--replica-assignment ([\d:,]+)/.exec(line)?.[1];
  const partitions = assignment
    ? assignment.split(',').map((replicas) => `kafka-${replicas.split(':')[0]}` as Broker)
    : // Kafka spreads the leaders of a new topic round robin over the brokers.
      Array.from(
        { length: Number(must(/--partitions (\d+)/.exec(line), `${topic}'s partitions`)[1]) },
        (_, i) => BROKERS[i % BROKERS.length]
      );
  const shares: Partial<Record<Broker, number>> = {};
  for (const b of partitions) {
    shares[b] = (shares[b] ?? 0) + 1 / partitions.length;
  }
  return shares;
}

export function loadProfile(repo: string): LoadProfile {
  const script = readFileSync(join(repo, LOADGEN), 'utf8');
  const burstCall = must(
    /perf \$\(\(BURST_RATE \* BURST_SECONDS\)\) "\$BURST_RATE" (\d+) ([\w-]+)/.exec(script),
    'the burst'
  );
  const burst = {
    topic: burstCall[2],
    recordBytes: Number(burstCall[1]),
    rate: variable(script, 'BURST_RATE'),
    seconds: variable(script, 'BURST_SECONDS'),
    pause: variable(script, 'BURST_PAUSE'),
  };
  const period = burst.pause + burst.seconds;
  const topics = Array.from(script.matchAll(/^produce ([\w-]+) (\d+) (\d+) &$/gm), ([, name, rate, bytes]) => {
    const base = Number(rate);
    const bursting = name === burst.topic;
    return {
      name,
      // The burst comes after each pause: seconds [pause, pause + seconds) of every period.
      rate: bursting
        ? (t: number) => base + (((t % period) + period) % period >= burst.pause ? burst.rate : 0)
        : () => base,
      bytesPerMessage: Number(bytes),
      leaders: leadership(script, name),
    };
  });
  const groups = Array.from(script.matchAll(/--topic ([\w-]+) --group ([\w-]+)/g), ([, topic, name]) => ({
    name,
    topic,
  }));
  const slowName = must(/--group ([\w-]+) \\\n\s*--max-messages "\$BILLING_BATCH"/.exec(script), 'the slow group')[1];
  const slowTopic = must(
    groups.find((g) => g.name === slowName),
    'the slow group'
  ).topic;
  const produced = must(
    topics.find((t) => t.name === slowTopic),
    `${slowTopic}'s producer`
  ).rate(0);
  // A batch, then a pause (and a few seconds to start the consumer's JVM).
  const share = variable(script, 'BILLING_BATCH') / (variable(script, 'BILLING_PAUSE') + 5) / produced;
  return { topics, groups, burst, slowGroup: { name: slowName, share } };
}

/** The demo's cluster: healthy nodes, the load generator's traffic, its slow consumer group. */
export function demoScenario(repo: string): Scenario {
  const profile = loadProfile(repo);
  return {
    name: 'demo',
    topics: profile.topics,
    groups: profile.groups,
    weight: () => 1,
    load: () => 1,
    up: () => true,
    // Dedicated brokers: the idle meter is a true ratio (no combined-mode double count).
    gauges: () => ({ requestHandlerAvgIdle: 0.9 }),
    consumption: (group) => (group === profile.slowGroup.name ? profile.slowGroup.share : 1),
  };
}
