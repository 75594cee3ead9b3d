using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class IdempotencyTests
{
    private TestDatabase _database = null!;
    private FakeTimeProvider _clock = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _operator = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        // the exchange's clock, moved on by tests to make what was once valid invalid (notices' windows are from the real now)
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _host = await ExchangeHost.StartAsync(_database.Path, services: services => services.AddSingleton<TimeProvider>(_clock));
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

    [Test]
    public async Task A_retry_after_the_window_has_passed_gets_the_first_answer()
    {
        var request = Notices.File(Notices.Maneuver(), "file-then-wait");
        var first = await _operator.Notifications.FileNotificationAsync(request);

        _clock.Advance(TimeSpan.FromHours(7));
        var retry = await _operator.Notifications.FileNotificationAsync(request);
        var fresh = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Notifications.FileNotificationAsync(Notices.File(request.Maneuver, "too-late")));

        Assert.That(retry.Replayed, Is.True);
        Assert.That(retry.Notification, Is.EqualTo(first.Notification));
        Assert.That(fresh.Keys, Is.EqualTo(new[] { "maneuver.execution_window.end" }), "the same notice under a new request id is a new request, refused");
    }

    [Test]
    public async Task A_different_request_under_a_used_id_is_refused_on_the_id_even_after_the_window_has_passed()
    {
        var request = Notices.File(Notices.Maneuver(), "file-then-change");
        await _operator.Notifications.FileNotificationAsync(request);

        _clock.Advance(TimeSpan.FromHours(7));
        var changed = request.Clone();
        changed.Maneuver.Remarks = "rebuilt on retry";
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(changed));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "request_id" }));
        Assert.That(fields["request_id"], Does.Contain("it differs in maneuver.remarks (first Debris avoidance").And.Contain("now rebuilt on retry)"));
    }

    [Test]
    public async Task Retried_amendments_cancellations_and_reports_get_their_first_answers_after_the_window_has_passed()
    {
        var amended = (await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var amend = new AmendNotificationRequest { NotificationId = amended.Id, RequestId = "amend-then-wait", Maneuver = Notices.Maneuver() };
        var amendAnswer = await _operator.Notifications.AmendNotificationAsync(amend);
        var cancelled = (await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var cancel = new CancelNotificationRequest { NotificationId = cancelled.Id, RequestId = "cancel-then-wait", Reason = "superseded" };
        var cancelAnswer = await _operator.Notifications.CancelNotificationAsync(cancel);
        var reported = (await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var report = new ReportExecutionRequest
        {
            NotificationId = reported.Id,
            RequestId = "report-then-wait",
            Report = new ExecutionReport
            {
                Outcome = ExecutionOutcome.AsPlanned,
                Maneuver = new ManeuverExecution
                {
                    ActualWindow = new TimeWindow
                    {
                        Start = Timestamp.FromDateTimeOffset(_clock.GetUtcNow().AddMinutes(-20)),
                        End = Timestamp.FromDateTimeOffset(_clock.GetUtcNow().AddMinutes(-10)),
                    },
                },
            },
        };
        var reportAnswer = await _operator.Notifications.ReportExecutionAsync(report);

        _clock.Advance(TimeSpan.FromHours(7));

        var amendRetry = await _operator.Notifications.AmendNotificationAsync(amend);
        var cancelRetry = await _operator.Notifications.CancelNotificationAsync(cancel);
        var reportRetry = await _operator.Notifications.ReportExecutionAsync(report);
        Assert.That((amendRetry.Replayed, cancelRetry.Replayed, reportRetry.Replayed), Is.EqualTo((true, true, true)));
        Assert.That(amendRetry.Notification, Is.EqualTo(amendAnswer.Notification));
        Assert.That(cancelRetry.Notification, Is.EqualTo(cancelAnswer.Notification));
        Assert.That(reportRetry.Notification, Is.EqualTo(reportAnswer.Notification));
        var changedAmend = amend.Clone();
        changedAmend.Reason = "another reason";
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.AmendNotificationAsync(changedAmend));
        Assert.That(fields["request_id"], Does.Contain("it differs in reason (first unset, now another reason)"));
    }

    [Test]
    public async Task A_request_that_cannot_be_built_under_a_used_id_is_refused_for_its_faults()
    {
        await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), "then-empty"));

        var fields = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "then-empty" }));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "content" }));
    }
}
