using Google.Rpc;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// A subscription streams to one consumer at a time, the newest: a second Subscribe on the same subscription ends the
/// first stream with FAILED_PRECONDITION, on one instance or across instances sharing a store and a broker.
/// </summary>
public class StreamTakeoverTests
{
    private TestDatabase _database = null!;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void CreateStore() => _database = new TestDatabase();

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database.Dispose();
    }

    [Test]
    public async Task A_second_stream_takes_the_subscription_over_and_the_first_ends_with_failed_precondition()
    {
        var host = await StartInstance();
        var filer = await host.NewOperatorAsync("filer-ops");
        var subscriber = await host.NewOperatorAsync("watcher-ops");
        var subscription = await subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        var first = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(41001)))).Notification;
        using var older = StreamProbe.Open(subscriber, subscription.Id);
        await older.ReadEventsAsync(1);
        await older.ReadUntilCaughtUpAsync();

        using var newer = StreamProbe.Open(subscriber, subscription.Id, resumeAfter: first.Sequence);
        await newer.ReadUntilCaughtUpAsync();
        var ended = await older.ReadUntilEndedAsync();

        AssertTakenOver(ended, subscription.Id);
        Assert.That(ended.Trailers.GetValue(Api.Services.SubscriptionGrpcService.ResumeAfterTrailer), Is.EqualTo(first.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var second = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(41002)))).Notification;
        Assert.That((await newer.ReadEventsAsync(1))[0].Notification, Is.EqualTo(second), "the newer stream goes on");

        // The older consumer, unaware, acknowledges what it had: the position does not move back.
        var acknowledged = await subscriber.Subscriptions.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = second.Sequence });
        var stale = await subscriber.Subscriptions.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = first.Sequence });
        Assert.That(acknowledged.AcknowledgedSequence, Is.EqualTo(second.Sequence));
        Assert.That(stale.AcknowledgedSequence, Is.EqualTo(second.Sequence));
    }

    [Test]
    public async Task A_stream_opened_on_another_instance_takes_the_subscription_over_through_the_bus()
    {
        var broker = RabbitMqBroker.Require();
        // Neither instance checks the log's head in the test's time: events, like takeovers, come over the bus.
        var settings = new Dictionary<string, string> { ["Exchange:FanOut:GapCheckInterval"] = "00:10:00" };
        var a = await StartInstance(broker, settings);
        var b = await StartInstance(broker, settings);
        var filer = await a.NewOperatorAsync("filer-on-a");
        var key = await a.NewOperatorKeyAsync("watcher-ops");
        var onA = a.Client(key);
        var onB = b.Client(key);
        var subscription = await onA.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        using var older = StreamProbe.Open(onA, subscription.Id);
        await older.ReadUntilCaughtUpAsync();

        using var newer = StreamProbe.Open(onB, subscription.Id);
        await newer.ReadUntilCaughtUpAsync();
        var ended = await older.ReadUntilEndedAsync();

        AssertTakenOver(ended, subscription.Id);
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(42001)))).Notification;
        Assert.That((await newer.ReadEventsAsync(1))[0].Notification, Is.EqualTo(filed), "the newer stream, on the other instance, goes on");
    }

    private static void AssertTakenOver(RpcException ended, string subscriptionId)
    {
        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition), ended.Status.Detail);
        var info = ended.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.That(info.Reason, Is.EqualTo("SUBSCRIPTION_TAKEN_OVER"));
        Assert.That(info.Domain, Is.EqualTo("notification-exchange"));
        Assert.That(ended.Status.Detail, Does.StartWith($"another stream opened subscription {subscriptionId} at "));
        Assert.That(ended.Status.Detail, Does.Not.Contain("watcher-ops"), "it says when, not who");
    }

    private async Task<ExchangeHost> StartInstance(string? broker = null, Dictionary<string, string>? settings = null)
    {
        var host = await ExchangeHost.StartAsync(_database.Path, broker, settings);
        _hosts.Add(host);
        return host;
    }
}
