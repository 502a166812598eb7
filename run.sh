#!/usr/bin/env bash
# Runs the report platform locally: one real Kafka broker (single-node KRaft) and the four
# services, each its own process. Builds what is missing, keeps data under ${REPORT_DATA:-./data}
# between runs, loads the demo report on the first start, restarts any process that dies,
# and stops everything on Ctrl-C.
#
#   ./run.sh                          # needs only a JDK 17 (./mvnw downloads Maven)
#   REPORT_DATA=/tmp/report ./run.sh  # another data folder
#   ./run.sh --cluster                # three Kafka nodes (localhost:9092, 9094, 9096) instead of one:
#                                     # every topic on the three, two in sync at least (docs/scaling.md)
#
# Also read: REPORT_READY_TIMEOUT (seconds the services get to become ready, default 180) and
# REPORT_SERVICE_JVM_OPTS / REPORT_RENDER_JVM_OPTS (replace the services' JVM options of
# deploy/jvm-options.env).
#
# Not `set -e`: the supervisor handles failing processes itself.
set -uo pipefail

# A relative REPORT_DATA is relative to where run.sh was called from; the default is the repository's ./data.
DATA_ARG=${REPORT_DATA:-}
[[ -n $DATA_ARG && $DATA_ARG != /* ]] && DATA_ARG=$PWD/$DATA_ARG
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
ROOT=$PWD

readonly VERSION=0.1.0-SNAPSHOT
readonly SERVICES=(content-service figures-service render-service gateway)
readonly PORTS=(8081 8082 8083 8080)

# One Kafka node, or three with --cluster: node i (from 1) takes client port KAFKA_PORTS[i-1] and
# controller port CONTROLLER_PORTS[i-1].
CLUSTER=
case "${1:-}" in
  "") ;;
  --cluster) CLUSTER=1 ;;
  *) printf 'usage: %s [--cluster]\n' "$0" >&2; exit 2 ;;
esac
if [[ -n $CLUSTER ]]; then
  readonly KAFKA_PORTS=(9092 9094 9096) CONTROLLER_PORTS=(9093 9095 9097)
else
  readonly KAFKA_PORTS=(9092) CONTROLLER_PORTS=(9093)
fi
BOOTSTRAP_SERVERS=$(printf 'localhost:%s,' "${KAFKA_PORTS[@]}"); BOOTSTRAP_SERVERS=${BOOTSTRAP_SERVERS%,}
readonly BOOTSTRAP_SERVERS

readonly BROKER_LIB=$ROOT/system-tests/target/kafka-broker/lib
readonly BROKER_CONFIG_DIR=$ROOT/system-tests/src/main/kafka

# JVM options per role, and the broker settings every broker shares: kept once under deploy/
# (docker-compose.yml and the system tests read the same files).
# shellcheck source=deploy/jvm-options.env
source "$ROOT/deploy/jvm-options.env" || exit 1
readonly BROKER_SETTINGS=$ROOT/deploy/kafka-broker.properties
readonly CLUSTER_SETTINGS=$ROOT/deploy/kafka-cluster.properties
readonly BROKER_JVM_OPTS
readonly SERVICE_JVM_OPTS="${REPORT_SERVICE_JVM_OPTS:-$SERVICE_JVM_OPTS}"
readonly RENDER_JVM_OPTS="${REPORT_RENDER_JVM_OPTS:-$RENDER_JVM_OPTS}"

readonly BROKER_TIMEOUT=60   # seconds until the broker must accept connections
readonly READY_TIMEOUT=${REPORT_READY_TIMEOUT:-180}   # seconds until every service must be ready

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The broker's java command line without the main class. An array and not a function, so that
# `"${BROKER_JAVA[@]}" ... &` makes $! the JVM itself, not a subshell around it.
# shellcheck disable=SC2206  # the options are meant to split
BROKER_JAVA=("$JAVA" $BROKER_JVM_OPTS -Dlog4j2.configurationFile="$BROKER_CONFIG_DIR/log4j2.xml"
             -cp "$BROKER_LIB/*")

BROKER_PIDS=()
BROKER_STARTED=()    # bash's SECONDS when each Kafka node was last started
SERVICE_PIDS=()
SERVICE_STARTED=()   # the same, per service
STOPPING=
TICK_PID=

say() { printf '%s\n' "$*"; }
err() { printf 'run.sh: %s\n' "$*" >&2; }

die() {
  err "$*"
  stop_all
  exit 1
}

now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo $(( t / 1000 ))
  else
    echo $(( SECONDS * 1000 ))
  fi
}

seconds_since() {   # start_ms -> "12.3"
  local ms=$(( $(now_ms) - $1 ))
  echo "$(( ms / 1000 )).$(( ms % 1000 / 100 ))"
}

# --- checks and build -----------------------------------------------------------------

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || { err "java not found: install a JDK 17 (or set JAVA_HOME)"; exit 1; }
  local major
  major=$("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  if [[ -z $major || $major -lt 17 ]]; then
    err "Java 17 or newer is needed; '$JAVA -version' says: $("$JAVA" -version 2>&1 | head -n 1)"
    exit 1
  fi
}

exec_jar() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }

# True when a runnable jar or the broker's classpath is missing, or a main source or pom
# is newer than the oldest runnable jar. Tests do not go into the jars, so they are not looked at.
needs_build() {
  local jars=() name jar
  for name in "${SERVICES[@]}"; do
    jar=$(exec_jar "$name")
    [[ -f $jar ]] || return 0
    jars+=("$jar")
  done
  compgen -G "$BROKER_LIB/kafka_2.13-*.jar" >/dev/null || return 0
  local oldest
  # shellcheck disable=SC2012  # our own jar paths
  oldest=$(ls -t "${jars[@]}" | tail -n 1)
  [[ -n $(find pom.xml ./*/pom.xml ./*/src/main -newer "$oldest" -type f \
            -not -path './system-tests/src/main/kafka/*' -print -quit 2>/dev/null) ]]
}

build_if_needed() {
  needs_build || return 0
  command -v "${JAVA_HOME:+$JAVA_HOME/bin/}javac" >/dev/null 2>&1 \
    || { err "building needs a JDK 17 (javac not found), not only a JRE"; exit 1; }
  say "Building (./mvnw -q -DskipTests package)..."
  local start; start=$(now_ms)
  ./mvnw -q -DskipTests package || { err "the build failed (see above)"; exit 1; }
  say "Built in $(seconds_since "$start") s."
}

port_in_use() { (exec 3<>"/dev/tcp/localhost/$1") 2>/dev/null; }

check_ports_free() {
  local port
  for port in "${KAFKA_PORTS[@]}" "${CONTROLLER_PORTS[@]}" "${PORTS[@]}"; do
    if port_in_use "$port"; then
      err "port $port is already in use: is the platform (or another Kafka) already running?"
      exit 1
    fi
  done
}

# --- the broker -----------------------------------------------------------------------

# Node i's folder and log: one node keeps run.sh's single-node layout ($DATA/kafka, logs/kafka.log);
# the cluster's nodes live apart from it ($DATA/kafka-cluster/node-<i>, logs/kafka-<i>.log).
node_dir() { if [[ -n $CLUSTER ]]; then echo "$DATA/kafka-cluster/node-$1"; else echo "$DATA/kafka"; fi; }
node_log() { if [[ -n $CLUSTER ]]; then echo "$LOGS/kafka-$1.log"; else echo "$LOGS/kafka.log"; fi; }

# The local node's settings on node i's ports, the settings every broker shares, and for a cluster
# its settings and node i's identity in the quorum (a later line wins over an earlier one).
write_broker_config() {   # node (from 1)
  local i=$1 dir template voters= n
  dir=$(node_dir "$i")
  template=$(<"$BROKER_CONFIG_DIR/server.properties")
  template=${template//localhost:9092/localhost:${KAFKA_PORTS[i-1]}}
  template=${template//localhost:9093/localhost:${CONTROLLER_PORTS[i-1]}}
  {
    printf '%s\n\n' "${template//@LOG_DIRS@/$dir/logs}"
    cat "$BROKER_SETTINGS"
    if [[ -n $CLUSTER ]]; then
      for n in "${!KAFKA_PORTS[@]}"; do voters+="${voters:+,}$(( n + 1 ))@localhost:${CONTROLLER_PORTS[n]}"; done
      printf '\n'; cat "$CLUSTER_SETTINGS"
      printf '\n# This node in the cluster (written by run.sh --cluster)\nnode.id=%s\ncontroller.quorum.voters=%s\n' "$i" "$voters"
    fi
  } > "$dir/server.properties"
}

# Formats the nodes not formatted yet, all with the cluster id the others already have (if any).
format_broker_storage() {
  local i cluster_id=
  for i in "${!KAFKA_PORTS[@]}"; do
    [[ -f $(node_dir $(( i + 1 )))/logs/meta.properties ]] \
      && cluster_id=$(sed -n 's/^cluster.id=//p' "$(node_dir $(( i + 1 )))/logs/meta.properties")
  done
  if [[ -z $cluster_id ]]; then
    cluster_id=$("${BROKER_JAVA[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null) \
      || die "could not generate a Kafka cluster id"
  fi
  for i in "${!KAFKA_PORTS[@]}"; do
    local node=$(( i + 1 ))
    [[ -f $(node_dir "$node")/logs/meta.properties ]] && continue
    "${BROKER_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$(node_dir "$node")/server.properties" \
      >> "$(node_log "$node")" 2>&1 \
      || die "formatting the Kafka storage failed; read $(node_log "$node")"
  done
}

start_broker() {   # node (from 1)
  local i=$1
  printf '=== %s: starting Kafka\n' "$(date '+%F %T')" >> "$(node_log "$i")"
  "${BROKER_JAVA[@]}" kafka.Kafka "$(node_dir "$i")/server.properties" >> "$(node_log "$i")" 2>&1 &
  BROKER_PIDS[i-1]=$!
  BROKER_STARTED[i-1]=$SECONDS
}

# Waits until every node accepts connections (the nodes of a cluster start together: each one's
# controller waits for a majority of the quorum).
wait_for_broker() {
  local deadline=$(( SECONDS + BROKER_TIMEOUT )) i
  for i in "${!KAFKA_PORTS[@]}"; do
    until port_in_use "${KAFKA_PORTS[i]}"; do
      kill -0 "${BROKER_PIDS[i]}" 2>/dev/null \
        || { wait "${BROKER_PIDS[i]}" 2>/dev/null; die "Kafka exited with code $? while starting; read $(node_log $(( i + 1 )))"; }
      (( SECONDS < deadline )) \
        || die "Kafka did not accept connections on localhost:${KAFKA_PORTS[i]} within ${BROKER_TIMEOUT}s; read $(node_log $(( i + 1 )))"
      sleep 0.2
    done
  done
}

# --- the services ---------------------------------------------------------------------

start_service() {   # index into SERVICES
  local i=$1 name=${SERVICES[$1]}
  local vars=(
    SPRING_KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP_SERVERS"
    SERVER_PORT="${PORTS[i]}"
    SPRING_PROFILES_ACTIVE=demo
  )
  # On the cluster, the services create their topics with its replication and minimum in sync.
  if [[ -n $CLUSTER ]]; then
    vars+=(
      REPORT_KAFKA_REPLICATION_FACTOR="$(sed -n 's/^default.replication.factor=//p' "$CLUSTER_SETTINGS")"
      REPORT_KAFKA_MIN_INSYNC_REPLICAS="$(sed -n 's/^min.insync.replicas=//p' "$CLUSTER_SETTINGS")"
    )
  fi
  # Only on the first start: once the marker exists, the demo report is already in the log.
  [[ -f $DEMO_MARKER ]] || vars+=(REPORT_DEMO_LOAD=true)
  if [[ $name == gateway ]]; then
    vars+=(
      REPORT_GATEWAY_CONTENT_URI=http://localhost:8081
      REPORT_GATEWAY_FIGURES_URI=http://localhost:8082
      REPORT_GATEWAY_RENDER_URI=http://localhost:8083
    )
  fi
  printf '=== %s: starting %s\n' "$(date '+%F %T')" "$name" >> "$LOGS/$name.log"
  local jvm_opts=$SERVICE_JVM_OPTS
  [[ $name == render-service ]] && jvm_opts=$RENDER_JVM_OPTS
  # shellcheck disable=SC2086  # the options are meant to split
  env "${vars[@]}" "$JAVA" $jvm_opts -jar "$(exec_jar "$name")" >> "$LOGS/$name.log" 2>&1 &
  SERVICE_PIDS[i]=$!
  SERVICE_STARTED[i]=$SECONDS
}

http_status() {   # port path [method] -> the HTTP status code, or nothing
  (
    exec 3<>"/dev/tcp/localhost/$1" || exit 1
    printf '%s %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${3:-GET}" "$2" >&3
    read -r -t 5 _ status _ <&3 && printf '%s' "$status"
  ) 2>/dev/null
}

# Waits until the given services (indices into SERVICES) answer ready, by READY_DEADLINE.
wait_until_ready() {
  local i pending
  while :; do
    pending=()
    for i in "$@"; do
      if ! kill -0 "${SERVICE_PIDS[i]}" 2>/dev/null; then
        wait "${SERVICE_PIDS[i]}" 2>/dev/null
        die "${SERVICES[i]} exited with code $? while starting; read $LOGS/${SERVICES[i]}.log"
      fi
      [[ $(http_status "${PORTS[i]}" /actuator/health/readiness) == 200 ]] || pending+=("$i")
    done
    (( ${#pending[@]} == 0 )) && return 0
    if (( SECONDS >= READY_DEADLINE )); then
      for i in "${pending[@]}"; do
        err "${SERVICES[i]} is not ready after ${READY_TIMEOUT}s (http://localhost:${PORTS[i]}/actuator/health/readiness); read $LOGS/${SERVICES[i]}.log"
      done
      die "not every service became ready in time"
    fi
    sleep 0.5
  done
}

start_and_wait() {   # index... : starts these services together and waits until each is ready
  local i names=()
  for i in "$@"; do names+=("${SERVICES[i]}"); done
  say "Starting ${names[*]}..."
  for i in "$@"; do start_service "$i"; done
  wait_until_ready "$@"
}

print_banner() {   # seconds it took
  cat <<EOF

Report platform is ready in $1 s.

  Report        http://localhost:8080/
  API base      http://localhost:8080/api/
  Services      gateway http://localhost:8080   content-service http://localhost:8081
                figures-service http://localhost:8082   render-service http://localhost:8083
  Kafka         $BOOTSTRAP_SERVERS   (e.g. kcat -L -b localhost:${KAFKA_PORTS[0]})

  Sign in        http://localhost:8080/signin   (password demo-password for every demo account)
    admin@example.org      Claire Dubois: everything, and the people (/admin/accounts)
    <team>@example.org     a member of that team, e.g. enfants@example.org (Amina Diallo)
    operator@example.org   the operations dashboard (/ops)
    webteam@example.org    the live view (/live)

  Demo tokens for scripts (Authorization: Bearer <token>), acting as those accounts:
    demo-admin, demo-<team> (e.g. demo-enfants), demo-operator, demo-webteam

  Data and logs in $DATA (logs/<service>.log). Ctrl-C stops everything.

EOF
}

# --- supervision and shutdown ---------------------------------------------------------

# A process that exits is restarted; one that dies again within 30 s of its start waits
# 5 s first, so a crash loop does not spin.
restart_delay() { (( SECONDS - $1 < 30 )) && echo 5 || echo 0; }

supervise() {
  local i code
  while :; do
    for i in "${!KAFKA_PORTS[@]}"; do
      if ! kill -0 "${BROKER_PIDS[i]}" 2>/dev/null; then
        wait "${BROKER_PIDS[i]}" 2>/dev/null; code=$?
        err "Kafka (node $(( i + 1 ))) exited unexpectedly (code $code); restarting it. Read $(node_log $(( i + 1 )))"
        pause "$(restart_delay "${BROKER_STARTED[i]}")"
        [[ -n $STOPPING ]] && return
        start_broker $(( i + 1 ))
      fi
    done
    for i in "${!SERVICES[@]}"; do
      if ! kill -0 "${SERVICE_PIDS[i]}" 2>/dev/null; then
        wait "${SERVICE_PIDS[i]}" 2>/dev/null; code=$?
        err "${SERVICES[i]} exited unexpectedly (code $code); restarting it. Read $LOGS/${SERVICES[i]}.log"
        pause "$(restart_delay "${SERVICE_STARTED[i]}")"
        [[ -n $STOPPING ]] && return
        start_service "$i"
      fi
    done
    pause 1
  done
}

# Sleeps in the background so a trapped signal is handled at once, not after the sleep.
pause() {
  (( $1 > 0 )) || return 0
  sleep "$1" & TICK_PID=$!
  wait "$TICK_PID" 2>/dev/null   # also hides bash's "Killed" notices: the supervisor reports exits itself
  TICK_PID=
}

stop_pids() {   # grace_seconds pid...
  local grace=$1; shift
  local pids=() pid
  for pid in "$@"; do [[ -n $pid ]] && pids+=("$pid"); done
  (( ${#pids[@]} )) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null
  local deadline=$(( SECONDS + grace )) alive
  while :; do
    alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    (( ${#alive[@]} )) || break
    if (( SECONDS >= deadline )); then
      err "still running after ${grace}s, killing: ${alive[*]}"
      kill -KILL "${alive[@]}" 2>/dev/null
      break
    fi
    sleep 0.2
  done
  wait "${pids[@]}" 2>/dev/null
}

# Services first, so they never see the broker disappear under them; then the broker.
stop_all() {
  [[ -n $STOPPING ]] && return
  STOPPING=1
  [[ -n $TICK_PID ]] && kill "$TICK_PID" 2>/dev/null
  if (( ${#SERVICE_PIDS[@]} )) || (( ${#BROKER_PIDS[@]} )); then
    say "Stopping..."
    stop_pids 30 ${SERVICE_PIDS[@]+"${SERVICE_PIDS[@]}"}   # (bash 3.2 with set -u: maybe empty)
    stop_pids 30 ${BROKER_PIDS[@]+"${BROKER_PIDS[@]}"}
    say "Stopped."
  fi
}

on_signal() {
  stop_all
  exit 0
}

# --- main -----------------------------------------------------------------------------

main() {
  check_java
  build_if_needed
  check_ports_free

  DATA=${DATA_ARG:-$ROOT/data}   # absolute: it goes into the broker's config
  LOGS=$DATA/logs
  # The demo report is in the log it was loaded into: the cluster has a marker of its own.
  DEMO_MARKER=$DATA/demo-report-loaded
  [[ -n $CLUSTER ]] && DEMO_MARKER=$DATA/kafka-cluster/demo-report-loaded
  mkdir -p "$LOGS"
  local name i
  for i in "${!KAFKA_PORTS[@]}"; do mkdir -p "$(node_dir $(( i + 1 )))"; done
  for name in kafka kafka-1 kafka-2 kafka-3 "${SERVICES[@]}"; do
    [[ -f $LOGS/$name.log ]] && mv -f "$LOGS/$name.log" "$LOGS/$name.log.1"
  done

  # Background processes of a script ignore SIGINT, so Ctrl-C reaches only this script,
  # which then stops them in order.
  trap on_signal INT TERM HUP
  trap stop_all EXIT

  local start; start=$(now_ms)
  say "Starting Kafka (${#KAFKA_PORTS[@]} node(s); logs: $(node_log 1)${CLUSTER:+ ...})..."
  for i in "${!KAFKA_PORTS[@]}"; do write_broker_config $(( i + 1 )); done
  format_broker_storage
  for i in "${!KAFKA_PORTS[@]}"; do start_broker $(( i + 1 )); done
  wait_for_broker
  say "Kafka accepts connections on $BOOTSTRAP_SERVERS after $(seconds_since "$start") s."

  # In order, each group once the previous one is ready, so that "ready" means the report is whole:
  # a writer is ready once it has replayed its topic (and loaded the demo, on the first start);
  # render-service once the pages and documents of everything the writers hold are published;
  # the gateway once it has read them all.
  READY_DEADLINE=$(( SECONDS + READY_TIMEOUT ))
  start_and_wait 0 1   # content-service figures-service
  start_and_wait 2     # render-service
  start_and_wait 3     # gateway
  if [[ ! -f $DEMO_MARKER ]] && [[ $(http_status "${PORTS[3]}" /2024/report.pdf HEAD) != 200 ]]; then
    die "the gateway is ready but does not serve the demo report's PDF (http://localhost:${PORTS[3]}/2024/report.pdf)"
  fi
  if [[ ! -f $DEMO_MARKER ]]; then
    date '+demo report loaded %F %T' > "$DEMO_MARKER"
  fi
  print_banner "$(seconds_since "$start")"

  supervise
}

main "$@"
