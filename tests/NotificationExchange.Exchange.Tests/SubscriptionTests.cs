using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class SubscriptionTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _filer = null!;
    private ExchangeClient _subscriber = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _filer = await _host.NewOperatorAsync("filer-ops");
        _subscriber = await _host.NewOperatorAsync("watcher-ops");
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_live_subscriber_receives_each_filing_once_in_sequence_order()
    {
        var subscription = await Subscribe(new SubscriptionFilter());
        using var stream = StreamProbe.Open(_subscriber, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        var filed = new List<Notification>();
        for (var i = 0; i < 10; i++)
        {
            filed.Add((await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(10000 + i))))).Notification);
        }
        var events = await stream.ReadEventsAsync(10);

        Assert.That(events.Select(e => e.Notification.Id), Is.EqualTo(filed.Select(n => n.Id)));
        Assert.That(events.Select(e => e.Sequence), Is.Ordered.Ascending);
        Assert.That(events.Select(e => e.Notification), Is.EqualTo(filed), "the stream carries the notification as filed");
        await stream.AssertNoEventWithinAsync(TimeSpan.FromMilliseconds(300));
    }

    [TestCaseSource(nameof(Filters))]
    public async Task Filters_select_by_kind_object_operator_regime_and_event_type(SubscriptionFilter filter, string[] expected)
    {
        var subscription = await Subscribe(filter);
        var other = await _host.NewOperatorAsync("other-filer");
        using var stream = StreamProbe.Open(_subscriber, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        // a LEO maneuver of 25544 by filer-ops; a GEO RPO on 41000 by other-filer; a MEO launch by filer-ops, then cancelled
        var maneuver = (await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(25544)))).Notification;
        await other.Notifications.FileNotificationAsync(Notices.File(Notices.ProximityOperation(53000, 41000)));
        var launch = (await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;
        await _filer.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = launch.Id, RequestId = "c", Reason = "scrubbed" });
        var events = await stream.ReadEventsAsync(expected.Length);
        await stream.AssertNoEventWithinAsync(TimeSpan.FromMilliseconds(500));

        var names = events
            .Select(e => $"{e.Notification.Id}:{e.EventType}".Replace(maneuver.Id, "maneuver").Replace(launch.Id, "launch"))
            .Select(r => r.StartsWith("RPO-", StringComparison.Ordinal) ? "rpo" + r[r.IndexOf(':')..] : r)
            .ToArray();
        Assert.That(names, Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> Filters()
    {
        const string m = "maneuver:Filed", r = "rpo:Filed", l = "launch:Filed", c = "launch:Cancelled";
        yield return new TestCaseData(new SubscriptionFilter(), new[] { m, r, l, c }).SetName("no filter matches everything");
        yield return new TestCaseData(new SubscriptionFilter { Kinds = { NotificationKind.Launch } }, new[] { l, c }).SetName("by kind");
        yield return new TestCaseData(new SubscriptionFilter { NoradCatIds = { 41000 } }, new[] { r }).SetName("by object (RPO target)");
        yield return new TestCaseData(new SubscriptionFilter { NoradCatIds = { 25544, 53000 } }, new[] { m, r }).SetName("by any of several objects");
        yield return new TestCaseData(new SubscriptionFilter { FilingOperators = { "filer-ops" } }, new[] { m, l, c }).SetName("by filing operator");
        yield return new TestCaseData(new SubscriptionFilter { Regimes = { OrbitalRegime.Geo } }, new[] { r }).SetName("by regime GEO");
        yield return new TestCaseData(new SubscriptionFilter { Regimes = { OrbitalRegime.Meo, OrbitalRegime.Leo } }, new[] { m, l, c }).SetName("by regimes LEO or MEO");
        yield return new TestCaseData(new SubscriptionFilter { EventTypes = { NotificationEventType.Cancelled } }, new[] { c }).SetName("by event type");
        yield return new TestCaseData(
            new SubscriptionFilter { Kinds = { NotificationKind.Launch, NotificationKind.ProximityOperation }, FilingOperators = { "filer-ops" } },
            new[] { l, c }).SetName("all lists must match");
    }

    [Test]
    public async Task Amendments_reach_the_subscribers_of_the_original_even_when_they_change_what_matched()
    {
        var watchingIss = await Subscribe(new SubscriptionFilter { NoradCatIds = { 25544 } });
        using var stream = StreamProbe.Open(_subscriber, watchingIss.Id);
        await stream.ReadUntilCaughtUpAsync();

        var filed = (await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(25544)))).Notification;
        await _filer.Notifications.AmendNotificationAsync(new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "wrong-object", Maneuver = Notices.Maneuver(48274) });
        await _filer.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = filed.Id, RequestId = "cancel", Reason = "filed for the wrong object" });

        var events = await stream.ReadEventsAsync(3);

        Assert.That(events.Select(e => (e.Notification.Id, e.EventType)), Is.EqualTo(new[]
        {
            (filed.Id, NotificationEventType.Filed), (filed.Id, NotificationEventType.Amended), (filed.Id, NotificationEventType.Cancelled),
        }));
        Assert.That(events[1].Notification.Maneuver.Object.NoradCatId, Is.EqualTo(48274));
    }

    [Test]
    public async Task Everything_filed_while_offline_is_replayed_then_the_stream_goes_live()
    {
        var subscription = await Subscribe(new SubscriptionFilter { Kinds = { NotificationKind.Maneuver } });
        var whileAway = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            whileAway.Add((await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(20000 + i))))).Notification.Id);
            await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()));
        }

        using var stream = StreamProbe.Open(_subscriber, subscription.Id);
        var replayed = await stream.ReadUntilCaughtUpAsync();
        var live = (await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var all = await stream.ReadEventsAsync(26);

        Assert.That(replayed.Select(e => e.Notification.Id), Is.EqualTo(whileAway));
        Assert.That(all[^1].Notification.Id, Is.EqualTo(live.Id));
        Assert.That(stream.CaughtUpAt, Is.GreaterThanOrEqualTo(replayed[^1].Sequence));
    }

    [Test]
    public async Task A_dropped_stream_resumes_after_the_last_event_received_with_no_loss_and_no_duplicate()
    {
        var subscription = await Subscribe(new SubscriptionFilter());
        var filed = new List<string>();
        async Task FileSome(int count)
        {
            for (var i = 0; i < count; i++)
            {
                filed.Add((await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(30000 + filed.Count))))).Notification.Id);
            }
        }

        await FileSome(5);
        var received = new List<NotificationEvent>();
        using (var first = StreamProbe.Open(_subscriber, subscription.Id))
        {
            received.AddRange((await first.ReadEventsAsync(3)).Take(3));
        } // the connection drops after three events
        await FileSome(5);
        using (var second = StreamProbe.Open(_subscriber, subscription.Id, resumeAfter: received[^1].Sequence))
        {
            await second.ReadUntilCaughtUpAsync();
            await FileSome(2);
            received.AddRange(await second.ReadEventsAsync(filed.Count - 3));
        }

        Assert.That(received.Select(e => e.Notification.Id), Is.EqualTo(filed));
    }

    [Test]
    public async Task The_acknowledged_position_is_durable_and_is_where_a_plain_reconnect_starts()
    {
        var subscription = await Subscribe(new SubscriptionFilter());
        for (var i = 0; i < 4; i++)
        {
            await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(40000 + i))));
        }
        using (var stream = StreamProbe.Open(_subscriber, subscription.Id))
        {
            var events = await stream.ReadEventsAsync(4);
            var acked = await _subscriber.Subscriptions.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = events[1].Sequence });
            var stale = await _subscriber.Subscriptions.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = events[0].Sequence });
            Assert.That(acked.AcknowledgedSequence, Is.EqualTo(events[1].Sequence));
            Assert.That(stale.AcknowledgedSequence, Is.EqualTo(events[1].Sequence), "positions only move forward");
        }

        // The whole instance restarts on the same store.
        await _host.DisposeAsync();
        _host = await ExchangeHost.StartAsync(_database.Path);
        var subscriber = _host.Client(await NewKeyFor("watcher-ops"));
        using var again = StreamProbe.Open(subscriber, subscription.Id);
        var replayed = await again.ReadUntilCaughtUpAsync();

        Assert.That(replayed.Select(e => e.Notification.Maneuver.Object.NoradCatId), Is.EqualTo(new uint[] { 40002, 40003 }));
        await GrpcAssert.FailsWithAsync(StatusCode.InvalidArgument, async () =>
            await subscriber.Subscriptions.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = 1_000_000 }));
    }

    [Test]
    public async Task A_subscription_starting_at_the_earliest_position_replays_the_whole_log()
    {
        var early = (await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;
        var fromNow = await Subscribe(new SubscriptionFilter());
        var fromStart = await _subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            Name = "everything",
            Start = StartPosition.Earliest,
        });

        using var fromNowStream = StreamProbe.Open(_subscriber, fromNow.Id);
        using var fromStartStream = StreamProbe.Open(_subscriber, fromStart.Id);

        Assert.That(await fromNowStream.ReadUntilCaughtUpAsync(), Is.Empty);
        Assert.That((await fromStartStream.ReadUntilCaughtUpAsync()).Select(e => e.Notification.Id), Is.EqualTo(new[] { early.Id }));
    }

    [Test]
    public async Task Deleting_a_subscription_ends_its_open_stream()
    {
        var subscription = await Subscribe(new SubscriptionFilter());
        using var stream = StreamProbe.Open(_subscriber, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        await _subscriber.Subscriptions.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = subscription.Id });

        var ended = await stream.ReadUntilEndedAsync();
        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That((await _subscriber.Subscriptions.ListSubscriptionsAsync(new ListSubscriptionsRequest())).Subscriptions, Is.Empty);
    }

    [Test]
    public async Task Server_shutdown_ends_streams_with_unavailable_and_the_position_to_resume_after()
    {
        var subscription = await Subscribe(new SubscriptionFilter());
        using var stream = StreamProbe.Open(_subscriber, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();
        await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        var delivered = (await stream.ReadEventsAsync(1))[0];

        var stopping = _host.StopAsync();
        var ended = await stream.ReadUntilEndedAsync();
        await stopping;

        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(ended.Trailers.GetValue("nx-resume-after"), Is.EqualTo(delivered.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(ended.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason, Is.EqualTo("SERVER_SHUTTING_DOWN"));
    }

    [Test]
    public async Task A_quiet_stream_gets_heartbeats_with_the_head_sequence()
    {
        await _host.DisposeAsync();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string> { ["Exchange:FanOut:HeartbeatInterval"] = "00:00:00.200" });
        var subscriber = _host.Client(await NewKeyFor("watcher-ops"));
        var filer = _host.Client(await NewKeyFor("filer-ops"));
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;
        var subscription = await subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "quiet" });
        using var call = subscriber.Subscriptions.Subscribe(new SubscribeRequest { SubscriptionId = subscription.Id });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var kinds = new List<SubscriptionMessage.MessageOneofCase>();
        Heartbeat? heartbeat = null;
        while (heartbeat is null && await call.ResponseStream.MoveNext(timeout.Token))
        {
            kinds.Add(call.ResponseStream.Current.MessageCase);
            heartbeat = call.ResponseStream.Current.Heartbeat;
        }

        Assert.That(kinds[0], Is.EqualTo(SubscriptionMessage.MessageOneofCase.CaughtUp));
        Assert.That(heartbeat!.HeadSequence, Is.EqualTo(filed.Sequence));
    }

    [Test]
    public async Task Filters_are_validated()
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            Name = "",
            Filter = new SubscriptionFilter { Kinds = { (NotificationKind)9 }, NoradCatIds = { 0 }, FilingOperators = { "Not An Operator" }, Regimes = { OrbitalRegime.Unspecified } },
        }));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "name", "filter.kinds[0]", "filter.norad_cat_ids[0]", "filter.filing_operators[0]", "filter.regimes[0]" }));
    }

    private Task<Subscription> Subscribe(SubscriptionFilter filter) =>
        _subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "test", Filter = filter }).ResponseAsync;

    private async Task<string> NewKeyFor(string operatorId) =>
        (await _host.Admin().Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = operatorId })).ApiKey;
}
