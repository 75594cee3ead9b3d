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

# A test that hangs fails the run after 5 minutes (with a dump of where it hung) instead of holding CI.
dotnet test NotificationExchange.sln -c Release --blame-hang-timeout 5m "$@"
