using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Values that parse as protobuf but that nothing behind the wire can hold (timestamps out of range, NaN, unknown enum
/// numbers), and bytes that do not parse at all, are refused with the right status and field, and leave nothing behind.
/// </summary>
public class WireValueTests
{
    private const long Year10000 = 253_402_300_800; // 10000-01-01T00:00:00Z, one second past the last Timestamp

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _operator = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _operator = await _host.NewOperatorAsync("wire-ops");
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task An_orbit_epoch_in_the_year_10000_is_refused_by_its_path_and_nothing_is_stored()
    {
        var notice = Notices.Maneuver();
        notice.ExpectedOrbit.MeanElements.Epoch = new Timestamp { Seconds = Year10000 };
        var request = Notices.File(notice, "epoch-10000");

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(request));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "maneuver.expected_orbit.mean_elements.epoch" }));
        Assert.That(fields["maneuver.expected_orbit.mean_elements.epoch"], Does.Contain("253402300800").And.Contain("9999-12-31"));
        // the retry of the same request is refused the same way, and the request id is still free
        await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(request));
        var fixedRequest = Notices.File(Notices.Maneuver(), "epoch-10000");
        Assert.That((await _operator.Notifications.FileNotificationAsync(fixedRequest)).Replayed, Is.False);
        await AssertEverythingReadableAsync();
    }

    [Test]
    public async Task A_liftoff_time_with_negative_nanos_is_refused_by_its_path()
    {
        var launch = (await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;
        var report = new ReportExecutionRequest
        {
            NotificationId = launch.Id,
            RequestId = Guid.NewGuid().ToString(),
            Report = new ExecutionReport
            {
                Outcome = ExecutionOutcome.AsPlanned,
                Launch = new LaunchExecution { LiftoffTime = new Timestamp { Seconds = 1_700_000_000, Nanos = -1 } },
            },
        };

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.ReportExecutionAsync(report));

        Assert.That(fields, Does.ContainKey("report.launch.liftoff_time"));
        Assert.That(fields["report.launch.liftoff_time"], Does.Contain("nanos -1"));
        var stored = await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = launch.Id });
        Assert.That(stored.Notification.Version, Is.EqualTo(1), "nothing was recorded");
        await AssertEverythingReadableAsync();
    }

    [Test]
    public async Task Window_timestamps_out_of_range_name_the_bad_end_not_the_window()
    {
        var badNanos = Notices.Maneuver();
        badNanos.ExecutionWindow.Start.Nanos = 1_000_000_000;
        var year10000 = Notices.Maneuver();
        year10000.ExecutionWindow.End = new Timestamp { Seconds = Year10000 };

        var nanos = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(badNanos)));
        var end = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(year10000)));

        Assert.That(nanos.Keys, Is.EqualTo(new[] { "maneuver.execution_window.start" }));
        Assert.That(nanos["maneuver.execution_window.start"], Does.Contain("nanos 1000000000 is outside 0 to 999999999"));
        Assert.That(end.Keys, Is.EqualTo(new[] { "maneuver.execution_window.end" }));
        Assert.That(end["maneuver.execution_window.end"], Does.Not.Contain("before start").And.Contain("outside the range of a Timestamp"));
    }

    [Test]
    public async Task Values_nothing_can_hold_are_found_in_every_message_of_a_type_and_in_repeated_ones()
    {
        var notice = Notices.ProximityOperation();
        notice.OperationsWindow.Start.Nanos = -5;
        notice.Phases[1].Window = Notices.Window(TimeSpan.FromDays(2.5), TimeSpan.FromHours(1));
        notice.Phases[1].Window.End.Nanos = 2_000_000_000;
        notice.Phases[2].RangeM = double.NegativeInfinity;

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields["proximity_operation.operations_window.start"], Does.Contain("nanos -5"));
        Assert.That(fields["proximity_operation.phases[1].window.end"], Does.Contain("nanos 2000000000"), "a second TimeWindow, in a repeated field");
        Assert.That(fields["proximity_operation.phases[2].range_m"], Does.Contain("-Infinity is not a finite number"));
    }

    [Test]
    public async Task Times_the_exchange_does_not_accept_are_refused_naming_the_range()
    {
        var ancient = Notices.Maneuver();
        ancient.ExpectedOrbit.MeanElements.Epoch = Timestamp.FromDateTime(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var farOff = Notices.Maneuver();
        farOff.ExecutionWindow = new TimeWindow
        {
            Start = Timestamp.FromDateTime(new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            End = Timestamp.FromDateTime(new DateTime(9000, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
        };

        var epoch = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(ancient)));
        var window = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(farOff)));

        Assert.That(epoch["maneuver.expected_orbit.mean_elements.epoch"], Does.Contain("1900-01-01").And.Contain("1957-01-01 to 2099-12-31"));
        Assert.That(window.Keys, Is.EquivalentTo(new[] { "maneuver.execution_window.start", "maneuver.execution_window.end" }));
    }

    [Test]
    public async Task NaN_and_infinite_numbers_are_refused_wherever_they_are()
    {
        var notice = Notices.Launch();
        notice.LaunchAzimuthDeg = double.NaN;
        notice.HazardAreas[0].Box.MaxLongitudeDeg = double.PositiveInfinity;

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "launch.launch_azimuth_deg", "launch.hazard_areas[0].box.max_longitude_deg" }));
        Assert.That(fields["launch.launch_azimuth_deg"], Does.Contain("NaN is not a finite number"));
    }

    [Test]
    public async Task Unknown_enum_numbers_are_refused_in_every_request_including_the_subscription_start()
    {
        var start = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "odd start", Start = (StartPosition)7 }));
        var export = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = "MNV-1", Format = (ExportFormat)9 }));
        var list = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { Kinds = { NotificationKind.Maneuver, (NotificationKind)12 } }));
        var purpose = Notices.Maneuver();
        purpose.Purpose = (ManeuverPurpose)42;
        var notice = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(purpose)));

        Assert.That(start["start"], Does.Contain("unknown value 7 of StartPosition"));
        Assert.That(export.Keys, Is.EqualTo(new[] { "format" }));
        Assert.That(list.Keys, Is.EqualTo(new[] { "kinds[1]" }));
        Assert.That(notice["maneuver.purpose"], Does.Contain("unknown value 42"));
        Assert.That((await _operator.Subscriptions.ListSubscriptionsAsync(new ListSubscriptionsRequest())).Subscriptions, Is.Empty,
            "the subscription with an unknown start was not created");
    }

    [Test]
    public async Task Values_nothing_can_hold_and_the_other_faults_of_a_request_are_named_together()
    {
        var notice = Notices.Launch();
        notice.LaunchAzimuthDeg = double.NaN;
        notice.LaunchWindow.End = new Timestamp { Seconds = Year10000 };
        notice.Vehicle = "";
        notice.PayloadCount = 0;

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "launch.launch_azimuth_deg", "launch.launch_window.end", "launch.vehicle", "launch.payload_count" }));
        Assert.That(fields["launch.launch_window.end"], Does.Contain("outside the range of a Timestamp").And.Not.Contain("required"),
            "the domain's view of the unreadable end (absent) is not repeated");
    }

    [Test]
    public async Task A_request_with_thousands_of_bad_values_gets_a_readable_answer_naming_the_first_of_them()
    {
        var filter = new SubscriptionFilter();
        filter.NoradCatIds.AddRange(Enumerable.Repeat(0u, 10_000));
        var hugeId = new string('Q', 1_000_000);

        var violations = await GrpcAssert.ViolationsAsync(async () =>
            await _operator.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "too many", Filter = filter }));
        var notFound = await GrpcAssert.FailsWithAsync(StatusCode.InvalidArgument, async () =>
            await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = hugeId }));

        Assert.That(violations, Has.Count.InRange(100, 1000), "the first few hundred, within what trailers can carry");
        Assert.That(violations[0].Field, Is.EqualTo("filter.norad_cat_ids[0]"));
        Assert.That(violations[^1].Description, Does.Contain($"and {10_000 - (violations.Count - 1)} more violations not listed"));
        Assert.That(notFound.Status.Detail.Length, Is.LessThanOrEqualTo(600), "a megabyte quoted back is cut short");
    }

    [Test]
    public async Task Bytes_that_are_not_a_valid_message_are_answered_internal_error_parsing_request()
    {
        // Field 1 (request_id, a string) with wire type 2 and a length running past the end: no valid message.
        byte[] garbage = [0x0A, 0x7F, 0x41, 0x42];
        var invoker = ExchangeHost.ApiKeyChannel(_host.Address, ExchangeHost.AdminKey).CreateCallInvoker();
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);

        var unary = await GrpcAssert.FailsWithAsync(StatusCode.Internal, async () => await invoker.AsyncUnaryCall(
            new Method<byte[], byte[]>(MethodType.Unary, "notification_exchange.v1.NotificationService", "FileNotification", bytes, bytes),
            null, new CallOptions(), garbage));
        var streaming = await GrpcAssert.FailsWithAsync(StatusCode.Internal, async () =>
        {
            using var call = invoker.AsyncServerStreamingCall(
                new Method<byte[], byte[]>(MethodType.ServerStreaming, "notification_exchange.v1.SubscriptionService", "Subscribe", bytes, bytes),
                null, new CallOptions(), garbage);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.That(unary.Status.Detail, Is.EqualTo("error parsing request"));
        Assert.That(streaming.Status.Detail, Is.EqualTo("error parsing request"));
        // an administrator-only call still answers PERMISSION_DENIED to an operator: binding kept the method attributes
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () =>
            await _operator.Operators.ListOperatorsAsync(new ListOperatorsRequest()));
    }

    [Test]
    public async Task A_hold_phase_or_a_closest_approach_at_zero_metres_is_refused_unless_docking()
    {
        var hold = Notices.ProximityOperation();
        hold.PlannedClosestApproachM = 0;
        hold.KeepOutRadiusM = 0;
        hold.Phases[1].RangeM = 0;
        var docking = Notices.ProximityOperation();
        docking.PlannedClosestApproachM = 0;
        docking.KeepOutRadiusM = 0;
        docking.Purpose = ProximityOperationPurpose.Docking;
        docking.Phases.Add(new ApproachPhase { Type = ApproachPhaseType.DockingOrCapture, RangeM = 0 });

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(hold)));
        var docked = await _operator.Notifications.FileNotificationAsync(Notices.File(docking));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "proximity_operation.planned_closest_approach_m", "proximity_operation.phases[1].range_m" }));
        Assert.That(fields["proximity_operation.phases[1].range_m"], Does.Contain("above 0 m"));
        Assert.That(docked.Notification.ProximityOperation.Phases[^1].RangeM, Is.Zero);
    }

    [Test]
    public async Task A_rebuilt_retry_is_refused_saying_what_differs()
    {
        var first = Notices.Maneuver();
        await _operator.Notifications.FileNotificationAsync(Notices.File(first, "rebuilt"));
        var rebuilt = first.Clone();
        rebuilt.ExecutionWindow.Start = Timestamp.FromDateTime(first.ExecutionWindow.Start.ToDateTime().AddSeconds(5));

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(rebuilt, "rebuilt")));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "request_id" }));
        Assert.That(fields["request_id"], Does.Contain("maneuver.execution_window.start (first ")
            .And.Contain(first.ExecutionWindow.Start.ToDateTime().ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("repeat the first request exactly"));
    }

    /// <summary>Listing, every notification and a replay of the whole log work for a newcomer.</summary>
    private async Task AssertEverythingReadableAsync()
    {
        var listed = await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 500 });
        foreach (var notification in listed.Notifications)
        {
            await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = notification.Id, IncludeHistory = true });
        }
        var subscription = await _operator.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = $"check {Guid.NewGuid():N}", Start = StartPosition.Earliest });
        using var stream = StreamProbe.Open(_operator, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();
        await _operator.Subscriptions.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = subscription.Id });
    }
}
