using NotificationExchange.Faults.Topology;
using NUnit.Framework;

namespace NotificationExchange.Faults.Tests;

/// <summary>
/// The short form of the fault suite: each fault once, one after the other, while 3 organisations file at a steady
/// rate through the client library and 54 subscribers with different filters follow their subscriptions on 3
/// exchange instances (a private PostgreSQL cluster, a private RabbitMQ node: never the shared test broker, which this
/// test would restart under other tests). After each fault the store is read back and every subscriber's stream
/// compared with what committed. The table it prints is the suite's result; bench/run.sh faults runs the same in a loop.
/// </summary>
[NonParallelizable]
public sealed class FaultSuiteTests
{
    /// <summary>
    /// How long delivery may take to return to normal after a fault, as asserted here. The measured figure is printed
    /// whatever it is; the assertion is a bound a noisy shared 2-core machine (other engineers' builds and benchmarks
    /// beside this test) meets when the exchange recovers at all: the bus reconnects within a few seconds of the
    /// broker being back, a killed instance's subscribers move within the stream stall timeout, and the log fallback
    /// covers the rest. The target (3 s) is what bench/run.sh faults reports on a quiet machine.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    [Test]
    [CancelAfter(900_000)]
    public async Task Under_broker_restart_dropped_connections_a_killed_instance_and_a_database_restart_nothing_acknowledged_is_lost_repeated_unexpected_or_reordered(CancellationToken cancellationToken)
    {
        var broker = await SingleNodeBroker.StartAsync();
        await using var topology = await FaultTopology.StartAsync(FaultStore.Postgres, broker);
        // 5 filings/s each: what the PostgreSQL store keeps answering within the 10 s deadline with 54 subscribers on
        // this shared 2-core machine beside other work. At 20/s each every filing of a run missed its deadline (the
        // exchange committed them after their callers had gone), which measures overload, not faults.
        var settings = new FaultLoadSettings(Filers: 3, RatePerFiler: 5, Subscribers: 54);
        var run = new FaultRun(topology, settings, TestContext.Progress);

        var report = await run.RunAsync(topology.Faults(round: 0), cancellationToken);

        await TestContext.Out.WriteLineAsync(report.Format(byKind: false));
        Assert.Multiple(() =>
        {
            Assert.That(report.Phases, Has.Count.EqualTo(topology.Faults(round: 0).Count), "a result per fault");
            foreach (var phase in report.Phases)
            {
                Assert.That(phase.FiledOk, Is.GreaterThan(0), $"{phase.Fault}: something was filed");
                Assert.That(phase.Lost, Is.Zero, $"{phase.Fault}: lost");
                Assert.That(phase.Duplicates, Is.Zero, $"{phase.Fault}: duplicates");
                Assert.That(phase.Unexpected, Is.Zero, $"{phase.Fault}: unexpected");
                Assert.That(phase.OutOfOrder, Is.Zero, $"{phase.Fault}: out of order");
                Assert.That(phase.Recovery, Is.Not.Null.And.LessThanOrEqualTo(RecoveryBound), $"{phase.Fault}: recovery");
            }
            Assert.That(report.Anomalies, Is.Empty, "refusals no subscriber or filer should get");
        });
    }
}
