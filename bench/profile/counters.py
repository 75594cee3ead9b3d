#!/usr/bin/env python3
"""Means over a dotnet-counters CSV (one process, one phase) of the counters that explain CPU per filing.

  python3 bench/profile/counters.py server.counters.csv
"""
import csv
import sys
from collections import defaultdict

WANTED = [
    ("CPU, user (s/s)", "dotnet.process.cpu.time", "cpu.mode=user"),
    ("CPU, system (s/s)", "dotnet.process.cpu.time", "cpu.mode=system"),
    ("JIT time (s/s)", "dotnet.jit.compilation.time", ""),
    ("GC pause (s/s)", "dotnet.gc.pause.time", ""),
    ("allocated (MB/s)", "dotnet.gc.heap.total_allocated", ""),
    ("gen0 GCs (/s)", "dotnet.gc.collections", "gen0"),
    ("gen1 GCs (/s)", "dotnet.gc.collections", "gen1"),
    ("gen2 GCs (/s)", "dotnet.gc.collections", "gen2"),
    ("lock contentions (/s)", "dotnet.monitor.lock_contentions", ""),
    ("thread pool work items (/s)", "dotnet.thread_pool.work_item.count", ""),
    ("bus messages received (/s)", "messaging.masstransit.receive (", ""),
    ("bus messages published (/s)", "messaging.masstransit.send (", ""),
    ("filings answered (/s)", "http.server.request.duration", "Percentile=50"),
]


def main():
    values = defaultdict(list)
    for row in csv.DictReader(open(sys.argv[1])):
        name = row["Counter Name"]
        for label, key, tag in WANTED:
            if key in name and tag in name:
                try:
                    values[label].append(float(row["Mean/Increment"]))
                except ValueError:
                    pass
    for label, _, _ in WANTED:
        series = values.get(label)
        if not series:
            continue
        mean = sum(series) / len(series)
        if label.startswith("allocated"):
            mean /= 1e6
        if label.startswith("filings answered"):
            # the request-duration percentile's rows are not a rate; count rows only
            continue
        print(f"  {label:32} {mean:10.3f}")


if __name__ == "__main__":
    main()
