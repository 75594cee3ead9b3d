#!/usr/bin/env python3
"""Summarises CPU samples of one exchange process: the output of `perf script` over a `perf record -g` of it (the
exchange started with DOTNET_PerfMapEnabled=1, so that perf names JIT-compiled frames). Every sample is CPU time
(perf samples running threads only, unlike EventPipe's sampler, which samples waiting threads too). Prints the share
of CPU by role in the exchange (outermost matching frame), by library (innermost matching frame), and the frames with
the most inclusive time.

  perf script -i server.perf.data | python3 bench/profile/summarize.py [--top 40] [--filing-count N] [--seconds S]
"""
import re
import sys
from collections import Counter

# The part of the exchange a sample belongs to: the first rule whose key occurs in any frame, outermost frame first.
ROLES = [
    ("outbox relay: publishing (MassTransit publish pipeline, serialisation, RabbitMQ.Client send)", ["OutboxRelay", "MassTransitEventPublisher"]),
    ("bus consumer: the instance queue (MassTransit receive pipeline, deserialisation, offer to the feed)", ["RabbitMqBasicConsumer", "ReceivePipeDispatcher", "ConsumerDispatching", "BusEventOffer"]),
    ("RabbitMQ.Client connection I/O (frames in and out, confirms)", ["RabbitMQ.Client"]),
    ("log writer: the group commit (SQLite, fsync)", ["SqliteLogWriter", "nx-log-writer"]),
    ("live feed and subscriber streams", ["LiveFeed", "SubscriberStream", "SubscriptionSession", "SubscriptionManager", "SubscriptionService"]),
    ("gRPC call: filing (Kestrel, HTTP/2, middleware, FilingService)", ["FilingService", "NotificationGrpcService", "Grpc.AspNetCore", "Kestrel", "Http2", "AspNetCore"]),
    ("OpenTelemetry exporters / metrics collection", ["OpenTelemetry"]),
    ("garbage collector", ["gc_heap", "WKS::", "SVR::", "GCHeap", "gc.cpp"]),
    ("JIT", ["libclrjit", "Compiler::", "jitNativeCode"]),
]
LIBRARIES = [
    ("Activity / DiagnosticSource (tracing)", ["System.Diagnostics.Activity", "DiagnosticSource", "ActivitySource", "OpenTelemetry"]),
    ("logging", ["Microsoft.Extensions.Logging", "MassTransit.Logging.LogContext"]),
    ("System.Text.Json", ["System.Text.Json"]),
    ("SQLite", ["SQLitePCL", "Microsoft.Data.Sqlite", "libe_sqlite3", "sqlite3"]),
    ("MassTransit", ["MassTransit"]),
    ("RabbitMQ.Client", ["RabbitMQ.Client"]),
    ("protobuf", ["Google.Protobuf"]),
    ("kernel (syscalls, network, fsync)", ["[kernel.kallsyms]", "[unknown]"]),
    ("garbage collector / allocation", ["gc_heap", "WKS::", "GCHeap", "Alloc", "JIT_New"]),
]


def read_samples(lines):
    """Yields (thread name, frames innermost first) for each sample of `perf script`'s default output."""
    thread, frames = None, []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
        elif not line.startswith((" ", "\t")):
            thread, frames = line.split()[0], []
        else:
            parts = line.strip().split(" ", 1)
            symbol = parts[1] if len(parts) > 1 else parts[0]
            frames.append(re.sub(r"\+0x[0-9a-f]+ ", " ", symbol))
    if thread is not None:
        yield thread, frames


def classify(frames, rules, fallback):
    for frame in frames:
        for label, keys in rules:
            if any(k in frame for k in keys):
                return label
    return fallback


def main():
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    filings = int(sys.argv[sys.argv.index("--filing-count") + 1]) if "--filing-count" in sys.argv else 0
    roles, libraries, inclusive, threads = Counter(), Counter(), Counter(), Counter()
    total = 0
    for thread, frames in read_samples(sys.stdin):
        total += 1
        threads[thread] += 1
        outermost = frames[::-1]
        roles[classify(outermost + [thread], ROLES, "other (thread pool, timers, runtime)")] += 1
        libraries[classify(frames, LIBRARIES, "other")] += 1
        for frame in set(frames):
            inclusive[frame] += 1
    if total == 0:
        print("no samples")
        return
    print(f"{total} CPU samples" + (f"; {filings} filings" if filings else ""))
    for title, counter in (("by role (outermost matching frame)", roles), ("by library (innermost matching frame)", libraries),
                           ("by thread name", threads)):
        print(f"\n{title}:")
        for name, count in counter.most_common(25):
            print(f"  {100 * count / total:5.1f} %  {name}")
    print(f"\ntop {top} frames by inclusive CPU:")
    for name, count in inclusive.most_common(top):
        print(f"  {100 * count / total:5.1f} %  {name[:180]}")


if __name__ == "__main__":
    main()
