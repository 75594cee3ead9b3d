#!/usr/bin/env bash
# Orbit engine benchmark: propagation rate and one-primary screening per regime against the 24,132-object catalogue.
# Also the all-against-all screen of the whole catalogue over 24 hours (about half a minute; --no-all-vs-all skips it),
# and the same with a 50 km sphere streamed, in a process of its own (time, peak memory, conjunctions, the previous
# implementation's records compared; --no-sphere skips it, --sphere-only runs only it).
# Options pass through, e.g. bench/orbits.sh --repeats 3 --baseline-days 1 --all-vs-all-repeats 3 --sphere-repeats 3 --catalog PATH
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/NotificationExchange.Orbits.Bench -- "$@"
