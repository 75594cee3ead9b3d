#!/usr/bin/env bash
# The exchange's load benchmark, one command:
#   bench/run.sh [embedded|rabbitmq|all] [--subscriptions 1000] [--rate 500] [--seconds 20] [--repeats 3] ...
# and its conversation benchmark (two instances over RabbitMQ; bench/README.md):
#   bench/run.sh conversation [--consultations 50] [--rate 100] [--seconds 20] [--repeats 3]
# and its alerts benchmark (one instance, embedded, the full catalogue on the simulation clock; bench/README.md):
#   bench/run.sh alerts [--seconds 60] [--rate 1] [--launches 12] [--repeats 1]
# Builds the server and the benchmark in Release, makes sure RabbitMQ runs (the raw baseline needs it, and so does
# the rabbitmq transport), then measures. The orbit engine has its own: bench/orbits.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-all}"
[ $# -gt 0 ] && shift

dotnet build -c Release -v q --nologo services/NotificationExchange.Api >/dev/null
dotnet build -c Release -v q --nologo bench/NotificationExchange.Bench >/dev/null
# the alerts scenario runs embedded only: no broker needed
[ "$mode" = alerts ] || bash scripts/rabbitmq.sh >/dev/null

run() {
  dotnet bench/NotificationExchange.Bench/bin/Release/net10.0/NotificationExchange.Bench.dll \
    --server services/NotificationExchange.Api/bin/Release/net10.0/NotificationExchange.Api.dll --transport "$1" "${@:2}"
}
case "$mode" in
  embedded|rabbitmq) run "$mode" "$@" ;;
  conversation) run rabbitmq --scenario conversation "$@" ;;
  alerts) run embedded --scenario alerts --catalogue "${NX_SHARED_DATA:-../shared/data}/catalog/spacetrack_3le_2022-07-14.txt" "$@" ;;
  all) run embedded "$@"; echo; run rabbitmq "$@" ;;
  *) echo "usage: bench/run.sh [embedded|rabbitmq|all|conversation|alerts] [options]" >&2; exit 2 ;;
esac
