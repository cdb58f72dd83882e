# Local single-node Kafka 4.x broker (KRaft) on 127.0.0.1, from Maven Central jars.
#
#   make kafka         start it, or reuse the broker already answering on the port
#   make kafka-stop    stop the broker started by `make kafka`
#   make kafka-clean   stop it and delete its data, logs and config
#
# KAFKA_PORT / KAFKA_CONTROLLER_PORT (default 9092 / 9093) select another broker.

KAFKA_SH := deploy/local/kafka.sh

.PHONY: kafka kafka-stop kafka-clean

kafka:
	bash $(KAFKA_SH) start

kafka-stop:
	bash $(KAFKA_SH) stop

kafka-clean:
	bash $(KAFKA_SH) clean
