#!/usr/bin/env bash
# The exchange's load benchmark, one command:
#   bench/run.sh [embedded|rabbitmq|all] [--subscriptions 1000] [--rate 500] [--seconds 20] [--repeats 3] ...
# and its conversation benchmark (two instances over RabbitMQ; bench/README.md):
#   bench/run.sh conversation [--consultations 50] [--rate 100] [--seconds 20] [--repeats 3]
# and its alerts benchmark (one instance, embedded, the full catalogue on the simulation clock; bench/README.md):
#   bench/run.sh alerts [--seconds 60] [--rate 1] [--launches 12] [--repeats 1]
# and the transparency log's benchmark (the tree at 1 M leaves, and filing with the log on and off; bench/README.md):
#   bench/run.sh transparency [--leaves 1000000] [--seconds 10] [--repeats 3]
# and the fault suite's soak (3 instances on a private PostgreSQL and RabbitMQ, faults in a loop; bench/README.md):
#   bench/run.sh faults [--minutes 10] [--cluster] [--rate 20] [--subscribers 54] [--pause-seconds 30] [--store postgres|sqlite]
# and recovery after the broker goes away (a virtual host of its own; rabbitmqctl as root; bench/README.md):
#   bench/run.sh recovery [--instances 2] [--rate 200] [--outage 5] [--seconds 30] [--repeats 3] [--compare <old Api.dll>]
# The load benchmark also takes --instances 3, --postgres <connection string> (ConnectionStrings:Postgres for every
# server) and --compare <an older NotificationExchange.Api.dll> (measured in the same run, alternating); profiling:
# bench/profile.sh.
# Builds the server and the benchmark in Release, makes sure RabbitMQ runs (the raw baseline needs it, and so does
# the rabbitmq transport), then measures. The orbit engine has its own: bench/orbits.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-all}"
[ $# -gt 0 ] && shift

if [ "$mode" = faults ]; then
  # its own broker (a private node, or with --cluster a 3-node cluster of scripts/rabbitmq-cluster.sh on ports of its
  # own) and its own PostgreSQL: never the shared broker, which it would restart under other users
  dotnet build -c Release -v q --nologo bench/NotificationExchange.Faults.Bench >/dev/null
  exec dotnet bench/NotificationExchange.Faults.Bench/bin/Release/net10.0/NotificationExchange.Faults.Bench.dll "$@"
fi

dotnet build -c Release -v q --nologo services/NotificationExchange.Api >/dev/null
dotnet build -c Release -v q --nologo bench/NotificationExchange.Bench >/dev/null
# the alerts and transparency scenarios run embedded only: no broker needed
case "$mode" in alerts|transparency) ;; *) bash scripts/rabbitmq.sh >/dev/null ;; esac

run() {
  dotnet bench/NotificationExchange.Bench/bin/Release/net10.0/NotificationExchange.Bench.dll \
    --server services/NotificationExchange.Api/bin/Release/net10.0/NotificationExchange.Api.dll --transport "$1" "${@:2}"
}
case "$mode" in
  embedded|rabbitmq) run "$mode" "$@" ;;
  conversation) run rabbitmq --scenario conversation "$@" ;;
  alerts) run embedded --scenario alerts --catalogue "${NX_SHARED_DATA:-../shared/data}/catalog/spacetrack_3le_2022-07-14.txt" "$@" ;;
  transparency) run embedded --scenario transparency "$@" ;;
  recovery) run rabbitmq --scenario recovery "$@" ;;
  all) run embedded "$@"; echo; run rabbitmq "$@" ;;
  *) echo "usage: bench/run.sh [embedded|rabbitmq|all|conversation|alerts|transparency|recovery|faults] [options]" >&2; exit 2 ;;
esac
