#!/usr/bin/env bash
# Local single-node Apache Kafka 4.x broker (KRaft, combined broker + controller)
# on 127.0.0.1, built only from jars resolved from Maven Central.
#
# Usage: deploy/local/kafka.sh COMMAND [ARGS]
#
#   fetch                 resolve the broker + tool jars into .cache/kafka/libs
#                         (no-op when already resolved for the current pom.xml)
#   start                 start the broker, or reuse the one already answering
#                         on the port; returns once it serves requests
#   stop                  stop the broker started here (SIGTERM, then SIGKILL)
#   status                print whether the broker runs and answers
#                         (exit 0: answering, 1: process up but not answering, 3: stopped)
#   topics NAME[:PARTS]…  create topics idempotently (replication factor 1,
#                         PARTS defaults to 1)
#   clean                 stop the broker and delete its data, logs and config
#   tool CLASS [ARGS…]    run a Kafka command-line class from the same classpath,
#                         e.g. org.apache.kafka.tools.consumer.ConsoleConsumer
#
# Environment:
#   KAFKA_PORT             client listener port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer (default 60)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default 30)
#   KAFKA_HEAP_OPTS        broker heap (default "-Xms256m -Xmx512m")
#   KAFKA_JVM_OPTS         extra broker JVM options
#   KAFKA_TOOL_OPTS        JVM options for the command-line tools
#   KAFKA_MVN_ARGS         extra arguments for the `mvn` call in fetch
#
# Layout (all under the repository root, ignored by git):
#   .cache/kafka/libs/                 jars (flat classpath) + .fetched stamp
#   .cache/kafka/<port>/server.properties
#   .cache/kafka/<port>/data/          KRaft metadata log and topic data
#   .cache/kafka/<port>/logs/          server.log (broker), tools.log, kafka.out (stdout/stderr)
#   .cache/kafka/<port>/kafka.pid

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

POM_FILE=$SCRIPT_DIR/pom.xml
TEMPLATE_FILE=$SCRIPT_DIR/server.properties.in
LOG4J_FILE=$SCRIPT_DIR/log4j2.properties

HOST=127.0.0.1
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
START_TIMEOUT=${KAFKA_START_TIMEOUT:-60}
STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
JVM_OPTS=${KAFKA_JVM_OPTS:-}
# Short-lived tools: small heap, C1 only and serial GC start fastest.
TOOL_OPTS=${KAFKA_TOOL_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
MVN_ARGS=${KAFKA_MVN_ARGS:-}

CACHE_DIR=$REPO_ROOT/.cache/kafka
LIBS_DIR=$CACHE_DIR/libs
FETCH_STAMP=$LIBS_DIR/.fetched
NODE_DIR=$CACHE_DIR/$PORT
DATA_DIR=$NODE_DIR/data
LOG_DIR=$NODE_DIR/logs
CONFIG_FILE=$NODE_DIR/server.properties
PID_FILE=$NODE_DIR/kafka.pid
BOOTSTRAP=$HOST:$PORT

# ----------------------------------------------------------------------------
# Messages
# ----------------------------------------------------------------------------

info() { printf 'kafka: %s\n' "$*"; }
warn() { printf 'kafka: %s\n' "$*" >&2; }
die() {
  printf 'kafka: error: %s\n' "$*" >&2
  exit 1
}

# Prints the last lines of the broker's logs to stderr (used on failures).
show_log_tail() {
  local f
  for f in "$LOG_DIR/server.log" "$LOG_DIR/kafka.out"; do
    if [[ -s $f ]]; then
      printf '\n----- last lines of %s -----\n' "$f" >&2
      tail -n 40 "$f" >&2
    fi
  done
}

# ----------------------------------------------------------------------------
# Preconditions
# ----------------------------------------------------------------------------

# Guarantees the ports are numbers and distinct, so the rendered config is valid.
check_ports() {
  [[ $PORT =~ ^[0-9]+$ ]] || die "KAFKA_PORT must be a port number, got '$PORT'"
  [[ $CONTROLLER_PORT =~ ^[0-9]+$ ]] ||
    die "KAFKA_CONTROLLER_PORT must be a port number, got '$CONTROLLER_PORT'"
  [[ $PORT != "$CONTROLLER_PORT" ]] ||
    die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ (both are $PORT)"
}

# Guarantees a Java 17+ `java` on PATH (Kafka 4.x brokers and tools need 17).
require_java() {
  command -v java >/dev/null 2>&1 ||
    die "java is missing: install it with 'apt-get install openjdk-17-jre-headless'"
  local version major
  version=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  major=${version%%.*}
  if [[ $major == 1 ]]; then # 1.8.0_x style
    major=$(echo "$version" | cut -d. -f2)
  fi
  if [[ $major =~ ^[0-9]+$ ]] && ((major < 17)); then
    die "java $version is too old for Kafka 4.x: install 17+ with 'apt-get install openjdk-17-jre-headless'"
  fi
}

require_mvn() {
  command -v mvn >/dev/null 2>&1 ||
    die "mvn is missing: install it with 'apt-get install maven'"
}

# Takes an exclusive lock on FILE through file descriptor FD for the rest of
# this process, so concurrent invocations for the same port (FD 9) or the same
# fetch (FD 8) run one at a time. The broker is launched with both descriptors
# closed, so it never holds a lock after this script exits.
lock() {
  local file=$1 fd=$2
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$(dirname "$file")"
  eval "exec $fd>\"\$file\""
  flock -w $((START_TIMEOUT + STOP_TIMEOUT + 120)) "$fd" || die "timed out waiting for lock $file"
}

# ----------------------------------------------------------------------------
# Jars
# ----------------------------------------------------------------------------

pom_stamp() { sha256sum "$POM_FILE" | cut -d' ' -f1; }

libs_ready() { [[ -f $FETCH_STAMP && $(cat "$FETCH_STAMP") == "$(pom_stamp)" ]]; }

# Guarantees .cache/kafka/libs holds exactly the runtime classpath of pom.xml.
# The jars are copied into a scratch folder and moved into place only when Maven
# succeeded, so an interrupted fetch never leaves a half-filled libs folder that
# looks complete. A changed pom.xml (new version) triggers a fresh fetch.
cmd_fetch() {
  if libs_ready; then
    return 0
  fi
  lock "$CACHE_DIR/.fetch.lock" 8
  if libs_ready; then # another invocation fetched while we waited
    return 0
  fi
  require_java
  require_mvn

  info "resolving Kafka jars from Maven Central (pom: ${POM_FILE#"$REPO_ROOT"/})"
  local tmp started=$SECONDS extra=()
  mkdir -p "$CACHE_DIR"
  rm -rf "$CACHE_DIR"/libs.tmp.* # leftovers of an interrupted fetch (we hold the lock)
  tmp=$(mktemp -d "$CACHE_DIR/libs.tmp.XXXXXX")
  if [[ -n $MVN_ARGS ]]; then
    read -r -a extra <<<"$MVN_ARGS"
  fi
  if ! mvn -q -B -Dstyle.color=never -f "$POM_FILE" "${extra[@]}" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "mvn could not resolve the Kafka jars (see output above)"
  fi
  rm -f "$tmp.log"
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || {
    rm -rf "$tmp"
    die "mvn finished but no kafka_2.13 jar was copied into $tmp"
  }
  pom_stamp >"$tmp/.fetched"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  info "resolved $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars into ${LIBS_DIR#"$REPO_ROOT"/} in $((SECONDS - started)) s"
}

# ----------------------------------------------------------------------------
# Running Java
# ----------------------------------------------------------------------------

# The java command line (up to the main class) for the command-line tools;
# their own logging goes to logs/tools.log so only what a tool prints itself
# reaches the terminal.
tool_java() {
  local opts=()
  read -r -a opts <<<"$TOOL_OPTS"
  TOOL_JAVA=(java "${opts[@]}" -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$LOG4J_FILE"
    "-Dkafka.logs.dir=$LOG_DIR" -Dkafka.log.name=tools
    -cp "$LIBS_DIR/*")
  mkdir -p "$LOG_DIR"
}

# Runs a Kafka main class with the fetched classpath.
run_tool() {
  tool_java
  "${TOOL_JAVA[@]}" "$@"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# True when a Kafka broker on BOOTSTRAP serves an admin request (lists topics).
kafka_answers() {
  port_open "$PORT" || return 1
  tool_java
  timeout 30 "${TOOL_JAVA[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1
}

# Prints the pid from the pid file when that process is alive and is the broker
# started for this port (guards against a recycled pid); fails otherwise.
broker_pid() {
  [[ -s $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$CONFIG_FILE" || return 1
  fi
  echo "$pid"
}

# ----------------------------------------------------------------------------
# Start
# ----------------------------------------------------------------------------

# Guarantees server.properties reflects the template and the current ports.
render_config() {
  local esc_data tmp
  esc_data=$(printf '%s' "$DATA_DIR" | sed 's/[\\&|]/\\&/g')
  tmp=$(mktemp "$NODE_DIR/server.properties.XXXXXX")
  sed -e "s|@PORT@|$PORT|g" \
    -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" \
    -e "s|@DATA_DIR@|$esc_data|g" \
    "$TEMPLATE_FILE" >"$tmp"
  mv "$tmp" "$CONFIG_FILE"
}

# Guarantees the data dir is formatted for KRaft exactly once: meta.properties
# present means formatted (reused as is, so restarts keep their data); a data dir
# without it is leftover from an interrupted format and is recreated.
format_storage() {
  if [[ -f $DATA_DIR/meta.properties ]]; then
    return 0
  fi
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  local cluster_id out
  cluster_id=$(run_tool kafka.tools.StorageTool random-uuid | tail -n 1)
  [[ -n $cluster_id ]] || die "kafka.tools.StorageTool random-uuid printed no id"
  if ! out=$(run_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG_FILE" 2>&1); then
    printf '%s\n' "$out" >&2
    die "formatting $DATA_DIR failed"
  fi
  info "formatted ${DATA_DIR#"$REPO_ROOT"/} (cluster id $cluster_id)"
}

# Launches the broker in its own session, detached from the terminal, with
# stdout/stderr in logs/kafka.out; the pid file is written by the process that
# becomes the JVM, so it always names the broker itself.
launch_broker() {
  local heap=() extra=() detach=()
  read -r -a heap <<<"$HEAP_OPTS"
  if [[ -n $JVM_OPTS ]]; then
    read -r -a extra <<<"$JVM_OPTS"
  fi
  if command -v setsid >/dev/null 2>&1; then
    detach=(setsid)
  fi
  rm -f "$PID_FILE"
  mkdir -p "$LOG_DIR"
  printf '\n===== %s starting broker on %s =====\n' "$(date -Is)" "$BOOTSTRAP" >>"$LOG_DIR/kafka.out"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  nohup "${detach[@]}" bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-launch "$PID_FILE" \
    java "${heap[@]}" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$LOG4J_FILE" \
    -Dkafka.logs.dir="$LOG_DIR" -Dkafka.log.name=server \
    "${extra[@]}" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$CONFIG_FILE" \
    >>"$LOG_DIR/kafka.out" 2>&1 </dev/null 8>&- 9>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $PID_FILE ]] && return 0
    sleep 0.1
  done
  die "the broker process did not start (no pid file written)"
}

# Waits until the broker serves requests. Fails, after stopping the process,
# with the tail of its log when it exits or does not answer within START_TIMEOUT.
wait_until_ready() {
  local deadline=$((SECONDS + START_TIMEOUT)) pid
  while ((SECONDS < deadline)); do
    if ! pid=$(broker_pid); then
      show_log_tail
      rm -f "$PID_FILE"
      die "the broker exited during startup (logs in ${LOG_DIR#"$REPO_ROOT"/})"
    fi
    if kafka_answers; then
      return 0
    fi
    sleep 1
  done
  show_log_tail
  stop_broker || true
  die "the broker did not answer on $BOOTSTRAP within ${START_TIMEOUT} s; stopped it"
}

cmd_start() {
  require_java
  mkdir -p "$NODE_DIR"
  lock "$NODE_DIR/.lock" 9
  cmd_fetch

  local pid started=$SECONDS
  if pid=$(broker_pid); then
    wait_until_ready
    info "reusing the broker already running on $BOOTSTRAP (pid $pid)"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$PORT"; then
    if kafka_answers; then
      info "reusing the Kafka broker already answering on $BOOTSTRAP (not started by this script)"
      return 0
    fi
    die "$BOOTSTRAP is in use but no Kafka broker answers there; pick another KAFKA_PORT"
  fi
  if port_open "$CONTROLLER_PORT"; then
    die "controller port $HOST:$CONTROLLER_PORT is in use; pick another KAFKA_CONTROLLER_PORT"
  fi

  render_config
  format_storage
  launch_broker
  wait_until_ready
  info "broker ready on $BOOTSTRAP (pid $(<"$PID_FILE"), started in $((SECONDS - started)) s, logs in ${LOG_DIR#"$REPO_ROOT"/})"
}

# ----------------------------------------------------------------------------
# Stop, status, clean
# ----------------------------------------------------------------------------

# Guarantees the broker started here is gone: SIGTERM (controlled shutdown),
# then SIGKILL after STOP_TIMEOUT. Only the pid file is removed.
stop_broker() {
  local pid
  if ! pid=$(broker_pid); then
    rm -f "$PID_FILE"
    if port_open "$PORT"; then
      info "no broker started here on $BOOTSTRAP; the one answering there is left alone"
    else
      info "broker on $BOOTSTRAP is not running"
    fi
    return 0
  fi
  info "stopping broker on $BOOTSTRAP (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "broker did not stop within ${STOP_TIMEOUT} s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  info "broker stopped"
}

cmd_stop() {
  if [[ -d $NODE_DIR ]]; then # never started here: nothing to lock or stop
    lock "$NODE_DIR/.lock" 9
  fi
  stop_broker
}

cmd_status() {
  local pid answering=no
  if libs_ready && command -v java >/dev/null 2>&1; then
    kafka_answers && answering=yes
  else
    port_open "$PORT" && answering=yes
  fi
  if pid=$(broker_pid); then
    if [[ $answering == yes ]]; then
      echo "running: pid $pid, answering on $BOOTSTRAP"
      return 0
    fi
    echo "running: pid $pid, not answering on $BOOTSTRAP yet"
    return 1
  fi
  if [[ $answering == yes ]]; then
    echo "answering on $BOOTSTRAP (not started by this script)"
    return 0
  fi
  echo "stopped: nothing answers on $BOOTSTRAP"
  return 3
}

cmd_clean() {
  if [[ -d $NODE_DIR ]]; then
    lock "$NODE_DIR/.lock" 9
  fi
  stop_broker
  rm -rf "$NODE_DIR"
  info "deleted ${NODE_DIR#"$REPO_ROOT"/} (data, logs, config)"
}

# ----------------------------------------------------------------------------
# Topics and tools
# ----------------------------------------------------------------------------

# Creates each NAME[:PARTITIONS] with replication factor 1; existing topics are
# left as they are (--if-not-exists), so this is safe to repeat.
cmd_topics() {
  (($# > 0)) || die "usage: kafka.sh topics NAME[:PARTITIONS]..."
  require_java
  libs_ready || die "Kafka jars are not fetched; run 'deploy/local/kafka.sh start' first"
  port_open "$PORT" || die "no broker answers on $BOOTSTRAP; run 'deploy/local/kafka.sh start' first"
  local spec name parts
  for spec in "$@"; do
    name=${spec%%:*}
    parts=1
    if [[ $spec == *:* ]]; then
      parts=${spec#*:}
    fi
    [[ -n $name ]] || die "empty topic name in '$spec'"
    [[ $parts =~ ^[1-9][0-9]*$ ]] || die "partitions must be a positive number in '$spec'"
    run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
      --create --if-not-exists --topic "$name" --partitions "$parts" --replication-factor 1 \
      >/dev/null || die "could not create topic '$name'"
    info "topic $name ($parts partition(s)) present on $BOOTSTRAP"
  done
}

cmd_tool() {
  (($# > 0)) || die "usage: kafka.sh tool MAIN_CLASS [ARGS...]"
  require_java
  cmd_fetch >&2
  run_tool "$@"
}

usage() {
  sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

main() {
  local cmd=${1:-}
  (($# > 0)) && shift
  check_ports
  case $cmd in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  topics) cmd_topics "$@" ;;
  clean) cmd_clean ;;
  tool) cmd_tool "$@" ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
  esac
}

main "$@"
