using Grpc.Core;
using Grpc.Health.V1;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Defence in depth: a stored event that cannot be read back (here, as an earlier version stored a time it could not
/// serve: without its UTC designator; and a row damaged outright) fails only the reads of that very version. Lists
/// leave it out, streams say "this sequence is unreadable" in its place and go on, and everything else works,
/// across restarts.
/// </summary>
public class UnreadableEventTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private string _filerKey = null!;
    private string _subscriberKey = null!;
    private string _everything = null!;
    private string _otherObject = null!;

    [SetUp]
    public async Task FileThreeThenDamageTwoOfThem()
    {
        _database = new TestDatabase();
        await using (var first = await ExchangeHost.StartAsync(_database.Path))
        {
            _filerKey = await first.NewOperatorKeyAsync("damaged-ops");
            _subscriberKey = await first.NewOperatorKeyAsync("reading-ops");
            var filer = first.Client(_filerKey);
            var subscriber = first.Client(_subscriberKey);
            _everything = (await subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all", Start = StartPosition.Earliest })).Id;
            _otherObject = (await subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
            {
                Name = "another object", Start = StartPosition.Earliest, Filter = new SubscriptionFilter { NoradCatIds = { 43013 } },
            })).Id;
            for (var i = 1; i <= 3; i++)
            {
                var filed = await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), $"filing-{i}"));
                Assert.That(filed.Notification.Id, Is.EqualTo($"MNV-{i}"));
            }
            // MNV-2 version 2, at sequence 4, stays readable while its version 1 is damaged below
            await filer.Notifications.AmendNotificationAsync(new AmendNotificationRequest
            {
                NotificationId = "MNV-2", RequestId = "amend-2", Maneuver = Notices.Maneuver(), Reason = "refined",
            });
        }
        // Sequence 2 (MNV-2 version 1): every time loses its Z, as the version before this one stored a time it could
        // not represent. Sequence 3 (MNV-3, its only version): snapshot and match keys both damaged.
        await TestStore.ExecuteAsync(_database.Path, """
            UPDATE events SET snapshot = replace(snapshot, 'Z"', '"') WHERE sequence = 2;
            UPDATE events SET snapshot = '{"id": "MNV-3", "sequ', match_keys = 'not json' WHERE sequence = 3;
            """);
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task Reads_of_the_damaged_versions_answer_data_loss_and_everything_else_reads()
    {
        var reader = _host.Client(_subscriberKey);

        var listed = await reader.Notifications.ListNotificationsAsync(new ListNotificationsRequest());
        var one = await reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = "MNV-1", IncludeHistory = true });
        var two = await reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = "MNV-2", IncludeHistory = true });
        var twoFirst = await GrpcAssert.FailsWithAsync(StatusCode.DataLoss, async () =>
            await reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = "MNV-2", Version = 1 }));
        var three = await GrpcAssert.FailsWithAsync(StatusCode.DataLoss, async () =>
            await reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = "MNV-3" }));
        var health = await new Health.HealthClient(_host.AnonymousChannel()).CheckAsync(new HealthCheckRequest());

        Assert.That(listed.Notifications.Select(n => n.Id), Is.EqualTo(new[] { "MNV-2", "MNV-1" }), "the listing leaves out what it cannot read");
        Assert.That(one.History, Has.Count.EqualTo(1));
        Assert.That(two.Notification.Version, Is.EqualTo(2));
        Assert.That(two.History.Select(r => (r.Version, r.Notification is null, r.UnreadableReason.Contains("UTC", StringComparison.Ordinal))),
            Is.EqualTo(new[] { (1U, true, true), (2U, false, false) }), "the damaged version is shown as such; the history of the others reads");
        Assert.That(twoFirst.Status.Detail, Does.Contain("MNV-2 version 1 (sequence 2) cannot be read back").And.Contain("UTC"));
        Assert.That(three.Status.Detail, Does.Contain("MNV-3 version 1 (sequence 3) cannot be read back"));
        Assert.That(health.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task Streams_carry_unreadable_entries_in_their_place_and_stay_gapless_and_live()
    {
        var reader = _host.Client(_subscriberKey);
        var filer = _host.Client(_filerKey);
        var messages = new List<SubscriptionMessage>();
        using var call = reader.Subscriptions.Subscribe(new SubscribeRequest { SubscriptionId = _everything });
        using var timeout = new CancellationTokenSource(StreamProbe.DefaultWait);
        while (await call.ResponseStream.MoveNext(timeout.Token) && call.ResponseStream.Current.MessageCase != SubscriptionMessage.MessageOneofCase.CaughtUp)
        {
            messages.Add(call.ResponseStream.Current);
        }
        var caughtUp = call.ResponseStream.Current.CaughtUp;

        Assert.That(messages.Select(m => m.MessageCase), Is.EqualTo(new[]
        {
            SubscriptionMessage.MessageOneofCase.Event,
            SubscriptionMessage.MessageOneofCase.Unreadable,
            SubscriptionMessage.MessageOneofCase.Unreadable,
            SubscriptionMessage.MessageOneofCase.Event,
        }));
        Assert.That(messages[0].Event.Sequence, Is.EqualTo(1));
        Assert.That(messages[1].Unreadable, Has.Property("Sequence").EqualTo(2UL).And.Property("NotificationId").EqualTo("MNV-2")
            .And.Property("Version").EqualTo(1U).And.Property("EventType").EqualTo(NotificationEventType.Filed));
        Assert.That(messages[1].Unreadable.Reason, Does.Contain("UTC"));
        Assert.That(messages[2].Unreadable.Sequence, Is.EqualTo(3));
        Assert.That(messages[3].Event.Notification, Has.Property("Id").EqualTo("MNV-2").And.Property("Version").EqualTo(2U));
        Assert.That(caughtUp.Sequence, Is.EqualTo(4));

        var fourth = await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), "filing-4"));
        Assert.That(await call.ResponseStream.MoveNext(timeout.Token), Is.True);
        Assert.That(call.ResponseStream.Current.Event?.Sequence, Is.EqualTo(fourth.Notification.Sequence), "the stream goes on live");
    }

    [Test]
    public async Task Changes_and_retries_that_need_a_damaged_version_answer_data_loss()
    {
        var filer = _host.Client(_filerKey);

        await GrpcAssert.FailsWithAsync(StatusCode.DataLoss, async () => await filer.Notifications.CancelNotificationAsync(
            new CancelNotificationRequest { NotificationId = "MNV-3", RequestId = "cancel-3", Reason = "superseded" }));
        var retry = await GrpcAssert.FailsWithAsync(StatusCode.DataLoss, async () =>
            await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), "filing-3")));
        var cancelled = await filer.Notifications.CancelNotificationAsync(
            new CancelNotificationRequest { NotificationId = "MNV-1", RequestId = "cancel-1", Reason = "superseded" });

        Assert.That(retry.Status.Detail, Does.Contain("MNV-3"));
        Assert.That(cancelled.Notification.Status, Is.EqualTo(NotificationStatus.Cancelled));
    }

    [Test]
    public async Task An_unreadable_entry_reaches_only_the_streams_it_may_concern()
    {
        var reader = _host.Client(_subscriberKey);
        using var stream = StreamProbe.Open(reader, _otherObject);
        var messages = new List<SubscriptionMessage>();
        using var timeout = new CancellationTokenSource(StreamProbe.DefaultWait);
        while (await stream.Reader.MoveNext(timeout.Token) && stream.Reader.Current.MessageCase != SubscriptionMessage.MessageOneofCase.CaughtUp)
        {
            messages.Add(stream.Reader.Current);
        }

        // Sequence 2's match keys still read (it concerns 25544, not 43013): it is passed over. Sequence 3's do not:
        // whether it concerns this subscription cannot be known, so the stream is told it exists.
        Assert.That(messages.Select(m => m.Unreadable?.Sequence), Is.EqualTo(new ulong?[] { 3 }));
    }
}
