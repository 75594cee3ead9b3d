#!/usr/bin/env bash
# Runs every test of the solution. Starts RabbitMQ first (installing it when absent), because the exchange's bus
# tests run against a real broker; under CI=true a test that cannot reach it fails rather than skips.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/rabbitmq.sh
# PostgreSQL 15's binaries, for the private clusters the PostgreSQL store's tests start (installed when absent).
bash scripts/postgres.sh

# The Node.js client the outsider tests drive (tests/outsider-node): Node.js and npm from Debian when absent, then its
# dependencies exactly as package-lock.json pins them (none needs an install script).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node: installing nodejs and npm (Debian packages)"
  root=""; [ "$(id -u)" = 0 ] || root=sudo
  $root apt-get update >/tmp/nx-apt-update.log 2>&1
  $root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm >/tmp/nx-node-install.log 2>&1
fi
npm ci --prefix tests/outsider-node --ignore-scripts --no-audit --no-fund

# tmux, through which the tests drive nxc's interactive verbs (consult talk) as a person at a terminal would.
if ! command -v tmux >/dev/null 2>&1; then
  echo "tmux: installing (Debian package)"
  root=""; [ "$(id -u)" = 0 ] || root=sudo
  $root apt-get update >/tmp/nx-apt-update.log 2>&1
  $root env DEBIAN_FRONTEND=noninteractive apt-get install -y tmux >/tmp/nx-tmux-install.log 2>&1
fi

# sqlite3, the command docs/operations.md backs the SQLite store up with (the backup tests run it).
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3: installing (Debian package)"
  root=""; [ "$(id -u)" = 0 ] || root=sudo
  $root apt-get update >/tmp/nx-apt-update.log 2>&1
  $root env DEBIAN_FRONTEND=noninteractive apt-get install -y sqlite3 >/tmp/nx-sqlite3-install.log 2>&1
fi

# Build once; the test processes below run on what it built (--no-build), the benchmarks are built to be sure they do.
dotnet build NotificationExchange.sln -c Release

# The suite waits far more than it computes (a run used about a sixth of two cores, one test process after another),
# so its test processes run side by side in four streams, each printed whole when it ends. Each stream has a RabbitMQ
# virtual host of its own on the shared broker, made empty for the run: exchanges on one virtual host share the bus
# and would receive each other's events. Every stream runs whatever the others say; the script fails when any failed.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
fresh_vhost() {
  as_root rabbitmqctl delete_vhost "$1" >/dev/null 2>&1 || true
  as_root rabbitmqctl add_vhost "$1" >/dev/null
  as_root rabbitmqctl set_permissions --vhost "$1" guest ".*" ".*" ".*" >/dev/null
}
# A test that hangs fails the run after 5 minutes (with a dump of where it hung) instead of holding CI.
test_project() { dotnet test "tests/$1/$1.csproj" -c Release --no-build --blame-hang-timeout 5m "${@:2}"; }

# The exchange's tests, on SQLite.
stream_exchange() { test_project NotificationExchange.Exchange.Tests "$@"; }
# The exchange's tests again with every exchange on PostgreSQL (a database of a private cluster per store path the
# tests give, docs/operations.md), unless NX_TEST_POSTGRES_PASS=false; less the broker cluster's failover
# (Bus.RabbitMqClusterTests): it tests the bus, not the store, and starting a three-node cluster again would cost
# minutes for nothing new.
stream_exchange_postgres() {
  if [ "${NX_TEST_POSTGRES_PASS:-true}" = false ]; then echo "skipped: NX_TEST_POSTGRES_PASS=false"; return 0; fi
  NX_TEST_STORE=postgres test_project NotificationExchange.Exchange.Tests --filter "FullyQualifiedName!~Bus.RabbitMqClusterTests" "$@"
}
# The fault suite's short form (its own private broker and PostgreSQL).
stream_faults() { test_project NotificationExchange.Faults.Tests "$@"; }
# Every other test project, one after another (found, so that a new one is never left out).
stream_rest() {
  local status=0 project
  for project in tests/*.Tests/*.Tests.csproj; do
    project=$(basename "$project" .csproj)
    case "$project" in NotificationExchange.Exchange.Tests|NotificationExchange.Faults.Tests) continue ;; esac
    test_project "$project" "$@" || status=$?
  done
  return "$status"
}

logs=$(mktemp -d /tmp/nx-test-streams.XXXXXX)
names=(exchange exchange_postgres faults rest)
declare -A pids
for name in "${names[@]}"; do
  vhost="nx-ci-${name//_/-}"
  fresh_vhost "$vhost"
  ( export NX_TEST_RABBITMQ="amqp://guest:guest@localhost:5672/$vhost"; start=$SECONDS; code=0
    "stream_$name" "$@" || code=$?
    echo "$code $((SECONDS - start))" >"$logs/$name.end"; exit "$code" ) >"$logs/$name.log" 2>&1 &
  pids[$name]=$!
done
status=0
for name in "${names[@]}"; do
  wait "${pids[$name]}" || true
  read -r code seconds <"$logs/$name.end" || { code=1; seconds="?"; }
  echo "=============== stream $name: exit $code after $seconds s ==============="
  cat "$logs/$name.log"
  [ "$code" = 0 ] || status=$code
done
for name in "${names[@]}"; do
  read -r code seconds <"$logs/$name.end" || { code=1; seconds="?"; }
  echo "stream $name: exit $code, $seconds s"
done
rm -rf "$logs"
exit "$status"
