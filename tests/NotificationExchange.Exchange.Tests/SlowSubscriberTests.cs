using System.Diagnostics;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class SlowSubscriberTests
{
    private const int StreamBuffer = 64;
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:FanOut:StreamBufferCapacity"] = StreamBuffer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The slow subscriber reads again only after all 400 filings: on a loaded machine (and on PostgreSQL) that
            // outlasts the default 5 s grace, after which its blocked write is reset (CANCEL) instead of ending with
            // the status this test reads. StreamBoundTests covers the reset after the grace.
            ["Exchange:FanOut:EndingWriteGrace"] = "00:01:00",
        });
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_subscriber_that_stops_reading_is_cut_off_without_holding_up_filing_or_another_subscriber_and_loses_nothing()
    {
        var filer = await _host.NewOperatorAsync("busy-filer");
        var slow = await _host.NewOperatorAsync("slow-ops");
        var fast = await _host.NewOperatorAsync("fast-ops");
        var slowSubscription = await slow.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "slow" });
        var fastSubscription = await fast.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "fast" });
        using var slowStream = StreamProbe.Open(slow, slowSubscription.Id);
        using var fastStream = StreamProbe.Open(fast, fastSubscription.Id);
        await slowStream.ReadUntilCaughtUpAsync();
        await fastStream.ReadUntilCaughtUpAsync();

        // The slow subscriber now reads nothing while far more is filed than its buffer and its HTTP/2 window hold.
        const int filings = 400;
        var fastReading = fastStream.ReadEventsAsync(filings, TimeSpan.FromSeconds(60));
        var filingClock = Stopwatch.StartNew();
        var filed = new List<string>();
        foreach (var batch in Enumerable.Range(0, filings).Chunk(20))
        {
            var answers = await Task.WhenAll(batch.Select(i => filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(1000 + i)))).ResponseAsync));
            filed.AddRange(answers.Select(a => a.Notification.Id));
        }
        filingClock.Stop();
        var fastEvents = await fastReading;

        Assert.That(fastEvents.Select(e => e.Notification.Id).Order(), Is.EqualTo(filed.Order()), "the fast subscriber got everything");
        Assert.That(filingClock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "filing was not held up waiting for the slow subscriber");

        // When the slow subscriber reads again, it finds what was in flight, then the status telling it to resume.
        var ended = await slowStream.ReadUntilEndedAsync();
        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted), ended.Status.Detail);
        Assert.That(ended.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason, Is.EqualTo("SUBSCRIBER_TOO_SLOW"));
        var resumeAfter = ulong.Parse(ended.Trailers.GetValue("nx-resume-after")!, System.Globalization.CultureInfo.InvariantCulture);
        var lastReceived = slowStream.Events.Count == 0 ? 0 : slowStream.Events[^1].Sequence;
        Assert.That(resumeAfter, Is.EqualTo(lastReceived), "the status names the last event the subscriber received");
        Assert.That(slowStream.Events, Has.Count.LessThan(filings), "the slow subscriber was cut off before the end");

        using var resumed = StreamProbe.Open(slow, slowSubscription.Id, lastReceived);
        var rest = await resumed.ReadUntilCaughtUpAsync();
        Assert.That(slowStream.Events.Concat(rest).Select(e => e.Notification.Id), Is.EqualTo(fastEvents.Select(e => e.Notification.Id)),
            "after resuming, the slow subscriber has everything, once, in the same order");
    }
}
