# shellcheck shell=bash
# Shared by the scripts of deploy/local (sourced, not run): where things are, the Kafka classpath,
# and the processes a local run starts. Each started process leads its own process group, so that
# stopping it stops everything it spawned, and has a pid file under .run/pids, so that a later run
# can find what an earlier one left behind.

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUN_DIR="$LOCAL_DIR/.run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
KAFKA_DIR="$RUN_DIR/kafka"

fail() {
  printf '%s\n' "$*" >&2
  exit 1
}

# The Kafka version the services are built against: the parent pom's kafka.version.
kafka_version() {
  sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n 1
}

# Prints the broker's classpath, resolved by Maven from deploy/local/kafka/pom.xml on first use
# and cached under .run/kafka until the pom changes or a jar disappears from the local repository.
kafka_classpath() {
  local version file jar missing=false
  version=$(kafka_version)
  [ -n "$version" ] || fail "kafka: no <kafka.version> in $REPO_ROOT/pom.xml"
  file="$KAFKA_DIR/classpath-$version"
  if [ -s "$file" ] && [ ! "$LOCAL_DIR/kafka/pom.xml" -nt "$file" ]; then
    local -a jars
    IFS=: read -r -a jars < "$file"
    for jar in "${jars[@]}"; do
      [ -f "$jar" ] || missing=true
    done
    if [ "$missing" = false ]; then
      cat "$file"
      return
    fi
  fi
  mkdir -p "$KAFKA_DIR"
  echo "kafka: resolving kafka_2.13 $version and its runtime dependencies with Maven" >&2
  local output
  output=$(mvn -B -q -f "$LOCAL_DIR/kafka/pom.xml" dependency:build-classpath \
      -Dkafka.version="$version" -Dmdep.includeScope=runtime -Dmdep.outputFile="$file" 2>&1) \
    || { echo "$output" >&2; fail "kafka: Maven could not resolve the broker's classpath"; }
  cat "$file"
}

# JVM options of every Kafka process: its logging configuration.
kafka_log_options() {
  printf '%s\n' "-Dlog4j2.configurationFile=$LOCAL_DIR/kafka/log4j2.properties"
}

# psql as the local cluster's administrator (PGADMINUSER, default postgres), on its postgres database.
as_admin() {
  psql -h 127.0.0.1 -p 5432 -U "${PGADMINUSER:-postgres}" -d postgres -tAq "$@"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Who listens on a port, for an error message; empty when ss cannot tell.
port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
}

# Fails with one line per taken port.
require_free_ports() {
  local port owner taken=()
  for port in "$@"; do
    if port_in_use "$port"; then
      owner=$(port_owner "$port")
      taken+=("up: port $port is already taken${owner:+ by $owner}")
    fi
  done
  if [ "${#taken[@]}" -gt 0 ]; then
    printf '%s\n' "${taken[@]}" >&2
    fail "up: stop what holds them (an earlier run stops with deploy/local/down), then run deploy/local/up again"
  fi
}

# True while a process runs (a zombie that its parent has not reaped yet does not count).
process_alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

# A process's start time (clock ticks after boot): with the pid, it names one process for good.
process_start_time() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  read -r -a fields <<< "${stat##*) }"
  echo "${fields[19]}"
}

# Writes .run/pids/<name>.pid: the pid and the start time of that process.
write_pid_file() {
  mkdir -p "$PID_DIR"
  echo "$2 $(process_start_time "$2")" > "$PID_DIR/$1.pid"
}

# Prints the pid recorded for a name while that very process still runs (not a recycled pid).
recorded_pid() {
  local pid started
  [ -f "$PID_DIR/$1.pid" ] || return 0
  read -r pid started < "$PID_DIR/$1.pid" || return 0
  if process_alive "$pid" && [ "$(process_start_time "$pid")" = "$started" ]; then
    echo "$pid"
  fi
}

# Starts a command in the background as the leader of a new process group, its output in
# .run/logs/<name>.log (the previous run's log is kept as <name>.log.1). Sets STARTED_PID.
start_process() {
  local name=$1 log="$LOG_DIR/$1.log"
  shift
  mkdir -p "$LOG_DIR" "$PID_DIR"
  [ -f "$log" ] && mv -f "$log" "$log.1"
  setsid "$@" > "$log" 2>&1 < /dev/null &
  STARTED_PID=$!
  write_pid_file "$name" "$STARTED_PID"
}

# Stops process groups: TERM, then KILL for those still running after the grace period (or at
# once when STOP_NOW becomes true, e.g. on a second Ctrl-C). Arguments: seconds, then name=pid
# pairs. Reaps our own children and removes their pid files.
stop_processes() {
  local grace=$1 entry deadline
  shift
  for entry in "$@"; do
    kill -TERM -- "-${entry#*=}" 2>/dev/null || true
  done
  deadline=$((SECONDS + grace))
  for entry in "$@"; do
    while process_alive "${entry#*=}" && [ "$SECONDS" -lt "$deadline" ] && [ "${STOP_NOW:-false}" = false ]; do
      sleep 0.2
    done
    if process_alive "${entry#*=}"; then
      echo "${entry%%=*}: still running, killing it"
      kill -KILL -- "-${entry#*=}" 2>/dev/null || true
    fi
    # anything the leader spawned that outlived it goes too
    kill -KILL -- "-${entry#*=}" 2>/dev/null || true
    wait "${entry#*=}" 2>/dev/null || true
    rm -f "$PID_DIR/${entry%%=*}.pid"
  done
}

# Stops what an earlier run left behind (its `up` was killed, so it could not clean up): every
# process a pid file names that still runs. Stale pid files are removed.
stop_leftovers() {
  local file name pid leftovers=() broker=()
  [ -d "$PID_DIR" ] || return 0
  for file in "$PID_DIR"/*.pid; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .pid)
    pid=$(recorded_pid "$name")
    if [ -z "$pid" ]; then
      rm -f "$file"
    elif [ "$name" != up ]; then
      echo "$name: stopping pid $pid, left over from an earlier run"
      if [ "$name" = kafka ]; then
        broker+=("$name=$pid")
      else
        leftovers+=("$name=$pid")
      fi
    fi
  done
  if [ "${#leftovers[@]}" -gt 0 ]; then
    stop_processes 30 "${leftovers[@]}"
  fi
  # the broker last, as when a run stops normally
  if [ "${#broker[@]}" -gt 0 ]; then
    stop_processes 30 "${broker[@]}"
  fi
}
