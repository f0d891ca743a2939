#!/usr/bin/env bash
# Run a real single-node Apache Kafka broker (KRaft, no ZooKeeper) on this
# machine without Docker: the broker's jars come from Maven Central through
# infra/kafka/pom.xml and run on the local JDK.
#
#   bash infra/kafka/kafka.sh start    # idempotent; returns once the broker answers
#   bash infra/kafka/kafka.sh status   # prints "running" and exits 0, else exits 1
#   bash infra/kafka/kafka.sh stop     # stops the broker this script started
#
# Environment (all optional):
#   KAFKA_HOST             address to bind and advertise       (127.0.0.1)
#   KAFKA_PORT             client (PLAINTEXT) port              (9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port                (9093)
#   KAFKA_DATA_DIR         config, logs, pid and topic data     (<repo>/.naxio/kafka)
#   KAFKA_HEAP_OPTS        JVM heap flags                       (-Xmx512m -Xms256m)
#   KAFKA_OPTS             extra JVM flags
#   KAFKA_START_TIMEOUT    seconds to wait for the broker       (90)
#
# Messages go to stderr, prefixed "kafka:". Only `status` writes to stdout.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

# 127.0.0.1 rather than "localhost": Node >= 17 resolves localhost to ::1 first,
# and a broker bound to IPv4 only would then refuse kafkajs connections.
KAFKA_HOST=${KAFKA_HOST:-127.0.0.1}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DATA_DIR=${KAFKA_DATA_DIR:-$REPO_ROOT/.naxio/kafka}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}
KAFKA_OPTS=${KAFKA_OPTS:-}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}

BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Maven output lives in target/ (git-ignored). The classpath file is the cache
# that lets a warm start skip Maven entirely.
TARGET_DIR="$SCRIPT_DIR/target"
CLASSPATH_FILE="$TARGET_DIR/classpath.txt"
MVN_LOG="$TARGET_DIR/mvn.log"

log() { echo "kafka: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Milliseconds since the epoch. $SECONDS ticks on whole-second boundaries and
# so misreports short waits by up to a second.
now_ms() { local us=${EPOCHREALTIME//[!0-9]/}; echo $((us / 1000)); }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100)); }

# Absolute paths for everything under the data dir: the broker runs with a
# different working directory than the caller's.
data_paths() {
  mkdir -p "$KAFKA_DATA_DIR"
  KAFKA_DATA_DIR=$(cd "$KAFKA_DATA_DIR" && pwd)
  PROPS="$KAFKA_DATA_DIR/server.properties"
  LOG4J="$KAFKA_DATA_DIR/log4j.properties"
  PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
  SERVER_LOG="$KAFKA_DATA_DIR/server.log"   # broker log (log4j)
  JVM_OUT="$KAFKA_DATA_DIR/kafka.out"       # JVM stdout/stderr: crashes, bad flags
  LOG_DIRS="$KAFKA_DATA_DIR/data"           # topic partitions and KRaft metadata
}

# ---------------------------------------------------------------- probes ----

# Cheap "is anything listening" test, so the wait loop does not start a node or
# kcat process every second while the JVM is still booting.
tcp_open() {  # host port
  timeout 1 bash -c ": </dev/tcp/$1/$2" 2>/dev/null
}
port_open() { tcp_open "$KAFKA_HOST" "$KAFKA_PORT"; }

# A listening socket is not a working broker: ask for cluster metadata, which
# only succeeds once the broker has registered with its controller.
# kcat is preferred (no JVM, fast); kafkajs from the repo's node_modules is the
# fallback, since every checkout of this repo has it after `npm install`.
broker_answers() {
  port_open || return 1
  if command -v kcat >/dev/null 2>&1; then
    kcat -L -b "$BOOTSTRAP" -m 5 >/dev/null 2>&1
  elif command -v node >/dev/null 2>&1 && (cd "$REPO_ROOT" && node -e 'require.resolve("kafkajs")') >/dev/null 2>&1; then
    (cd "$REPO_ROOT" && node -e '
      const { Kafka, logLevel } = require("kafkajs");
      const kafka = new Kafka({
        clientId: "naxio-kafka-sh", brokers: [process.argv[1]], logLevel: logLevel.NOTHING,
        connectionTimeout: 1000, requestTimeout: 3000, retry: { retries: 0 },
      });
      const admin = kafka.admin();
      setTimeout(() => process.exit(1), 5000).unref();
      admin.connect().then(() => admin.listTopics())
        .then(() => process.exit(0), () => process.exit(1));
    ' "$BOOTSTRAP") >/dev/null 2>&1
  else
    die "cannot check the broker: need kcat on PATH or kafkajs in $REPO_ROOT/node_modules (run npm install)"
  fi
}

# --------------------------------------------------------------- pid file ---

# Prints the pid of the broker this script started, if that process still runs.
# The command line is checked so a recycled pid never gets killed by mistake.
our_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  if [[ $pid =~ ^[0-9]+$ ]] && [[ -r /proc/$pid/cmdline ]] \
     && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "kafka.Kafka $PROPS"; then
    echo "$pid"
    return 0
  fi
  rm -f "$PID_FILE"   # stale: the broker died or the machine was restarted
  return 1
}

# On failure: the JVM's own output, then this start's ERROR lines with their
# root causes (a stack trace's last lines rarely say what went wrong), then
# the last lines of the broker log.
LOG_START_LINE=0
show_log_tail() {
  if [[ -s $JVM_OUT ]]; then
    log "---- last lines of $JVM_OUT ----"
    tail -n 20 "$JVM_OUT" >&2
  fi
  [[ -s $SERVER_LOG ]] || return 0
  local from=$((LOG_START_LINE + 1))
  (( $(wc -l <"$SERVER_LOG") >= LOG_START_LINE )) || from=1   # the log rolled over
  log "---- errors in $SERVER_LOG ----"
  tail -n "+$from" "$SERVER_LOG" | grep -E '^\[[^]]*\] (ERROR|FATAL)|^Caused by:' | tail -n 10 >&2 || true
  log "---- last lines of $SERVER_LOG ----"
  tail -n "+$from" "$SERVER_LOG" | tail -n 10 >&2
}

# -------------------------------------------------------------- classpath ---

# Every jar of a cached classpath must still exist: ~/.m2 may have been wiped.
classpath_cached() {
  [[ -s $CLASSPATH_FILE && $CLASSPATH_FILE -nt $SCRIPT_DIR/pom.xml ]] || return 1
  local jar
  local IFS=:
  for jar in $(<"$CLASSPATH_FILE"); do
    [[ -f $jar ]] || return 1
  done
}

resolve_classpath() {
  if classpath_cached; then
    CLASSPATH=$(<"$CLASSPATH_FILE")
    return
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: Maven is needed once to fetch the Kafka jars"
  mkdir -p "$TARGET_DIR"
  local mvn_args=(-B -q -f "$SCRIPT_DIR/pom.xml" dependency:build-classpath
                  -Dmdep.includeScope=runtime "-Dmdep.outputFile=$CLASSPATH_FILE.tmp")
  # Offline first: when ~/.m2 already holds the jars this needs no network.
  if ! mvn -o "${mvn_args[@]}" >"$MVN_LOG" 2>&1; then
    log "downloading Kafka jars from Maven Central (first run only, ~50 MB)..."
    if ! mvn "${mvn_args[@]}" >"$MVN_LOG" 2>&1; then
      tail -n 30 "$MVN_LOG" >&2
      die "Maven could not resolve the Kafka classpath (full log: $MVN_LOG)"
    fi
  fi
  mv "$CLASSPATH_FILE.tmp" "$CLASSPATH_FILE"
  CLASSPATH=$(<"$CLASSPATH_FILE")
}

# ----------------------------------------------------------------- config ---

# Rewritten on every start so a change of port or of this script takes effect;
# topic data and the cluster id live in $LOG_DIRS and survive.
write_config() {
  mkdir -p "$LOG_DIRS"
  cat >"$PROPS" <<EOF
# Written by infra/kafka/kafka.sh on every start: edit the script, not this file.
# One JVM is both KRaft controller and broker.
process.roles=broker,controller
node.id=1
# A static voter set: simpler than 3.9's dynamic quorum (--standalone) and all a
# single node needs.
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$LOG_DIRS

# Topics appear on first use, with enough partitions to test keyed ordering
# and consumer-group spreading.
auto.create.topics.enable=true
num.partitions=6
default.replication.factor=1
min.insync.replicas=1

# Internal topics: one replica (one broker), and few partitions, because the
# default 50 makes the first consumer group or transaction slow on 2 cores.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=6

# Tests start consumers and expect them to get partitions at once.
group.initial.rebalance.delay.ms=0

# Sized for a 2-core machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
EOF

  # All broker logging goes to a size-capped file in the data dir; nothing to
  # the terminal, which belongs to whoever ran `start`.
  cat >"$LOG4J" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$SERVER_LOG
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
EOF
}

jvm_flags() {
  # shellcheck disable=SC2206  # heap and extra opts are word lists on purpose
  JVM_FLAGS=($KAFKA_HEAP_OPTS
             -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
             -Djava.awt.headless=true
             "-Dlog4j.configuration=file:$LOG4J" "-Dkafka.logs.dir=$KAFKA_DATA_DIR"
             $KAFKA_OPTS)
}

# KRaft refuses to start on an unformatted log dir. Format exactly once: the
# meta.properties it writes marks the dir as done, and --ignore-formatted makes
# a repeat harmless anyway.
format_storage() {
  [[ -f $LOG_DIRS/meta.properties ]] && return
  # A Kafka cluster id is 16 random bytes in URL-safe base64 without padding.
  local cluster_id
  cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  log "formatting $LOG_DIRS (cluster id $cluster_id)"
  if ! "$JAVA" "${JVM_FLAGS[@]}" -cp "$CLASSPATH" kafka.tools.StorageTool format \
        -t "$cluster_id" -c "$PROPS" --ignore-formatted >>"$JVM_OUT" 2>&1; then
    show_log_tail
    die "formatting the storage failed"
  fi
}

# ------------------------------------------------------------- subcommands --

wait_until_ready() {
  local pid=$1 started
  started=$(now_ms)
  while (( $(now_ms) - started < KAFKA_START_TIMEOUT * 1000 )); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      show_log_tail
      die "the broker exited during startup"
    fi
    if broker_answers; then
      log "broker ready on $BOOTSTRAP after $(since "$started") (pid $pid, data $KAFKA_DATA_DIR)"
      return 0
    fi
    sleep 1
  done
  show_log_tail
  die "the broker did not answer on $BOOTSTRAP within ${KAFKA_START_TIMEOUT}s (pid $pid still running; stop it with: $0 stop)"
}

cmd_start() {
  data_paths
  # Parallel starts (e.g. several test workers) must not race into two JVMs.
  exec 9>"$KAFKA_DATA_DIR/.lock"
  flock 9

  local pid
  if pid=$(our_pid); then
    if broker_answers; then
      log "already running on $BOOTSTRAP (pid $pid)"
      return 0
    fi
    log "pid $pid is still starting; waiting for it"
    wait_until_ready "$pid"
    return
  fi
  if broker_answers; then
    log "a broker already answers on $BOOTSTRAP (not started by this script); using it"
    return 0
  fi
  if port_open; then
    die "something else listens on $BOOTSTRAP but does not answer as a Kafka broker; set KAFKA_PORT"
  fi
  # Caught here because the broker would only fail on it after booting.
  if tcp_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_HOST:$KAFKA_CONTROLLER_PORT is taken by another process; set KAFKA_CONTROLLER_PORT"
  fi

  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (Kafka 3.9 needs Java 11+; 17 recommended)"
  resolve_classpath
  write_config
  jvm_flags
  : >"$JVM_OUT"   # fresh per start, so a failure shows this start's output only
  format_storage

  log "starting broker on $BOOTSTRAP (controller $KAFKA_HOST:$KAFKA_CONTROLLER_PORT, log $SERVER_LOG)"
  rm -f "$PID_FILE"   # the wait below must see the new pid, not an old file
  LOG_START_LINE=$( [[ -f $SERVER_LOG ]] && wc -l <"$SERVER_LOG" || echo 0 )
  # setsid: the broker gets its own session, so neither Ctrl-C in this terminal
  # nor a caller killing its process group (npm, a CI step) takes it down.
  # The inner shell writes its own pid and then execs java, so the pid file
  # names the JVM itself. 9>&- keeps the start lock from leaking into the JVM,
  # which would otherwise hold it for its whole life.
  # shellcheck disable=SC2016  # $$, $0 and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$JAVA" "${JVM_FLAGS[@]}" -cp "$CLASSPATH" kafka.Kafka "$PROPS" \
    </dev/null >>"$JVM_OUT" 2>&1 9>&- &
  # Wait briefly for the pid file the inner shell writes.
  local _
  for _ in $(seq 1 50); do
    [[ -s $PID_FILE ]] && break
    sleep 0.1
  done
  [[ -s $PID_FILE ]] || die "the broker process did not start (see $JVM_OUT)"
  pid=$(<"$PID_FILE")
  wait_until_ready "$pid"
}

cmd_stop() {
  data_paths
  exec 9>"$KAFKA_DATA_DIR/.lock"
  flock 9

  local pid
  if ! pid=$(our_pid); then
    if broker_answers; then
      log "a broker answers on $BOOTSTRAP but was not started by this script; leaving it alone"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping pid $pid"
  # SIGTERM runs Kafka's shutdown hook: controlled shutdown and a clean flush,
  # so the next start does not have to recover the logs.
  kill -TERM "$pid" 2>/dev/null || true
  local started
  started=$(now_ms)
  while kill -0 "$pid" 2>/dev/null; do
    if (( $(now_ms) - started >= 60000 )); then
      log "pid $pid ignored SIGTERM for 60s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$PID_FILE"
  log "stopped after $(since "$started")"
}

cmd_status() {
  data_paths
  local pid=""
  pid=$(our_pid) || true
  if broker_answers; then
    echo "running"
    log "broker answers on $BOOTSTRAP${pid:+ (pid $pid)}"
    return 0
  fi
  echo "not running"
  if [[ -n $pid ]]; then
    log "pid $pid is alive but the broker does not answer on $BOOTSTRAP (starting, or stuck: see $SERVER_LOG)"
  fi
  return 1
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
