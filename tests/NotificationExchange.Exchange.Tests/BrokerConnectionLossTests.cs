using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Two exchange processes on one store and a virtual host of their own on the real broker, which takes itself away:
/// it refuses them and closes all their connections while they file, then lets them back. Issue 13's recovery:
/// filing never waits for the broker (the log is the outbox), and live delivery returns over the bus.
/// </summary>
public class BrokerConnectionLossTests
{
    [Test]
    public async Task Filing_goes_on_while_the_broker_is_away_and_delivery_returns_over_the_bus_once_it_is_back()
    {
        var broker = RabbitMqBroker.Require();
        await using var vhost = await BrokerVhost.CreateAsync(broker);
        using var database = new TestDatabase();
        var settings = new Dictionary<string, string>
        {
            // Timeouts far longer than the bound below: a relay that sat out a publish hung on the lost connection,
            // or a long backoff, would deliver nothing over the bus within it.
            ["Exchange:Outbox:PublishTimeout"] = "00:01:00",
            ["Exchange:Outbox:MaxRetryDelay"] = "00:01:00",
            // The feeds look at the log's head only every ten minutes: what reaches B's stream within the bound came
            // over the bus (or was filled from the log because a later event came over the bus).
            ["Exchange:FanOut:GapCheckInterval"] = "00:10:00",
        };
        await using var a = await ExchangeServerProcess.StartAsync(database.Path, vhost.Address, settings);
        await using var b = await ExchangeServerProcess.StartAsync(database.Path, vhost.Address, settings);
        var filerKey = (await a.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "fault-filer", DisplayName = "Filer" })).ApiKey;
        var watcherKey = (await a.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "fault-watcher", DisplayName = "Watcher" })).ApiKey;
        var filer = a.Client(filerKey).Notifications;
        var watcher = b.Client(watcherKey);
        var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        using var stream = StreamProbe.Open(watcher, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        // Filers at full speed on A from before the fault until after it; every answer or failure is kept.
        var filed = new ConcurrentQueue<Notification>();
        var failures = new ConcurrentQueue<RpcException>();
        using var stopFiling = new CancellationTokenSource();
        var filers = Enumerable.Range(0, 4).Select(f => Task.Run(async () =>
        {
            for (var i = 0; !stopFiling.IsCancellationRequested; i++)
            {
                try
                {
                    filed.Enqueue((await filer.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(1 + (f * 10_000) + i))))).Notification);
                }
                catch (RpcException e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToArray();
        await stream.ReadEventsAsync(20);

        // The broker goes away: it refuses the exchange's user, then closes every connection to the virtual host.
        await vhost.RefuseAsync();
        await vhost.CloseAllConnectionsAsync();
        var filedBeforeAway = filed.Count;
        // While it is away filing goes on: 100 more filings are answered (a filing that waited for the broker would
        // not be answered until it came back, and this wait would fail).
        await WaitUntil(() => filed.Count >= filedBeforeAway + 100 || filers.Any(f => f.IsFaulted), TimeSpan.FromSeconds(60));
        Assert.That(failures, Is.Empty, "no filing fails while the broker is away");
        Assert.That(filed.Count, Is.GreaterThanOrEqualTo(filedBeforeAway + 100), "filing goes on while the broker is away");

        // The broker is back; filing goes on meanwhile. B's queue was gone while it was away (the log, not the queue,
        // keeps what an instance misses), so what reaches B's stream now came over the bus once B had its queue again
        // (with, filled from the log on its arrival, what A filed before). Wait for the first event A filed after the
        // return: the bound is 20 s, where the relay's own timeouts are a minute here and MassTransit's own reconnect
        // schedule (3 to 30 s, replaced by 0.2 to 2 s) would often exceed it; bench/run.sh recovery measures the time.
        await vhost.AllowAsync();
        var filedBeforeReturn = filed.Max(n => n.Sequence);
        var bound = Stopwatch.StartNew();
        while (stream.Events[^1].Sequence <= filedBeforeReturn)
        {
            // throws once the bound has passed without the next event
            await stream.ReadEventsAsync(stream.Events.Count + 1, TimeSpan.FromSeconds(Math.Max(0, 20 - bound.Elapsed.TotalSeconds)));
        }
        await stopFiling.CancelAsync();
        await Task.WhenAll(filers);
        Assert.That(failures, Is.Empty, "no filing fails while the bus reconnects");

        // B's queue is back: everything else filed comes over the bus too (B still looks at the log only every ten
        // minutes), once each and in sequence order.
        var sequences = filed.Select(n => n.Sequence).Order().ToList();
        var received = await stream.ReadEventsAsync(sequences.Count, TimeSpan.FromSeconds(20));
        Assert.That(received.Select(e => e.Sequence), Is.EqualTo(sequences), "B's subscriber has every filing once, in sequence order");
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!condition() && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
