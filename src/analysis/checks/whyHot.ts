/**
 * Why a broker is hot, from the evidence the panel has, and saying which evidence it used:
 * - no leader or partition counts: the usual suspects, and which queries would tell;
 * - its leaders or replicas skewed onto it: the leader-skew / partition-skew finding is the cause
 *   (it explains the imbalance), with its own remedy;
 * - leaders and replicas even overall, but one busy topic's traffic on it: that topic's leaders sit
 *   here, or a few partitions or keys carry it — spread the topic (reassign it, more partitions, a
 *   better key), not a cluster-wide leader election;
 * - leaders and replicas even, no one topic: its partitions simply carry more; move some.
 */
import type { Model } from '../model/model';
import { say, type Said } from '../messages';
import { beyond, currentCounts, leaderShares, MIN_PARTITIONS, total } from '../signals/placement';
import { addPartitionsCommands, reassignCommands } from '../commands';
import { isSkewed } from './topicSkew';
import { topicsToMove } from './partitionSkew';

type Figures = { broker: string; rate: number; mean: number; deviation: number };

export interface HotBecause {
  said: (figures: Figures) => Said;
  commands?: readonly string[];
}

export function whyHot(
  { signals, messages }: Model,
  broker: string,
  thresholds: { partitionSkew: { warning: number }; topicSkew: number }
): HotBecause {
  const { leaders, partitions, expectedOf } = leaderShares(signals.leaders, signals.partitions);
  const replicas = currentCounts(signals.partitions);
  if (!leaders.has(broker) && !replicas.has(broker)) {
    return { said: (f) => say('imbalance.hot', f) };
  }
  const share = thresholds.partitionSkew.warning;
  const judged = (leaders.size > 0 ? partitions : total(replicas.values())) >= MIN_PARTITIONS;
  const mean = replicas.size > 0 ? total(replicas.values()) / replicas.size : 0;
  const leaderSkewed = leaders.has(broker) && beyond(leaders.get(broker)!, expectedOf(broker), share);
  const replicaSkewed = replicas.has(broker) && beyond(replicas.get(broker)!, mean, share);
  const brokers = Array.from(new Set([...leaders.keys(), ...replicas.keys()]));
  if (judged && (leaderSkewed || replicaSkewed)) {
    return { said: (f) => say('imbalance.hot-placed', f) };
  }
  const topics = messages?.topics ?? [];
  const concentrated = topics.find(
    (t) => isSkewed(t.share, t.maxBrokerShare, thresholds.topicSkew) && t.brokers[0]?.name === broker
  );
  if (concentrated) {
    return {
      said: (f) =>
        say('imbalance.hot-partitions', { ...f, topic: concentrated.name, topicShare: concentrated.maxBrokerShare }),
      commands: [
        ...reassignCommands([concentrated.name], brokers),
        addPartitionsCommands(concentrated.name, brokers.length)[0],
      ],
    };
  }
  return {
    said: (f) => say('imbalance.hot-traffic', f),
    commands: reassignCommands(topicsToMove(topics, broker, true), brokers),
  };
}
