using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>Bad input is answered with INVALID_ARGUMENT naming every bad field, and nothing is stored.</summary>
public class ValidationTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _operator = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _operator = await _host.NewOperatorAsync("validation-ops");
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task Every_bad_field_of_a_maneuver_is_named()
    {
        var notice = Notices.Maneuver();
        notice.Object.NoradCatId = 400_000;
        notice.Object.CosparId = "98-067A";
        notice.ExecutionWindow.End = Timestamp.FromDateTime(notice.ExecutionWindow.Start.ToDateTime().AddMinutes(-5));
        notice.Purpose = ManeuverPurpose.Unspecified;
        notice.PlannedDeltaV.ComponentsMps.InTrack = 2.0;
        notice.CurrentOrbit.Tle.Line1 = notice.CurrentOrbit.Tle.Line1[..68] + "0";
        notice.ExpectedOrbit.MeanElements.InclinationDeg = 200;
        notice.Remarks = new string('x', 2001);
        notice.Contact = new PointOfContact { Name = "Duty officer" };

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[]
        {
            "maneuver.object.norad_cat_id",
            "maneuver.object.cospar_id",
            "maneuver.execution_window.end",
            "maneuver.purpose",
            "maneuver.planned_delta_v.components_mps",
            "maneuver.current_orbit.tle.line1",
            "maneuver.expected_orbit.mean_elements.inclination_deg",
            "maneuver.remarks",
            "maneuver.contact",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(fields["maneuver.object.norad_cat_id"], Does.Contain("400000").And.Contain("339999"));
            Assert.That(fields["maneuver.purpose"], Does.Contain("is required"));
            Assert.That(fields["maneuver.current_orbit.tle.line1"], Does.Contain("column 69").And.Contain("checksum"));
            Assert.That(fields["maneuver.remarks"], Does.Contain("2001 characters"));
            Assert.That(fields["maneuver.contact"], Does.Contain("email or a phone"));
        });
    }

    [Test]
    public async Task A_refused_filing_of_3_5_MB_is_answered_by_field_not_by_a_reset()
    {
        // Under gRPC's 4 MiB receive limit, so the request is read whole and validated; a refusal this large must
        // still come back as INVALID_ARGUMENT naming the field.
        var notice = Notices.Maneuver();
        notice.Remarks = new string('x', 3_500_000);

        var remarks = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));
        var oem = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(
            new FileNotificationRequest { RequestId = "oem-of-3-5-mb", Maneuver = Notices.Maneuver(), PlannedEphemerisOem = new string('o', 3_500_000) }));

        Assert.That(remarks.Keys, Is.EquivalentTo(new[] { "maneuver.remarks" }));
        Assert.That(oem.Keys, Is.EquivalentTo(new[] { "planned_ephemeris_oem" }));
    }

    [Test]
    public async Task A_window_that_has_already_ended_is_refused()
    {
        var notice = Notices.Maneuver();
        notice.ExecutionWindow = Notices.Window(TimeSpan.FromHours(-3), TimeSpan.FromHours(1));

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "maneuver.execution_window.end" }));
        Assert.That(fields["maneuver.execution_window.end"], Does.Contain("has already passed"));
    }

    [Test]
    public async Task Every_bad_field_of_a_proximity_operation_is_named()
    {
        var notice = Notices.ProximityOperation();
        notice.Target.NoradCatId = notice.Chaser.NoradCatId;
        notice.ConsentReference = "";
        notice.OperationsWindow.Start = null;
        notice.Phases[1].RangeM = 10;
        notice.Phases[0].Type = ApproachPhaseType.Unspecified;
        notice.AbortPlan = "";
        notice.Consent = TargetConsent.Cooperative;
        notice.ChaserOrbit.MeanElements.Eccentricity = 1.5;

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[]
        {
            "proximity_operation.target.norad_cat_id",
            "proximity_operation.consent_reference",
            "proximity_operation.operations_window.start",
            "proximity_operation.phases[0].type",
            "proximity_operation.phases[1].range_m",
            "proximity_operation.abort_plan",
            "proximity_operation.chaser_orbit.mean_elements.eccentricity",
        }));
        Assert.That(fields["proximity_operation.phases[1].range_m"], Does.Contain("closer than planned_closest_approach_m"));
    }

    [Test]
    public async Task Every_bad_field_of_a_launch_is_named()
    {
        var notice = Notices.Launch();
        notice.Vehicle = "";
        notice.Site.Location.LatitudeDeg = 95;
        notice.LaunchAzimuthDeg = 360;
        notice.PayloadOrbits[0].ApogeeAltitudeKm = 500;
        notice.PayloadOrbits[0].PerigeeAltitudeKm = 600;
        notice.PayloadCount = 0;
        notice.HazardAreas.Add(new HazardArea { DiscardedItem = "fairing", Window = Notices.Window(TimeSpan.FromDays(10), TimeSpan.FromHours(1)) });
        notice.HazardAreas.Add(new HazardArea
        {
            DiscardedItem = "upper stage",
            Polygon = new GeoPolygon { Vertices = { new GeoPoint { LatitudeDeg = 1, LongitudeDeg = 2 }, new GeoPoint { LatitudeDeg = 2, LongitudeDeg = 3 } } },
            Window = Notices.Window(TimeSpan.FromDays(10), TimeSpan.FromHours(1)),
        });

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[]
        {
            "launch.vehicle",
            "launch.site.location.latitude_deg",
            "launch.launch_azimuth_deg",
            "launch.payload_orbits[0].apogee_altitude_km",
            "launch.payload_count",
            "launch.hazard_areas[1]",
            "launch.hazard_areas[2].polygon.vertices",
        }));
    }

    [Test]
    public async Task A_contact_email_with_a_control_character_is_refused()
    {
        var notice = Notices.Maneuver();
        notice.Contact.Email = "fdo\u0001@example.org";

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EqualTo(new[] { "maneuver.contact.email" }));
    }

    [Test]
    public async Task A_request_without_id_or_content_is_refused_naming_both()
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(new FileNotificationRequest()));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "request_id", "content" }));
    }

    [Test]
    public async Task Related_notifications_must_exist()
    {
        var request = Notices.File(Notices.Maneuver());
        request.RelatedNotificationIds.Add("MNV-987654");
        request.RelatedNotificationIds.Add("not-an-id");

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(request));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "related_notification_ids[1]" }), "the malformed id is caught before the store is asked");
        request.RelatedNotificationIds.RemoveAt(1);
        var missing = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(request));
        Assert.That(missing["related_notification_ids[0]"], Does.Contain("no notification MNV-987654"));
    }

    [Test]
    public async Task Refused_filings_leave_nothing_behind()
    {
        var before = (await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { FilingOperator = "validation-ops" })).Notifications.Count;
        var notice = Notices.Maneuver();
        notice.Object = null;

        await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice, "refused-1")));
        var accepted = await _operator.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), "refused-1"));

        var after = (await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { FilingOperator = "validation-ops" })).Notifications.Count;
        Assert.That(after, Is.EqualTo(before + 1));
        Assert.That(accepted.Replayed, Is.False, "a refused request does not use up its request id");
    }
}
