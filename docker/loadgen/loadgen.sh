#!/usr/bin/env bash
# Uneven traffic, so the demo dashboard shows real findings within a couple of minutes:
#  - orders, payments: spread over all brokers (6 and 3 partitions, replication factor 3);
#  - clickstream: every partition's preferred leader is broker 1, so kafka-1 runs hot (CRITICAL
#    imbalance: about 1.1 off the mean, and still about 0.7 at the top of an audit-log burst,
#    well above the 0.5 threshold) and the topic is skewed (topic-skew);
#  - audit-log: a trickle, with a burst every four minutes;
#  - consumer groups: `analytics` keeps up with clickstream; `billing` reads orders in batches
#    (about a quarter of what is written), so its lag grows and the panel reports it falling behind.
# Rates are small on purpose: the findings come from the proportions, and an hour of this data
# (the brokers' retention) stays around a gigabyte. test/e2e reads the figures below to simulate
# this exact traffic and checks that the CRITICAL holds at every step, bursts included.
set -euo pipefail

# This container has no KAFKA_OPTS (the brokers' one loads the JMX agent, which would try to bind
# port 7071 again in every CLI tool); make sure none sneaks in. Small heaps: up to seven client
# JVMs run here at once.
unset KAFKA_OPTS
export KAFKA_HEAP_OPTS="-Xms32m -Xmx96m"
export KAFKA_JVM_PERFORMANCE_OPTS="-XX:+UseSerialGC -Djava.awt.headless=true"
BOOTSTRAP=kafka-1:9092,kafka-2:9092,kafka-3:9092
BIN=/opt/kafka/bin

# audit-log bursts: BURST_RATE msg/s for BURST_SECONDS, after every BURST_PAUSE seconds of quiet.
BURST_PAUSE=240
BURST_RATE=200
BURST_SECONDS=30
# billing reads BILLING_BATCH messages, then pauses BILLING_PAUSE seconds.
BILLING_BATCH=1500
BILLING_PAUSE=90

topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$@"
}
topic orders --partitions 6 --replication-factor 3
topic payments --partitions 3 --replication-factor 3
topic clickstream --replica-assignment 1:2:3,1:3:2,1:2:3,1:3:2
topic audit-log --partitions 3 --replication-factor 3

# perf RECORDS MSG_PER_SEC RECORD_BYTES TOPIC [PROPERTIES…]
perf() {
  "$BIN/kafka-producer-perf-test.sh" --bootstrap-server "$BOOTSTRAP" --num-records "$1" --throughput "$2" \
    --record-size "$3" --topic "$4" --command-property acks=1 linger.ms=20 >/dev/null
}

# produce TOPIC MSG_PER_SEC RECORD_BYTES: forever, in ten-minute runs.
produce() {
  while true; do
    perf $(($2 * 600)) "$2" "$3" "$1" || sleep 5
  done
}

bursts() {
  while true; do
    sleep "$BURST_PAUSE"
    perf $((BURST_RATE * BURST_SECONDS)) "$BURST_RATE" 200 audit-log || true
  done
}

consume_all() {
  while true; do
    "$BIN/kafka-console-consumer.sh" --bootstrap-server "$BOOTSTRAP" --topic clickstream --group analytics >/dev/null || sleep 5
  done
}
consume_slowly() {
  while true; do
    "$BIN/kafka-console-consumer.sh" --bootstrap-server "$BOOTSTRAP" --topic orders --group billing \
      --max-messages "$BILLING_BATCH" >/dev/null || true
    sleep "$BILLING_PAUSE"
  done
}

produce orders 60 500 &
produce payments 24 300 &
produce clickstream 100 800 &
produce audit-log 2 200 &
bursts &
consume_all &
consume_slowly &
echo "load generator running: orders 60/s, payments 24/s, clickstream 100/s (led by kafka-1), audit-log bursts"
wait
