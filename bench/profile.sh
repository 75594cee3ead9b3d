#!/usr/bin/env bash
# Profiles the exchange under the load benchmark (bench/README.md, "Why the RabbitMQ path cost what it did"):
#   bench/profile.sh [rabbitmq|embedded] [load benchmark options, e.g. --seconds 30 --warmup 10 --subscriptions 1000]
# Runs one repeat of the load benchmark with every server started with DOTNET_PerfMapEnabled=1 (below) and, during each
# full-speed phase ("alone": nobody subscribed; "fan-out": every subscription live), records on every server:
#   perf record -g (CPU samples with stacks; perf names JIT-compiled frames from /tmp/perf-<pid>.map), and
#   dotnet-counters (System.Runtime and MassTransit counters, a CSV a second).
# Then prints, per server and phase, bench/profile/summarize.py's breakdown of the CPU by role and library.
# The recordings go to ${NX_PROFILE_DIR:-/tmp/nx-profile/<time>} (never into the repository). Needs perf (linux-tools)
# and dotnet-counters (dotnet tool install -g dotnet-counters); --server <dll> profiles another build.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-rabbitmq}"
[ $# -gt 0 ] && shift
out="${NX_PROFILE_DIR:-/tmp/nx-profile/$(date -u +%Y%m%dT%H%M%S)}"
mkdir -p "$out"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v perf >/dev/null || { echo "profile: needs perf (apt-get install linux-perf)" >&2; exit 2; }
command -v dotnet-counters >/dev/null || { echo "profile: needs dotnet-counters (dotnet tool install -g dotnet-counters)" >&2; exit 2; }

dotnet build -c Release -v q --nologo services/NotificationExchange.Api >/dev/null
dotnet build -c Release -v q --nologo bench/NotificationExchange.Bench >/dev/null
bash scripts/rabbitmq.sh >/dev/null

server=services/NotificationExchange.Api/bin/Release/net10.0/NotificationExchange.Api.dll
record='perf record -q -F 250 -g -p {pid} -o {out}.perf.data -- sleep {seconds} >/dev/null 2>&1 &
dotnet-counters collect -p {pid} --counters System.Runtime,MassTransit,Microsoft.AspNetCore.Hosting --format csv -o {out}.counters.csv --duration {duration} >/dev/null;
wait'
# W^X double mapping hides JIT-compiled code from perf (it sees /memfd:doublemapper): it is switched off for the
# profiled servers. Precompiled (ReadyToRun) framework code that has not been recompiled is named by its DLL only.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet bench/NotificationExchange.Bench/bin/Release/net10.0/NotificationExchange.Bench.dll \
  --server "$server" --transport "$mode" --repeats 1 --profile "$out" --profile-command "$record" "$@" | tee "$out/bench.txt"

for data in "$out"/*.perf.data; do
  echo
  echo "== $(basename "$data" .perf.data)"
  { perf script -i "$data" 2>/dev/null || true; } | python3 bench/profile/summarize.py --top 30 | tee "${data%.perf.data}.summary.txt"
  python3 bench/profile/counters.py "${data%.perf.data}.counters.csv" | tee -a "${data%.perf.data}.summary.txt"
done
echo
echo "recordings, counters and summaries in $out"
