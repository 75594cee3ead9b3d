#!/usr/bin/env bash
# Runs every test of the solution. Starts RabbitMQ first (installing it when absent), because the exchange's bus
# tests run against a real broker; under CI=true a test that cannot reach it fails rather than skips.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/rabbitmq.sh
# PostgreSQL 15's binaries, for the private clusters the PostgreSQL store's tests start (installed when absent).
bash scripts/postgres.sh
export NX_TEST_RABBITMQ="${NX_TEST_RABBITMQ:-amqp://guest:guest@localhost:5672/}"

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

# The test processes run one after another. Tried side by side in four streams (each on a RabbitMQ virtual host of
# its own), they took 19.5 minutes instead of 22 and the fault test ran past the hang limit: the two cores are the limit.
# A test that hangs fails the run after 5 minutes (with a dump of where it hung) instead of holding CI.
# Both passes run whatever the first one says; the script fails when either failed.
status=0
dotnet test NotificationExchange.sln -c Release --blame-hang-timeout 5m "$@" || status=$?

# The exchange's tests again with every exchange on PostgreSQL (a database of a private cluster per store path the
# tests give, docs/operations.md), unless NX_TEST_POSTGRES_PASS=false. Built by the first pass.
if [ "${NX_TEST_POSTGRES_PASS:-true}" != false ]; then
  echo "exchange tests on PostgreSQL (NX_TEST_STORE=postgres)"
  # Less the broker cluster's failover (Bus.RabbitMqClusterTests): it tests the bus, not the store, and starting a
  # three-node cluster again would cost minutes for nothing new.
  NX_TEST_STORE=postgres dotnet test tests/NotificationExchange.Exchange.Tests/NotificationExchange.Exchange.Tests.csproj \
    -c Release --no-build --blame-hang-timeout 5m --filter "FullyQualifiedName!~Bus.RabbitMqClusterTests" "$@" || { pg=$?; echo "exchange tests on PostgreSQL failed (exit $pg)"; status=$((status == 0 ? pg : status)); }
fi
exit "$status"
