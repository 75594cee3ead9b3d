#!/usr/bin/env bash
# Runs every test of the solution. Starts RabbitMQ first (installing it when absent), because the exchange's bus
# tests run against a real broker; under CI=true a test that cannot reach it fails rather than skips.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/rabbitmq.sh
export NX_TEST_RABBITMQ="${NX_TEST_RABBITMQ:-amqp://guest:guest@localhost:5672/}"

# A test that hangs fails the run after 5 minutes (with a dump of where it hung) instead of holding CI.
dotnet test NotificationExchange.sln -c Release --blame-hang-timeout 5m "$@"
