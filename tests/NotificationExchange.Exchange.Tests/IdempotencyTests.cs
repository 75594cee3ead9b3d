using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class IdempotencyTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _operator = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _operator = await _host.NewOperatorAsync("retrying-ops");
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_retried_filing_returns_the_first_result_and_files_nothing_new()
    {
        var request = Notices.File(Notices.Maneuver(), "file-once");

        var first = await _operator.Notifications.FileNotificationAsync(request);
        var retry = await _operator.Notifications.FileNotificationAsync(request);

        Assert.That(first.Replayed, Is.False);
        Assert.That(retry.Replayed, Is.True);
        Assert.That(retry.Notification, Is.EqualTo(first.Notification));
        Assert.That((await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest())).Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_retries_of_one_request_file_exactly_once()
    {
        var request = Notices.File(Notices.Launch(), "racing");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ => await _operator.Notifications.FileNotificationAsync(request)));

        Assert.That(answers.Select(a => a.Notification.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(answers.Count(a => !a.Replayed), Is.EqualTo(1));
        Assert.That((await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest())).Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_request_id_reused_for_different_content_is_refused()
    {
        await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(25544), "reused"));

        var fields = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(43013), "reused")));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "request_id" }));
        Assert.That(fields["request_id"], Does.Contain("already used for a different request"));
    }

    [Test]
    public async Task Request_ids_belong_to_their_operator()
    {
        var other = await _host.NewOperatorAsync("other-retrier");

        var mine = await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), "shared-id"));
        var theirs = await other.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), "shared-id"));

        Assert.That(theirs.Replayed, Is.False);
        Assert.That(theirs.Notification.Id, Is.Not.EqualTo(mine.Notification.Id));
    }

    [Test]
    public async Task Retried_amendments_and_cancellations_make_one_version_each()
    {
        var filed = (await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var amend = new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "amend-retry", Maneuver = Notices.Maneuver() };
        var cancel = new CancelNotificationRequest { NotificationId = filed.Id, RequestId = "cancel-retry", Reason = "superseded" };

        var amended = await _operator.Notifications.AmendNotificationAsync(amend);
        var amendedAgain = await _operator.Notifications.AmendNotificationAsync(amend);
        var cancelled = await _operator.Notifications.CancelNotificationAsync(cancel);
        var cancelledAgain = await _operator.Notifications.CancelNotificationAsync(cancel);

        Assert.That(amendedAgain.Notification, Is.EqualTo(amended.Notification));
        Assert.That(cancelledAgain.Notification, Is.EqualTo(cancelled.Notification), "the retry is answered even though the notification is now cancelled");
        var history = (await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, IncludeHistory = true })).History;
        Assert.That(history.Select(h => h.EventType), Is.EqualTo(new[] { NotificationEventType.Filed, NotificationEventType.Amended, NotificationEventType.Cancelled }));
    }
}
