using System.Collections.Concurrent;
using System.Globalization;
using NotificationExchange.Client;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>A watch whose caller stops reading long enough for the exchange to cut its stream off
/// (RESOURCE_EXHAUSTED, Exchange:FanOut:StreamBufferCapacity).</summary>
public sealed class SlowWatchTests
{
    private const int StreamBuffer = 64;
    private const int Filings = 400;

    [Test]
    public async Task A_caller_too_slow_for_the_exchange_is_cut_off_and_the_watch_goes_on_without_loss_or_repeat()
    {
        using var database = new TestDatabase();
        await using var exchange = await ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:FanOut:StreamBufferCapacity"] = StreamBuffer.ToString(CultureInfo.InvariantCulture),
        });
        using var client = NxClient.Create(new NxClientOptions
        {
            Address = new Uri(exchange.Address), ApiKey = await exchange.NewOperatorKeyAsync("slow-watch-ops"), CallTimeout = TimeSpan.FromSeconds(30),
        });
        var slowSubscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "slow" });
        var witnessSubscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "witness" });
        // The witness reads as fast as it can: once it has every filing, the exchange has offered them all to the slow stream too.
        await using var witness = Recording.Watch(client, witnessSubscription.Id);

        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowEvents = new ConcurrentQueue<NotificationEvent>();
        var reconnects = new ConcurrentQueue<StreamReconnect>();
        var options = Recording.QuickReconnect();
        options.OnReconnecting = reconnects.Enqueue;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var slow = Task.Run(async () =>
        {
            await foreach (var message in client.Subscriptions.Watch(slowSubscription.Id, options, stop.Token))
            {
                if (message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp && !caughtUp.Task.IsCompleted)
                {
                    caughtUp.SetResult();
                    // The caller is busy: it asks for nothing more until told to.
                    await readAgain.Task;
                }
                else if (message.MessageCase == SubscriptionMessage.MessageOneofCase.Event)
                {
                    slowEvents.Enqueue(message.Event);
                }
            }
        }, CancellationToken.None);
        await caughtUp.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await witness.WaitUntilAsync(w => w.Items.Any(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp), "the witness caught up");

        var filed = new List<string>();
        foreach (var batch in Enumerable.Range(0, Filings).Chunk(20))
        {
            var answers = await Task.WhenAll(batch.Select(i => client.Notifications.FileNotificationAsync(Library.Filings.Maneuver((uint)(6000 + i)))));
            filed.AddRange(answers.OrderBy(a => a.Notification.Sequence).Select(a => a.Notification.Id));
        }
        await witness.WaitForEventsAsync(Filings);

        readAgain.SetResult();
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (slowEvents.Count < Filings && !slow.IsCompleted && !hang.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
        // Any repeat would come after the last filing; one more filing, read, shows none came.
        var sentinel = (await client.Notifications.FileNotificationAsync(Library.Filings.Maneuver(7000))).Notification.Id;
        while (!slowEvents.Any(e => e.Notification.Id == sentinel) && !slow.IsCompleted && !hang.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
        await stop.CancelAsync();
        await Assert.ThatAsync(async () => await slow, Throws.InstanceOf<OperationCanceledException>(), "the watch ran until the test stopped it");

        foreach (var reconnect in reconnects)
        {
            await TestContext.Out.WriteLineAsync(reconnect.ToString());
        }
        Assert.That(slowEvents.Select(e => e.Notification.Id), Is.EqualTo(filed.Append(sentinel)), "every event once, in sequence order");
        Assert.That(reconnects, Is.Not.Empty, "the exchange cut the stream off and the watch reconnected");
        Assert.That(reconnects.First().Reason, Does.Contain("ResourceExhausted").Or.Contain("Cancelled").Or.Contain("Internal"), reconnects.First().ToString());
    }
}
