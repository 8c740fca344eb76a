#!/usr/bin/env bash
# Uneven traffic, so the demo dashboard shows real findings within a couple of minutes:
#  - orders, payments: spread over all brokers (6 and 3 partitions, replication factor 3);
#  - clickstream: every partition's preferred leader is broker 1, so kafka-1 runs hot (imbalance)
#    and the topic is skewed (topic-skew);
#  - audit-log: a trickle, with a burst every four minutes;
#  - consumer groups: `analytics` keeps up with clickstream; `billing` reads orders in slow batches
#    (about 80 of its 300 msg/s), so its lag grows and the panel reports it falling behind.
set -euo pipefail

# This container has no KAFKA_OPTS (the brokers' one loads the JMX agent, which would try to bind
# port 7071 again in every CLI tool); make sure none sneaks in.
unset KAFKA_OPTS
export KAFKA_HEAP_OPTS="-Xmx128m"
BOOTSTRAP=kafka-1:9092,kafka-2:9092,kafka-3:9092
BIN=/opt/kafka/bin

topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$@"
}
topic orders --partitions 6 --replication-factor 3
topic payments --partitions 3 --replication-factor 3
topic clickstream --replica-assignment 1:2:3,1:3:2,1:2:3,1:3:2
topic audit-log --partitions 3 --replication-factor 3

# produce TOPIC MSG_PER_SEC RECORD_BYTES: forever, in ten-minute runs.
produce() {
  while true; do
    "$BIN/kafka-producer-perf-test.sh" --topic "$1" --num-records $(($2 * 600)) --throughput "$2" \
      --record-size "$3" --producer-props bootstrap.servers="$BOOTSTRAP" acks=1 linger.ms=20 >/dev/null ||
      sleep 5
  done
}

bursts() {
  while true; do
    sleep 240
    "$BIN/kafka-producer-perf-test.sh" --topic audit-log --num-records 45000 --throughput 1500 \
      --record-size 200 --producer-props bootstrap.servers="$BOOTSTRAP" acks=1 >/dev/null || true
  done
}

# A consumer that keeps up, and one that falls behind: 2,000 messages, then a 20 s pause.
consume_all() {
  while true; do
    "$BIN/kafka-console-consumer.sh" --bootstrap-server "$BOOTSTRAP" --topic clickstream --group analytics >/dev/null || sleep 5
  done
}
consume_slowly() {
  while true; do
    "$BIN/kafka-console-consumer.sh" --bootstrap-server "$BOOTSTRAP" --topic orders --group billing \
      --max-messages 2000 >/dev/null || true
    sleep 20
  done
}

produce orders 300 600 &
produce payments 120 350 &
produce clickstream 400 1200 &
produce audit-log 10 200 &
bursts &
consume_all &
consume_slowly &
echo "load generator running: orders 300/s, payments 120/s, clickstream 400/s (led by kafka-1), audit-log bursts"
wait
