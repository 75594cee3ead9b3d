using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class LifecycleTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _esa = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _esa = await _host.NewOperatorAsync("esa-ops");
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_filed_maneuver_is_stored_with_its_envelope_and_derived_regime()
    {
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;

        var fetched = (await _esa.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;

        Assert.Multiple(() =>
        {
            Assert.That(filed.Id, Does.Match("^MNV-[0-9]+$"));
            Assert.That(filed.Sequence, Is.GreaterThan(0));
            Assert.That(filed.Version, Is.EqualTo(1));
            Assert.That(filed.Status, Is.EqualTo(NotificationStatus.Filed));
            Assert.That(filed.FilingOperator, Is.EqualTo("esa-ops"));
            Assert.That(filed.Kind, Is.EqualTo(NotificationKind.Maneuver));
            Assert.That(filed.Visibility, Is.EqualTo(Visibility.Public));
            Assert.That(filed.Regimes, Is.EqualTo(new[] { OrbitalRegime.Leo }));
            Assert.That(fetched.AsAnswered(), Is.EqualTo(filed), "what Get returns is what File answered");
            Assert.That(fetched.Maneuver, Is.EqualTo(Notices.Maneuver()).Using<ManeuverNotice>(SameExceptWindows));
        });
    }

    [Test]
    public async Task Amend_cancel_and_report_make_versions_that_stay_retrievable()
    {
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.ProximityOperation()))).Notification;
        var changed = Notices.ProximityOperation();
        changed.PlannedClosestApproachM = 100;
        changed.Phases[2].RangeM = 100;

        var amended = (await _esa.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filed.Id,
            RequestId = "amend-1",
            ExpectedVersion = 1,
            ProximityOperation = changed,
            Reason = "Target operator asked for a wider margin",
        })).Notification;

        var report = new ExecutionReport
        {
            Outcome = ExecutionOutcome.AsPlanned,
            ProximityOperation = new ProximityOperationExecution
            {
                ActualWindow = Notices.Window(TimeSpan.FromHours(-3), TimeSpan.FromHours(2)),
                ActualClosestApproachM = 104,
            },
        };
        var completed = (await _esa.Notifications.ReportExecutionAsync(new ReportExecutionRequest
        {
            NotificationId = filed.Id,
            RequestId = "report-1",
            Report = report,
        })).Notification;

        var history = (await _esa.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, IncludeHistory = true })).History;
        var version2 = (await _esa.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, Version = 2 })).Notification;

        Assert.Multiple(() =>
        {
            Assert.That(amended.Version, Is.EqualTo(2));
            Assert.That(amended.Status, Is.EqualTo(NotificationStatus.Amended));
            Assert.That(amended.ChangeReason, Is.EqualTo("Target operator asked for a wider margin"));
            Assert.That(amended.Sequence, Is.GreaterThan(filed.Sequence));
            Assert.That(completed.Version, Is.EqualTo(3));
            Assert.That(completed.Status, Is.EqualTo(NotificationStatus.Completed));
            Assert.That(completed.Execution.ProximityOperation.ActualClosestApproachM, Is.EqualTo(104));
            Assert.That(completed.Execution.ReportedAt, Is.Not.Null);
            Assert.That(history.Select(h => h.EventType), Is.EqualTo(new[]
            {
                NotificationEventType.Filed, NotificationEventType.Amended, NotificationEventType.ExecutionReported,
            }));
            Assert.That(history.Select(h => h.Version), Is.EqualTo(new uint[] { 1, 2, 3 }));
            Assert.That(history[0].Notification.ProximityOperation.PlannedClosestApproachM, Is.EqualTo(50), "version 1 keeps its content");
            Assert.That(version2.AsAnswered(), Is.EqualTo(amended));
        });
    }

    [Test]
    public async Task A_cancelled_notification_cannot_be_amended_cancelled_or_reported()
    {
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;
        var cancelled = (await _esa.Notifications.CancelNotificationAsync(new CancelNotificationRequest
        {
            NotificationId = filed.Id,
            RequestId = "cancel-1",
            Reason = "Launch slipped to next quarter",
        })).Notification;

        Assert.That(cancelled.Status, Is.EqualTo(NotificationStatus.Cancelled));
        Assert.That(cancelled.Cancellation.Reason, Is.EqualTo("Launch slipped to next quarter"));
        await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () =>
            await _esa.Notifications.AmendNotificationAsync(new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "amend-after-cancel", Launch = Notices.Launch() }));
        await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () =>
            await _esa.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = filed.Id, RequestId = "cancel-2", Reason = "again" }));
        await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () =>
            await _esa.Notifications.ReportExecutionAsync(new ReportExecutionRequest
            {
                NotificationId = filed.Id,
                RequestId = "report-after-cancel",
                Report = new ExecutionReport { Outcome = ExecutionOutcome.AsPlanned, Launch = new LaunchExecution { LiftoffTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) } },
            }));
    }

    [Test]
    public async Task An_amendment_with_a_stale_expected_version_is_aborted_and_changes_nothing()
    {
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        await _esa.Notifications.AmendNotificationAsync(new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "a1", ExpectedVersion = 1, Maneuver = Notices.Maneuver() });

        await GrpcAssert.FailsWithAsync(StatusCode.Aborted, async () =>
            await _esa.Notifications.AmendNotificationAsync(new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "a2", ExpectedVersion = 1, Maneuver = Notices.Maneuver() }));

        var latest = (await _esa.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;
        Assert.That(latest.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task An_amendment_cannot_change_the_kind_and_a_report_must_match_it()
    {
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;

        var amendFields = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.AmendNotificationAsync(new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "k1", Launch = Notices.Launch() }));
        var reportFields = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.ReportExecutionAsync(new ReportExecutionRequest
            {
                NotificationId = filed.Id,
                RequestId = "k2",
                Report = new ExecutionReport { Outcome = ExecutionOutcome.AsPlanned, Launch = new LaunchExecution { LiftoffTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) } },
            }));

        Assert.That(amendFields.Keys, Is.EqualTo(new[] { "launch" }));
        Assert.That(reportFields.Keys, Is.EqualTo(new[] { "report.launch" }));
    }

    [Test]
    public async Task Unknown_notifications_are_not_found()
    {
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await _esa.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = "MNV-999999" }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await _esa.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = "RPO-424242", RequestId = "c", Reason = "r" }));
    }

    [Test]
    public async Task List_filters_by_kind_object_operator_status_and_activity_window_and_pages_newest_first()
    {
        var jaxa = await _host.NewOperatorAsync("jaxa-ops");
        var m1 = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(25544)))).Notification;
        var m2 = (await jaxa.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(43013)))).Notification;
        var rpo = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.ProximityOperation(53000, 25544)))).Notification;
        var launch = (await jaxa.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;
        await jaxa.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = m2.Id, RequestId = "c", Reason = "not needed" });

        async Task<string[]> Ids(ListNotificationsRequest request) =>
            (await _esa.Notifications.ListNotificationsAsync(request)).Notifications.Select(n => n.Id).ToArray();

        Assert.That(await Ids(new ListNotificationsRequest()), Is.EqualTo(new[] { launch.Id, rpo.Id, m2.Id, m1.Id }));
        Assert.That(await Ids(new ListNotificationsRequest { Kinds = { NotificationKind.Maneuver } }), Is.EqualTo(new[] { m2.Id, m1.Id }));
        Assert.That(await Ids(new ListNotificationsRequest { NoradCatId = 25544 }), Is.EqualTo(new[] { rpo.Id, m1.Id }));
        Assert.That(await Ids(new ListNotificationsRequest { FilingOperator = "jaxa-ops" }), Is.EqualTo(new[] { launch.Id, m2.Id }));
        Assert.That(await Ids(new ListNotificationsRequest { Statuses = { NotificationStatus.Cancelled } }), Is.EqualTo(new[] { m2.Id }));
        Assert.That(await Ids(new ListNotificationsRequest { ActiveDuring = Notices.Window(TimeSpan.FromDays(9), TimeSpan.FromDays(2)) }), Is.EqualTo(new[] { launch.Id }));

        var first = await _esa.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 3 });
        var second = await _esa.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 3, PageToken = first.NextPageToken });
        Assert.That(first.Notifications.Select(n => n.Id), Is.EqualTo(new[] { launch.Id, rpo.Id, m2.Id }));
        Assert.That(second.Notifications.Select(n => n.Id), Is.EqualTo(new[] { m1.Id }));
        Assert.That(second.NextPageToken, Is.Empty);
    }

    /// <summary>Equal content, leaving aside the timestamps the builder derives from "now".</summary>
    private static bool SameExceptWindows(ManeuverNotice a, ManeuverNotice b)
    {
        var left = a.Clone();
        var right = b.Clone();
        left.ExecutionWindow = right.ExecutionWindow = null;
        left.ExpectedOrbit.MeanElements.Epoch = right.ExpectedOrbit.MeanElements.Epoch = null;
        return left.Equals(right);
    }
}
