#!/usr/bin/env bash
# A local 3-node RabbitMQ cluster on this machine, for the fault suite and the benchmark:
#
#   scripts/rabbitmq-cluster.sh start              start it (fresh) unless all three nodes already run; prints the
#                                                  connection string (ConnectionStrings:RabbitMq)
#   scripts/rabbitmq-cluster.sh stop               stop every node and remove its data
#   scripts/rabbitmq-cluster.sh status             each node's state, the cluster's members, the connection string
#   scripts/rabbitmq-cluster.sh stop-node N        stop node N (1-3) cleanly, a fault; the others keep running
#   scripts/rabbitmq-cluster.sh kill-node N        SIGKILL node N, a harder fault
#   scripts/rabbitmq-cluster.sh start-node N       start node N again; it rejoins the cluster from its own data
#   scripts/rabbitmq-cluster.sh connection-string  only the connection string
#   scripts/rabbitmq-cluster.sh ctl N ARGS...      rabbitmqctl against node N (e.g. ctl 1 list_queues name type)
#
# Node N is rabbit-nxN@localhost on AMQP port NX_RABBIT_CLUSTER_PORT+N-1 (5681-5683 by default; Erlang distribution
# on that port + 20000, as RabbitMQ does by default), with its data and logs under NX_RABBIT_CLUSTER_DIR
# (/tmp/nx-rabbitmq-cluster), one Erlang cookie for the three, and an epmd of its own on NX_RABBIT_CLUSTER_EPMD_PORT
# (4381). Nothing here touches the shared broker on 5672 (its node, port, epmd, files and cookie are all apart).
# NX_RABBIT_CLUSTER_MANAGEMENT=1 also enables the management plugin on 15681-15683. The nodes run as the calling
# user; only installing rabbitmq-server (when it is missing) needs root.
set -euo pipefail

NODES=3
BASE="${NX_RABBIT_CLUSTER_DIR:-/tmp/nx-rabbitmq-cluster}"
FIRST_PORT="${NX_RABBIT_CLUSTER_PORT:-5681}"
EPMD_PORT="${NX_RABBIT_CLUSTER_EPMD_PORT:-4381}"
MANAGEMENT="${NX_RABBIT_CLUSTER_MANAGEMENT:-0}"
BIN=/usr/lib/rabbitmq/bin

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "rabbitmq-cluster: need root (or sudo) to run: $*" >&2; return 1; fi
}

install_if_missing() {
  if [ -x "$BIN/rabbitmq-server" ]; then return 0; fi
  echo "rabbitmq-cluster: installing rabbitmq-server (Debian package)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >/tmp/nx-rabbitmq-install.log 2>&1 || {
    as_root apt-get update >/tmp/nx-apt-update.log 2>&1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >/tmp/nx-rabbitmq-install.log 2>&1
  }
}

node_name() { echo "rabbit-nx$1@localhost"; }
amqp_port() { echo $((FIRST_PORT + $1 - 1)); }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

connection_string() {
  local uris=() i
  for i in $(seq 1 $NODES); do uris+=("amqp://guest:guest@localhost:$(amqp_port "$i")/"); done
  (IFS=,; echo "${uris[*]}")
}

# The environment every RabbitMQ command of node N runs in: nothing is read from /etc/rabbitmq or /var/lib/rabbitmq.
node_env() {
  local n=$1
  echo "HOME=$BASE" \
    "ERL_EPMD_PORT=$EPMD_PORT" \
    "RABBITMQ_NODENAME=$(node_name "$n")" \
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1" \
    "RABBITMQ_NODE_PORT=$(amqp_port "$n")" \
    "RABBITMQ_DIST_PORT=$(($(amqp_port "$n") + 20000))" \
    "RABBITMQ_MNESIA_BASE=$BASE/mnesia" \
    "RABBITMQ_LOG_BASE=$BASE/log" \
    "RABBITMQ_PID_FILE=$BASE/nx$n.pid" \
    "RABBITMQ_CONFIG_FILE=$BASE/nx$n.conf" \
    "RABBITMQ_ADVANCED_CONFIG_FILE=$BASE/advanced.config" \
    "RABBITMQ_CONF_ENV_FILE=$BASE/rabbitmq-env.conf" \
    "RABBITMQ_ENABLED_PLUGINS_FILE=$BASE/enabled_plugins" \
    "RABBITMQ_PLUGINS_EXPAND_DIR=$BASE/plugins-expand-nx$n"
}

ctl() {
  local n=$1; shift
  # shellcheck disable=SC2046
  env $(node_env "$n") "$BIN/rabbitmqctl" -n "$(node_name "$n")" "$@"
}

node_running() { ctl "$1" ping >/dev/null 2>&1; }

write_files() {
  mkdir -p "$BASE/mnesia" "$BASE/log"
  if [ ! -f "$BASE/.erlang.cookie" ]; then
    # One cookie for the three nodes and for rabbitmqctl, never the shared broker's.
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$BASE/.erlang.cookie"
    chmod 400 "$BASE/.erlang.cookie"
  fi
  : >"$BASE/rabbitmq-env.conf"
  if [ "$MANAGEMENT" = 1 ]; then echo "[rabbitmq_management]." >"$BASE/enabled_plugins"; else echo "[]." >"$BASE/enabled_plugins"; fi
  local i
  for i in $(seq 1 $NODES); do
    {
      echo "listeners.tcp.default = $(amqp_port "$i")"
      echo "log.file.level = info"
      echo "log.console = false"
      if [ "$MANAGEMENT" = 1 ]; then echo "management.tcp.port = $((15680 + i))"; fi
    } >"$BASE/nx$i.conf"
  done
}

launch_node() {
  local n=$1
  # shellcheck disable=SC2046
  env $(node_env "$n") "$BIN/rabbitmq-server" -detached >>"$BASE/log/nx$n-launch.log" 2>&1
}

await_node() {
  local n=$1
  for _ in $(seq 1 120); do
    if ctl "$n" await_startup >/dev/null 2>&1 && port_open "$(amqp_port "$n")"; then return 0; fi
    sleep 1
  done
  echo "rabbitmq-cluster: node $(node_name "$n") did not start within 120 s (see $BASE/log)" >&2
  return 1
}

check_node_number() {
  case "${1:-}" in
    [1-9]) [ "$1" -le $NODES ] && return 0 ;;
  esac
  echo "rabbitmq-cluster: node number must be 1 to $NODES, got '${1:-}'" >&2
  exit 2
}

stop_node() {
  local n=$1
  if node_running "$n"; then
    ctl "$n" stop "$BASE/nx$n.pid" >/dev/null 2>&1 || true
  fi
  kill_node_quietly "$n"
}

kill_node_quietly() {
  local n=$1 pid
  if [ -f "$BASE/nx$n.pid" ]; then
    pid=$(cat "$BASE/nx$n.pid")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$BASE/nx$n.pid"
  fi
}

stop_all() {
  local i
  [ -d "$BASE" ] || return 0
  for i in $(seq 1 $NODES); do stop_node "$i"; done
  # Our own epmd only (its port), never the shared broker's.
  ERL_EPMD_PORT=$EPMD_PORT epmd -kill >/dev/null 2>&1 || true
  rm -rf "$BASE"
}

start_cluster() {
  install_if_missing
  local i all=1
  if [ -d "$BASE" ]; then
    for i in $(seq 1 $NODES); do node_running "$i" || all=0; done
    if [ "$all" = 1 ]; then
      echo "rabbitmq-cluster: already running"
      echo "$(connection_string)"
      return 0
    fi
    stop_all
  fi
  for i in $(seq 1 $NODES); do
    if port_open "$(amqp_port "$i")"; then
      echo "rabbitmq-cluster: port $(amqp_port "$i") is taken by another process; set NX_RABBIT_CLUSTER_PORT" >&2
      exit 1
    fi
  done
  write_files
  echo "rabbitmq-cluster: starting $NODES nodes under $BASE"
  for i in $(seq 1 $NODES); do launch_node "$i"; done
  for i in $(seq 1 $NODES); do await_node "$i"; done
  for i in $(seq 2 $NODES); do
    ctl "$i" stop_app >/dev/null
    ctl "$i" join_cluster "$(node_name 1)" >/dev/null
    ctl "$i" start_app >/dev/null
  done
  local members
  members=$(ctl 1 eval 'length(rabbit_nodes:all_running()).' 2>/dev/null || echo "?")
  if [ "$members" != "$NODES" ]; then
    echo "rabbitmq-cluster: expected $NODES running members, rabbit-nx1 sees $members" >&2
    exit 1
  fi
  echo "rabbitmq-cluster: ready ($NODES nodes running)"
  echo "$(connection_string)"
}

status() {
  local i any=""
  for i in $(seq 1 $NODES); do
    if node_running "$i"; then echo "$(node_name "$i") amqp :$(amqp_port "$i") running"; any=$i
    else echo "$(node_name "$i") amqp :$(amqp_port "$i") stopped"; fi
  done
  if [ -n "$any" ]; then
    echo "running members (seen from $(node_name "$any")): $(ctl "$any" eval 'rabbit_nodes:all_running().' 2>/dev/null)"
  fi
  echo "$(connection_string)"
  [ -n "$any" ]
}

case "${1:-start}" in
  start) start_cluster ;;
  stop) stop_all; echo "rabbitmq-cluster: stopped" ;;
  status) status ;;
  stop-node) check_node_number "${2:-}"; stop_node "$2"; echo "rabbitmq-cluster: $(node_name "$2") stopped" ;;
  kill-node) check_node_number "${2:-}"; kill_node_quietly "$2"; echo "rabbitmq-cluster: $(node_name "$2") killed" ;;
  start-node)
    check_node_number "${2:-}"
    if node_running "$2"; then echo "rabbitmq-cluster: $(node_name "$2") already running"; exit 0; fi
    [ -d "$BASE/mnesia" ] || { echo "rabbitmq-cluster: no cluster under $BASE; run start first" >&2; exit 1; }
    kill_node_quietly "$2"
    launch_node "$2"
    await_node "$2"
    echo "rabbitmq-cluster: $(node_name "$2") running"
    ;;
  connection-string) connection_string ;;
  ctl) check_node_number "${2:-}"; n=$2; shift 2; ctl "$n" "$@" ;;
  *) echo "usage: $0 [start|stop|status|stop-node N|kill-node N|start-node N|connection-string|ctl N ARGS...]" >&2; exit 2 ;;
esac
