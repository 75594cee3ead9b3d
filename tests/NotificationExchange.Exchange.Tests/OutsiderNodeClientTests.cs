using System.Globalization;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// The contract holds for a client on another gRPC implementation, written from the .proto files alone: the Node.js
/// client in tests/outsider-node (@grpc/grpc-js, @grpc/proto-loader) against a real exchange at its default stream buffer.
/// </summary>
public class OutsiderNodeClientTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private StreamMeters _meters = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _meters = new StreamMeters();
        _database = new TestDatabase();
        // The default stream buffer; a long grace for a cut-off stream's last write, so that a loaded machine starting the
        // Node client's reading late does not turn the status it must see into a reset.
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string> { ["Exchange:FanOut:EndingWriteGrace"] = "00:01:00" });
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
        _meters.Dispose();
    }

    /// <param name="processing">
    /// How the client processes messages: "sync" within grpc-js's 'data' event, "async" as an application that awaits
    /// something for each message (it pauses the stream after each message and resumes it on the next turn of the
    /// event loop).
    /// </param>
    [TestCase("sync")]
    [TestCase("async")]
    public async Task A_grpc_js_subscriber_cut_off_for_reading_too_slowly_resumes_from_what_it_processed_and_loses_and_repeats_nothing(string processing)
    {
        var filer = await _host.NewOperatorAsync("bulk-filer");
        var subscriberKey = await _host.NewOperatorKeyAsync("node-ops");
        var subscription = await _host.Client(subscriberKey).Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });

        using var node = OutsiderNode.Start("subscribe", _host.Address, subscriberKey, subscription.Id, processing);
        var caughtUp = await node.NextOfTypeAsync("caught_up");
        Assert.That(caughtUp.GetProperty("paused").GetBoolean(), "the client stopped reading once caught up");

        // The client reads nothing while the exchange is filed into until it cuts the stream off.
        var filed = await _meters.FileUntilCutOffAsync(filer);

        // It reads again within the ending write's grace, so the server's last write completes and the
        // status follows what was already on its way; the client reads until the end, then resumes.
        await node.SendAsync("read");
        var events = new List<(int Stream, ulong Sequence, string Id)>();
        ulong? resumedAfter = null;
        var done = await node.NextOfTypeAsync("done", line =>
        {
            if (line.GetProperty("type").GetString() == "event")
            {
                events.Add((line.GetProperty("stream").GetInt32(), Sequence(line.GetProperty("sequence")), line.GetProperty("id").GetString()!));
            }
            else if (line.GetProperty("type").GetString() == "resuming")
            {
                resumedAfter = Sequence(line.GetProperty("after"));
            }
        }, TimeSpan.FromSeconds(60));
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);

        var end = done.GetProperty("first_stream");
        var processedOnFirst = events.Where(e => e.Stream == 1).ToList();
        // grpc-js reports exactly what the server sent: RESOURCE_EXHAUSTED with its trailers and details.
        Assert.That(end.GetProperty("code_name").GetString(), Is.EqualTo("RESOURCE_EXHAUSTED"), end.ToString());
        Assert.That(end.GetProperty("error_info").GetProperty("reason").GetString(), Is.EqualTo("SUBSCRIBER_TOO_SLOW"), end.ToString());
        var resumeAfter = Sequence(end.GetProperty("resume_after"));
        Assert.That(Sequence(end.GetProperty("error_info").GetProperty("metadata").GetProperty("resume_after_sequence")), Is.EqualTo(resumeAfter),
            "the ErrorInfo names the same position as the trailer");
        Assert.That(end.GetProperty("details").GetString(), Does.Contain($"this stream sent up to {resumeAfter}"));
        Assert.That(done.GetProperty("first_stream_processed").GetInt32(), Is.EqualTo(processedOnFirst.Count));
        Assert.That(processedOnFirst, Is.Not.Empty.And.Count.LessThan(filed.Count), "it read some before the cut-off, not everything");

        // The client resumed from what it processed, whatever the trailer said.
        var lastProcessed = processedOnFirst[^1].Sequence;
        Assert.That(resumedAfter, Is.EqualTo(lastProcessed), "resumed after the last sequence it processed");
        Assert.That(resumeAfter, Is.GreaterThanOrEqualTo(lastProcessed), "the server sent at least what the client processed");

        // Where the trailer is ahead of the last processed sequence, grpc-js dropped the events in between (or
        // delivered them only after the status, when this client had moved on); a client resuming from the trailer
        // would have lost them. This one resumes from its own position and gets them on the resumed stream, so the
        // test passes either way. Observed with grpc-js 1.14.7 on Node 20 (filing 4,200 to 4,400 to get the cut-off):
        // - "sync": nothing dropped in 9 runs; the trailer equalled the last processed sequence (152 to 192 events
        //   processed before the status): when the status came, grpc-js held nothing it had not handed over.
        // - "async": dropped in every one of 5 runs: 56 to 88 events processed, trailer at 138 to 192, so 50 to 136
        //   events were received but never processed before the status; grpc-js reports a non-OK status at once (its
        //   Http2SubchannelCall.maybeOutputStatus does not wait for unread messages) and discards the messages it
        //   had parsed but not yet pushed; the 16 its stream had already buffered (the object-mode highWaterMark)
        //   come as 'data' after the 'error'.
        // Either way it reported RESOURCE_EXHAUSTED with the server's trailers and ErrorInfo, as asserted above.
        var dropped = events.Count(e => e.Stream == 2 && e.Sequence <= resumeAfter);
        var late = done.GetProperty("first_stream_late").GetArrayLength();
        TestContext.Out.WriteLine(
            $"filed {filed.Count}; first stream: {processedOnFirst.Count} processed, last {lastProcessed}, ended {end.GetProperty("code_name").GetString()} " +
            $"with nx-resume-after {resumeAfter}; sent but not processed before the status: {dropped} ({late} of them delivered by grpc-js after the status)");

        Assert.That(events.Select(e => e.Sequence), Is.Ordered.And.Unique, "in sequence order, none twice");
        Assert.That(events.Select(e => e.Id), Is.EquivalentTo(filed), "every filed notification exactly once");
        Assert.That(Sequence(done.GetProperty("last_processed")), Is.GreaterThanOrEqualTo(events[^1].Sequence));
    }

    [Test]
    public async Task A_grpc_js_client_filing_a_malformed_timestamp_gets_invalid_argument_naming_the_field()
    {
        var key = await _host.NewOperatorKeyAsync("node-filer");

        using var node = OutsiderNode.Start("file-malformed", _host.Address, key);
        var valid = await node.NextOfTypeAsync("filed");
        var malformed = await node.NextOfTypeAsync("filed");
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);

        Assert.That(valid.GetProperty("ok").GetBoolean(), valid.ToString());
        Assert.That(valid.GetProperty("id").GetString(), Does.StartWith("MNV-"), "the same notice with a valid timestamp is filed");
        Assert.That(malformed.GetProperty("ok").GetBoolean(), Is.False, malformed.ToString());
        var status = malformed.GetProperty("status");
        Assert.That(status.GetProperty("code_name").GetString(), Is.EqualTo("INVALID_ARGUMENT"), status.ToString());
        var violations = status.GetProperty("field_violations").EnumerateArray()
            .Select(v => (Field: v.GetProperty("field").GetString(), Description: v.GetProperty("description").GetString()))
            .ToList();
        Assert.That(violations.Select(v => v.Field), Is.EqualTo(new[] { "maneuver.execution_window.start" }), status.ToString());
        Assert.That(violations[0].Description, Does.Contain("nanos -1"));
        Assert.That(status.GetProperty("details").GetString(), Does.Contain("maneuver.execution_window.start"));
    }

    [Test]
    public async Task A_second_grpc_js_stream_takes_the_subscription_over_and_the_first_ends_with_failed_precondition_and_its_trailers()
    {
        var filer = await _host.NewOperatorAsync("takeover-filer");
        var subscriberKey = await _host.NewOperatorKeyAsync("node-watcher");
        var subscription = await _host.Client(subscriberKey).Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        var before = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(41001)))).Notification;

        // The client opens stream 1, reads it to CaughtUp, opens stream 2 on the same subscription, and says "ready"
        // once stream 1 has ended and stream 2 has caught up.
        using var node = OutsiderNode.Start("takeover", _host.Address, subscriberKey, subscription.Id);
        var lines = new List<JsonElement>();
        await node.NextOfTypeAsync("ready", lines.Add);
        var ended = lines.Single(l => l.GetProperty("type").GetString() == "ended");
        Assert.That(ended.GetProperty("stream").GetInt32(), Is.EqualTo(1), "the older stream ended, not the newer");
        AssertTakenOver(ended, subscription.Id);
        Assert.That(Sequence(ended.GetProperty("resume_after")), Is.EqualTo(before.Sequence), "the trailer names what stream 1 sent");
        Assert.That(
            lines.Where(l => l.GetProperty("type").GetString() == "event").Select(l => (l.GetProperty("stream").GetInt32(), l.GetProperty("id").GetString())),
            Is.EqualTo(new[] { (1, before.Id), (2, before.Id) }), "each stream replayed the unacknowledged event once");

        var after = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(41002)))).Notification;
        var received = await node.NextOfTypeAsync("event");
        Assert.That((received.GetProperty("stream").GetInt32(), received.GetProperty("id").GetString()), Is.EqualTo((2, after.Id)), "the newer stream goes on");
        await node.SendAsync("stop");
        var done = await node.NextOfTypeAsync("done");
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
        Assert.That(done.GetProperty("first_stream_late").GetArrayLength(), Is.Zero, "nothing reached stream 1 after its status");
        Assert.That(done.GetProperty("second_stream").GetProperty("ended").ValueKind, Is.EqualTo(JsonValueKind.Null), "stream 2 was open until the client stopped");
    }

    [Test]
    public async Task A_grpc_js_stream_taken_over_by_a_dotnet_stream_ends_with_failed_precondition_and_the_dotnet_stream_goes_on()
    {
        var filer = await _host.NewOperatorAsync("mixed-filer");
        var subscriberKey = await _host.NewOperatorKeyAsync("mixed-watcher");
        var subscription = await _host.Client(subscriberKey).Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });

        using var node = OutsiderNode.Start("stream", _host.Address, subscriberKey, subscription.Id);
        await node.NextOfTypeAsync("caught_up");
        using var newer = StreamProbe.Open(_host.Client(subscriberKey), subscription.Id);
        await newer.ReadUntilCaughtUpAsync();
        var ended = await node.NextOfTypeAsync("ended");
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);

        AssertTakenOver(ended, subscription.Id);
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(42001)))).Notification;
        Assert.That((await newer.ReadEventsAsync(1))[0].Notification, Is.EqualTo(filed), "the .NET stream goes on");
    }

    [Test]
    public async Task A_dotnet_stream_taken_over_by_a_grpc_js_stream_ends_with_failed_precondition_and_the_grpc_js_stream_goes_on()
    {
        var filer = await _host.NewOperatorAsync("mixed-filer");
        var subscriberKey = await _host.NewOperatorKeyAsync("mixed-watcher");
        var subscriber = _host.Client(subscriberKey);
        var subscription = await subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });

        using var older = StreamProbe.Open(subscriber, subscription.Id);
        await older.ReadUntilCaughtUpAsync();
        using var node = OutsiderNode.Start("stream", _host.Address, subscriberKey, subscription.Id);
        await node.NextOfTypeAsync("caught_up");
        var ended = await older.ReadUntilEndedAsync();

        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition), ended.Status.Detail);
        var info = ended.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.That((info.Reason, info.Domain), Is.EqualTo(("SUBSCRIPTION_TAKEN_OVER", "notification-exchange")));
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(42002)))).Notification;
        var received = await node.NextOfTypeAsync("event");
        Assert.That(received.GetProperty("id").GetString(), Is.EqualTo(filed.Id), "the grpc-js stream goes on");
        await node.SendAsync("stop");
        await node.NextOfTypeAsync("done");
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
    }

    /// <summary>How grpc-js reported a stream ended by a takeover: the status, details, ErrorInfo and trailer the exchange sent.</summary>
    private static void AssertTakenOver(JsonElement ended, string subscriptionId)
    {
        Assert.That(ended.GetProperty("code_name").GetString(), Is.EqualTo("FAILED_PRECONDITION"), ended.ToString());
        var info = ended.GetProperty("error_info");
        Assert.That(info.ValueKind, Is.EqualTo(JsonValueKind.Object), $"an ErrorInfo in grpc-status-details-bin: {ended}");
        Assert.That(info.GetProperty("reason").GetString(), Is.EqualTo("SUBSCRIPTION_TAKEN_OVER"), ended.ToString());
        Assert.That(info.GetProperty("domain").GetString(), Is.EqualTo("notification-exchange"), ended.ToString());
        Assert.That(ended.GetProperty("details").GetString(), Does.StartWith($"another stream opened subscription {subscriptionId} at "));
        Assert.That(ended.GetProperty("resume_after").ValueKind, Is.EqualTo(JsonValueKind.String), $"the nx-resume-after trailer: {ended}");
    }

    private static ulong Sequence(JsonElement value) => ulong.Parse(value.GetString()!, CultureInfo.InvariantCulture);

}
