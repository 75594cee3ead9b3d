using Grpc.Core;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>Subscriptions.Watch against an exchange in this process: what it acknowledges, and how a refusal ends it.</summary>
public sealed class SubscriptionWatchTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _exchange = null!;
    private readonly List<NxClient> _clients = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = new TestDatabase();
        _exchange = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await _exchange.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task The_end_of_a_watch_acknowledges_the_last_event_processed_and_not_the_one_handed_over_unprocessed()
    {
        var client = await ClientAsync("ack-stop-ops");
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "acknowledged" });
        var filed = await FileAsync(client, 5000, 5);
        // Only the first event and the end acknowledge: the interval never passes.
        var options = new WatchOptions { AcknowledgeInterval = TimeSpan.FromHours(1) };

        var processed = new List<NotificationEvent>();
        await foreach (var message in client.Subscriptions.Watch(subscription.Id, options).WithCancellation(Bounded()))
        {
            if (message.MessageCase != SubscriptionMessage.MessageOneofCase.Event)
            {
                continue;
            }
            if (processed.Count == 3)
            {
                break; // the fourth event was handed over, and the caller stopped before processing it
            }
            processed.Add(message.Event);
        }

        var stored = await client.Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription.Id });
        Assert.That(processed.Select(e => e.Notification.Id), Is.EqualTo(filed.Take(3).Select(n => n.Id)));
        Assert.That(stored.AcknowledgedSequence, Is.EqualTo(processed[^1].Sequence), "the third event, the last processed");
    }

    [Test]
    public async Task A_watch_cancelled_while_waiting_acknowledges_everything_it_yielded()
    {
        var client = await ClientAsync("ack-cancel-ops");
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "acknowledged" });
        var filed = await FileAsync(client, 5100, 4);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Bounded());
        var events = new List<NotificationEvent>();
        CaughtUp? caughtUp = null;

        await Assert.ThatAsync(async () =>
        {
            await foreach (var message in client.Subscriptions.Watch(subscription.Id, new WatchOptions { AcknowledgeInterval = TimeSpan.FromHours(1) }, stop.Token))
            {
                if (message.MessageCase == SubscriptionMessage.MessageOneofCase.Event)
                {
                    events.Add(message.Event);
                }
                else if (message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp)
                {
                    caughtUp = message.CaughtUp;
                    // Processed; the caller asks for more and is told to stop while it waits.
                    await stop.CancelAsync();
                }
            }
        }, Throws.InstanceOf<OperationCanceledException>());

        var stored = await client.Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription.Id });
        Assert.That(events.Select(e => e.Notification.Id), Is.EqualTo(filed.Select(n => n.Id)));
        Assert.That(caughtUp, Is.Not.Null);
        Assert.That(caughtUp!.Sequence, Is.GreaterThanOrEqualTo(filed[^1].Sequence));
        Assert.That(stored.AcknowledgedSequence, Is.EqualTo(caughtUp.Sequence), "the caught-up position, processed before the wait");
    }

    [Test]
    public async Task A_watch_left_waiting_acknowledges_what_was_processed_once_the_interval_has_passed()
    {
        var client = await ClientAsync("ack-idle-ops");
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "acknowledged" });
        var filed = await FileAsync(client, 5200, 3);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var interval = TimeSpan.FromSeconds(10);
        var options = Recording.QuickReconnect();
        options.AcknowledgeInterval = interval;
        options.Time = clock;
        await using var watch = Recording.Watch(client, subscription.Id, options);
        await watch.WaitUntilAsync(w => w.Items.Any(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp), "caught up");
        var caughtUp = watch.Items.Single(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp).CaughtUp.Sequence;

        // The first event was acknowledged at once; the rest wait for the interval, while the watch waits for more.
        // Each look moves the watch's clock on by an interval, which is what lets the rest go.
        var acknowledged = await PollAsync(
            async () =>
            {
                clock.Advance(interval);
                return (await client.Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription.Id })).AcknowledgedSequence;
            },
            sequence => sequence == caughtUp);

        Assert.That(watch.Events().Select(e => e.Notification.Id), Is.EqualTo(filed.Select(n => n.Id)));
        Assert.That(acknowledged, Is.EqualTo(caughtUp), "acknowledged while the watch still runs");
        Assert.That(watch.Completion.IsCompleted, Is.False);
    }

    [Test]
    public async Task Deleting_the_subscription_ends_its_watch_with_not_found_and_no_reconnection()
    {
        var client = await ClientAsync("deleted-ops");
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "to delete" });
        await using var watch = Recording.Watch(client, subscription.Id);
        await FileAsync(client, 5300, 1);
        await watch.WaitForEventsAsync(1);

        await client.Subscriptions.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = subscription.Id });

        var ended = await Assert.ThrowsAsync<NxException>(async () => await watch.Completion.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.That(ended!.Error.Code, Is.EqualTo(StatusCode.NotFound), ended.Message);
        Assert.That(ended.Error.Kind, Is.EqualTo(FailureKind.Refused));
        Assert.That(watch.Reconnects, Is.Empty, "a refusal is not retried");
    }

    [Test]
    public async Task A_subscription_that_does_not_exist_is_refused_at_once()
    {
        var client = await ClientAsync("unknown-ops");
        var reconnects = 0;
        var options = Recording.QuickReconnect();
        options.OnReconnecting = _ => Interlocked.Increment(ref reconnects);

        var refused = await Assert.ThrowsAsync<NxException>(async () =>
        {
            await foreach (var _ in client.Subscriptions.Watch("SUB-does-not-exist", options).WithCancellation(Bounded()))
            {
            }
        });

        Assert.That(refused!.Error.Code, Is.EqualTo(StatusCode.NotFound), refused.Message);
        Assert.That(reconnects, Is.Zero);
    }

    [Test]
    public async Task A_watch_taken_over_by_another_stream_ends_with_the_takeover_and_does_not_take_it_back()
    {
        var client = await ClientAsync("takeover-ops");
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "shared" });
        await using var first = Recording.Watch(client, subscription.Id);
        await first.WaitUntilAsync(w => w.Items.Any(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp), "the first watch caught up");

        await using var second = Recording.Watch(client, subscription.Id);
        var ended = await Assert.ThrowsAsync<NxException>(async () => await first.Completion.WaitAsync(TimeSpan.FromMinutes(1)));
        var filed = await FileAsync(client, 5400, 2);
        await second.WaitForEventsAsync(2);

        Assert.That(ended!.Error.Code, Is.EqualTo(StatusCode.FailedPrecondition), ended.Message);
        Assert.That(ended.Error.Reason, Is.EqualTo("SUBSCRIPTION_TAKEN_OVER"));
        Assert.That(first.Reconnects, Is.Empty);
        Assert.That(second.Events().Select(e => e.Notification.Id), Is.EqualTo(filed.Select(n => n.Id)), "the newer stream keeps the subscription");
        Assert.That(second.Completion.IsCompleted, Is.False);
    }

    private async Task<NxClient> ClientAsync(string operatorId)
    {
        var client = NxClient.Create(new NxClientOptions
        {
            Address = new Uri(_exchange.Address), ApiKey = await _exchange.NewOperatorKeyAsync(operatorId), CallTimeout = TimeSpan.FromSeconds(20),
        });
        _clients.Add(client);
        return client;
    }

    private static async Task<List<Notification>> FileAsync(NxClient client, uint firstObject, int count)
    {
        var filed = new List<Notification>();
        for (var i = 0; i < count; i++)
        {
            filed.Add((await client.Notifications.FileNotificationAsync(Filings.Maneuver(firstObject + (uint)i))).Notification);
        }
        return filed;
    }

    /// <summary>A token that ends a watch the test forgot to end, so that a missing event fails instead of hanging.</summary>
    private static CancellationToken Bounded() => new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value) || hang.IsCancellationRequested)
            {
                return value;
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
