#!/usr/bin/env bash
# A second local Kafka broker that only speaks TLS + SASL to clients, for the
# secure-connection tests (tests/kafka/test_secure.py) and for trying the
# service against an authenticated cluster by hand.
#
# Usage: deploy/local/secure/broker.sh start|stop|status|clean|env
#
#   start   generate a test CA, a second (untrusted) CA and the broker's
#           certificate; format the storage with SCRAM users; start the broker;
#           return once an authenticated admin request over SASL_SSL succeeds
#   stop    stop the broker started here (SIGTERM, then SIGKILL)
#   status  exit 0 when it answers over SASL_SSL, 3 when stopped
#   clean   stop, then delete data, logs, certificates and credentials
#   env     print the INGEST_* settings that reach it (SCRAM-SHA-512 user)
#
# Same jars and single-node settings as deploy/local/kafka.sh (which fetches
# them); listeners:
#   SASL_SSL  127.0.0.1:$SECURE_KAFKA_PORT (19192)           clients
#   INTERNAL  127.0.0.1:$SECURE_KAFKA_INTERNAL_PORT (19194)  broker to itself (plaintext, loopback)
#   CONTROLLER 127.0.0.1:$SECURE_KAFKA_CONTROLLER_PORT (19193)
# Users (passwords generated, in $DIR/credentials.env):
#   ingest  SCRAM-SHA-512    tools  SCRAM-SHA-256    plain  PLAIN
# Client property files for Kafka's tools: $DIR/client-scram-sha-512.properties etc.
#
# Layout: .cache/kafka-secure/<port>/{certs,data,logs,server.properties,kafka.pid}
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../../.." && pwd)
LOCAL_DIR=$REPO_ROOT/deploy/local
KAFKA_SH=$LOCAL_DIR/kafka.sh

HOST=127.0.0.1
PORT=${SECURE_KAFKA_PORT:-19192}
CONTROLLER_PORT=${SECURE_KAFKA_CONTROLLER_PORT:-19193}
INTERNAL_PORT=${SECURE_KAFKA_INTERNAL_PORT:-19194}
START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms192m -Xmx384m}
TOOL_OPTS=(-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

DIR=$REPO_ROOT/.cache/kafka-secure/$PORT
CERTS=$DIR/certs
DATA_DIR=$DIR/data
LOG_DIR=$DIR/logs
CONFIG_FILE=$DIR/server.properties
PID_FILE=$DIR/kafka.pid
CREDENTIALS=$DIR/credentials.env
LIBS_DIR=$REPO_ROOT/.cache/kafka/libs
BOOTSTRAP=$HOST:$PORT

info() { printf 'kafka-secure: %s\n' "$*"; }
die() {
  printf 'kafka-secure: error: %s\n' "$*" >&2
  exit 1
}

# The java command line (up to the main class) for Kafka's command-line tools.
tool_java() {
  mkdir -p "$LOG_DIR"
  TOOL_JAVA=(java "${TOOL_OPTS[@]}" -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$LOCAL_DIR/log4j2.properties"
    "-Dkafka.logs.dir=$LOG_DIR" -Dkafka.log.name=tools
    -cp "$LIBS_DIR/*")
}

tool() {
  tool_java
  "${TOOL_JAVA[@]}" "$@"
}

port_open() { timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

# --------------------------------------------------------------------------
# Certificates and credentials
# --------------------------------------------------------------------------

# A CA, a broker certificate for 127.0.0.1/localhost signed by it, the
# broker's PKCS12 keystore, and a second CA that signed nothing here (what a
# client with the wrong trust store has).
make_certs() {
  [[ -s $CERTS/broker.p12 && -s $CERTS/other-ca.crt ]] && return 0
  command -v openssl >/dev/null || die "openssl is missing: apt-get install openssl"
  rm -rf "$CERTS"
  mkdir -p "$CERTS"
  (
    cd "$CERTS"
    openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 30 -subj "/CN=ingest test CA" \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 30 -subj "/CN=some other CA" \
      -keyout other-ca.key -out other-ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -sha256 -nodes -subj "/CN=localhost" \
      -keyout broker.key -out broker.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >broker.ext
    openssl x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -sha256 \
      -extfile broker.ext -out broker.crt 2>/dev/null
    openssl pkcs12 -export -in broker.crt -inkey broker.key -certfile ca.crt -name broker \
      -passout "pass:$(store_password)" -out broker.p12
  )
  info "generated a test CA and the broker certificate in ${CERTS#"$REPO_ROOT"/}"
}

store_password() {
  [[ -s $DIR/store.password ]] || { mkdir -p "$DIR" && openssl rand -hex 16 >"$DIR/store.password"; }
  cat "$DIR/store.password"
}

# Passwords for the three users, generated once per data folder.
make_credentials() {
  [[ -s $CREDENTIALS ]] && return 0
  mkdir -p "$DIR"
  {
    echo "INGEST_PASSWORD=$(openssl rand -hex 12)"
    echo "TOOLS_PASSWORD=$(openssl rand -hex 12)"
    echo "PLAIN_PASSWORD=$(openssl rand -hex 12)"
  } >"$CREDENTIALS"
  chmod 600 "$CREDENTIALS"
}

load_credentials() {
  # shellcheck disable=SC1090
  source "$CREDENTIALS"
}

# Property files for Kafka's command-line tools, one per mechanism.
write_client_properties() {
  local mechanism user password module file
  for mechanism in SCRAM-SHA-512 SCRAM-SHA-256 PLAIN; do
    case $mechanism in
    SCRAM-SHA-512) user=ingest password=$INGEST_PASSWORD ;;
    SCRAM-SHA-256) user=tools password=$TOOLS_PASSWORD ;;
    PLAIN) user=plain password=$PLAIN_PASSWORD ;;
    esac
    module=org.apache.kafka.common.security.scram.ScramLoginModule
    [[ $mechanism == PLAIN ]] && module=org.apache.kafka.common.security.plain.PlainLoginModule
    file=$DIR/client-$(echo "$mechanism" | tr '[:upper:]' '[:lower:]').properties
    cat >"$file" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=$mechanism
sasl.jaas.config=$module required username="$user" password="$password";
ssl.truststore.type=PEM
ssl.truststore.location=$CERTS/ca.crt
PROPS
    chmod 600 "$file"
  done
}

# --------------------------------------------------------------------------
# Broker
# --------------------------------------------------------------------------

render_config() {
  local tmp
  tmp=$(mktemp "$DIR/server.properties.XXXXXX")
  {
    sed -e "s|@PORT@|$INTERNAL_PORT|g" -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" \
      -e "s|@DATA_DIR@|$DATA_DIR|g" "$LOCAL_DIR/server.properties.in" |
      grep -vE '^(listeners|advertised\.listeners|listener\.security\.protocol\.map|inter\.broker\.listener\.name)='
    sed -e "s|@PORT@|$PORT|g" -e "s|@INTERNAL_PORT@|$INTERNAL_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" -e "s|@CERTS@|$CERTS|g" \
      -e "s|@STORE_PASSWORD@|$(store_password)|g" \
      -e "s|@PLAIN_USERS@|user_plain=\"$PLAIN_PASSWORD\"|g" \
      "$SCRIPT_DIR/server-secure.properties.in"
  } >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$CONFIG_FILE"
}

# Formats the storage once, with the SCRAM users in the initial metadata.
format_storage() {
  [[ -f $DATA_DIR/meta.properties ]] && return 0
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  local cluster_id out
  cluster_id=$(tool kafka.tools.StorageTool random-uuid | tail -n 1)
  if ! out=$(tool kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG_FILE" \
    --add-scram "SCRAM-SHA-512=[name=ingest,password=$INGEST_PASSWORD]" \
    --add-scram "SCRAM-SHA-256=[name=tools,password=$TOOLS_PASSWORD]" 2>&1); then
    printf '%s\n' "$out" >&2
    die "formatting $DATA_DIR failed"
  fi
  info "formatted ${DATA_DIR#"$REPO_ROOT"/} with SCRAM users ingest (SHA-512) and tools (SHA-256)"
}

broker_pid() {
  [[ -s $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$CONFIG_FILE" || return 1
  fi
  echo "$pid"
}

# True when an authenticated admin request over SASL_SSL succeeds.
answers() {
  port_open "$PORT" || return 1
  tool_java
  timeout 40 "${TOOL_JAVA[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
    --command-config "$DIR/client-scram-sha-512.properties" --list >/dev/null 2>&1
}

launch() {
  local heap=()
  read -r -a heap <<<"$HEAP_OPTS"
  mkdir -p "$LOG_DIR"
  rm -f "$PID_FILE"
  printf '\n===== %s starting secure broker on %s =====\n' "$(date -Is)" "$BOOTSTRAP" >>"$LOG_DIR/kafka.out"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-secure "$PID_FILE" \
    java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$LOCAL_DIR/log4j2.properties" \
    "-Dkafka.logs.dir=$LOG_DIR" -Dkafka.log.name=server \
    -cp "$LIBS_DIR/*" kafka.Kafka "$CONFIG_FILE" >>"$LOG_DIR/kafka.out" 2>&1 </dev/null {lock_fd}>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $PID_FILE ]] && return 0
    sleep 0.1
  done
  die "the broker process did not start"
}

# The lock serialises start/stop/clean for this port; the broker itself must
# not inherit it (launch closes it), or it would hold the lock while it runs.
cmd_start() {
  mkdir -p "$DIR"
  exec {lock_fd}>"$DIR/.lock"
  flock -w 300 "$lock_fd" || die "timed out waiting for $DIR/.lock"
  bash "$KAFKA_SH" fetch
  make_certs
  make_credentials
  load_credentials
  write_client_properties
  local pid
  if pid=$(broker_pid); then
    info "reusing the secure broker already running on $BOOTSTRAP (pid $pid)"
  else
    for p in "$PORT" "$CONTROLLER_PORT" "$INTERNAL_PORT"; do
      port_open "$p" && die "127.0.0.1:$p is in use; set SECURE_KAFKA_*PORT to free ports"
    done
    render_config
    format_storage
    launch
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers; do
    if ! broker_pid >/dev/null; then
      tail -n 40 "$LOG_DIR/server.log" "$LOG_DIR/kafka.out" >&2 2>/dev/null || true
      die "the secure broker exited during startup (logs in ${LOG_DIR#"$REPO_ROOT"/})"
    fi
    if ((SECONDS >= deadline)); then
      cmd_stop_unlocked
      die "the secure broker did not answer on $BOOTSTRAP within ${START_TIMEOUT} s; stopped it"
    fi
    sleep 1
  done
  info "secure broker ready on $BOOTSTRAP (SASL_SSL; pid $(<"$PID_FILE"))"
}

cmd_stop_unlocked() {
  local pid
  if ! pid=$(broker_pid); then
    rm -f "$PID_FILE"
    info "secure broker on $BOOTSTRAP is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  info "secure broker stopped"
}

cmd_stop() {
  mkdir -p "$DIR"
  exec {lock_fd}>"$DIR/.lock"
  flock -w 300 "$lock_fd" || die "timed out waiting for $DIR/.lock"
  cmd_stop_unlocked
}

cmd_status() {
  if broker_pid >/dev/null && [[ -s $DIR/client-scram-sha-512.properties ]] && answers; then
    echo "running: answering over SASL_SSL on $BOOTSTRAP"
    return 0
  fi
  echo "stopped: nothing answers over SASL_SSL on $BOOTSTRAP"
  return 3
}

cmd_clean() {
  cmd_stop
  rm -rf "$DIR"
  info "deleted ${DIR#"$REPO_ROOT"/}"
}

cmd_env() {
  [[ -s $CREDENTIALS ]] || die "not set up yet: run '$0 start' first"
  load_credentials
  cat <<ENV
INGEST_KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP
INGEST_KAFKA_SECURITY_PROTOCOL=SASL_SSL
INGEST_KAFKA_SASL_MECHANISM=SCRAM-SHA-512
INGEST_KAFKA_SASL_USERNAME=ingest
INGEST_KAFKA_SASL_PASSWORD=$INGEST_PASSWORD
INGEST_KAFKA_SSL_CAFILE=$CERTS/ca.crt
ENV
}

case ${1:-} in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
clean) cmd_clean ;;
env) cmd_env ;;
*)
  sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
  exit 2
  ;;
esac
