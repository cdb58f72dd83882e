#!/usr/bin/env bash
# Creates the ingest topics with Kafka's own kafka-topics tool. Safe to repeat:
# existing topics are left as they are (--if-not-exists).
#
#   deploy/base/topics.sh --bootstrap-server HOST:PORT [--command-config client.properties]
#
# client.properties for a SASL_SSL cluster:
#   security.protocol=SASL_SSL
#   sasl.mechanism=SCRAM-SHA-512
#   sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="...";
#   ssl.truststore.type=PEM
#   ssl.truststore.location=/path/to/ca.crt
#
# Partitions bound the scale-out: KEDA never runs more consumers than
# articles.raw has partitions, so 12 allows 1 to 12 replicas (keep
# maxReplicaCount in scaledobject.yaml equal). The event topics get the same
# count so a transaction's writes spread like its reads. Three replicas with
# min.insync.replicas=2 keep acks=all writes (the service's idempotent and
# transactional producers) available while one broker is down.
#
# Environment:
#   KAFKA_TOPICS        command that runs kafka-topics (default: kafka-topics.sh)
#   REPLICATION_FACTOR  default 3
#   MIN_INSYNC_REPLICAS default 2
#   DRY_RUN=1           print the commands instead of running them
set -euo pipefail

read -r -a kafka_topics <<<"${KAFKA_TOPICS:-kafka-topics.sh}"
replication=${REPLICATION_FACTOR:-3}
min_isr=${MIN_INSYNC_REPLICAS:-2}
week=$((7 * 24 * 3600 * 1000))

# name partitions retention.ms
topics=(
  "articles.raw 12 $week"
  "events.arms-transfers 12 $((4 * week))"
  "events.sanctions 12 $((4 * week))"
  "articles.dead-letter 3 $((4 * week))"
)

for spec in "${topics[@]}"; do
  read -r name partitions retention <<<"$spec"
  command=("${kafka_topics[@]}" "$@" --create --if-not-exists --topic "$name"
    --partitions "$partitions" --replication-factor "$replication"
    --config "min.insync.replicas=$min_isr" --config "retention.ms=$retention")
  if [[ ${DRY_RUN:-0} == 1 ]]; then
    printf '%q ' "${command[@]}"
    printf '\n'
  else
    "${command[@]}"
  fi
done
