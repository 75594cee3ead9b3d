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
    public async Task Every_bad_planned_burn_of_a_proximity_operation_is_named()
    {
        var notice = Notices.ProximityOperationWithBurns();
        var window = notice.OperationsWindow;
        Timestamp At(double hours) => Timestamp.FromDateTime(window.Start.ToDateTime().AddHours(hours));
        var dv = new RtnVector { InTrack = 0.01 };
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(2), DeltaVMps = dv });                         // [2] before [1]
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(73), DeltaVMps = dv });                        // [3] after the window
        notice.PlannedManeuvers.Add(new PlannedBurn { DeltaVMps = dv });                                            // [4] no ignition
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(30), DeltaVMps = new RtnVector() });            // [5] zero
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(31) });                                         // [6] no delta-v
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(32), DeltaVMps = new RtnVector { Radial = 30_000 } }); // [7] too large
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(-1), DeltaVMps = dv });                        // [8] before the window
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = At(33), DeltaVMps = dv });                        // [9] in order after [7]

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[]
        {
            "proximity_operation.planned_maneuvers[2].ignition",
            "proximity_operation.planned_maneuvers[3].ignition",
            "proximity_operation.planned_maneuvers[4].ignition",
            "proximity_operation.planned_maneuvers[5].delta_v_mps",
            "proximity_operation.planned_maneuvers[6].delta_v_mps",
            "proximity_operation.planned_maneuvers[7].delta_v_mps.radial",
            "proximity_operation.planned_maneuvers[8].ignition",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(fields["proximity_operation.planned_maneuvers[2].ignition"], Does.Contain("is not after planned_maneuvers[1].ignition"));
            Assert.That(fields["proximity_operation.planned_maneuvers[3].ignition"], Does.Contain("lies outside operations_window"));
            Assert.That(fields["proximity_operation.planned_maneuvers[4].ignition"], Is.EqualTo("is required"));
            Assert.That(fields["proximity_operation.planned_maneuvers[5].delta_v_mps"], Does.Contain("is zero in every component"));
            Assert.That(fields["proximity_operation.planned_maneuvers[6].delta_v_mps"], Is.EqualTo("is required"));
            Assert.That(fields["proximity_operation.planned_maneuvers[7].delta_v_mps.radial"], Does.Contain("30000 m/s is outside"));
            Assert.That(fields["proximity_operation.planned_maneuvers[8].ignition"], Does.Contain("lies outside operations_window"));
        });
    }

    [Test]
    public async Task More_than_100_planned_burns_or_20_stage_orbits_are_refused()
    {
        var rpo = Notices.ProximityOperation();
        var start = rpo.OperationsWindow.Start.ToDateTime();
        for (var i = 0; i < 101; i++)
        {
            rpo.PlannedManeuvers.Add(new PlannedBurn { Ignition = Timestamp.FromDateTime(start.AddMinutes(10 * i)), DeltaVMps = new RtnVector { InTrack = 0.01 } });
        }
        var launch = Notices.LaunchWithOrbits();
        for (var i = 1; i <= 20; i++)
        {
            var stage = launch.StageOrbits[0].Clone();
            stage.Name = $"dispenser part {i}";
            launch.StageOrbits.Add(stage);
        }

        var burns = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(rpo)));
        var stages = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(launch)));
        rpo.PlannedManeuvers.RemoveAt(100);
        launch.StageOrbits.RemoveAt(20);
        var hundred = await _operator.Notifications.FileNotificationAsync(Notices.File(rpo));
        var twenty = await _operator.Notifications.FileNotificationAsync(Notices.File(launch));

        Assert.That(burns.Keys, Is.EqualTo(new[] { "proximity_operation.planned_maneuvers" }));
        Assert.That(burns["proximity_operation.planned_maneuvers"], Does.Contain("has 101 entries; at most 100"));
        Assert.That(stages.Keys, Is.EqualTo(new[] { "launch.stage_orbits" }));
        Assert.That(stages["launch.stage_orbits"], Does.Contain("has 21 entries; at most 20"));
        Assert.That(hundred.Notification.ProximityOperation.PlannedManeuvers, Has.Count.EqualTo(100));
        Assert.That(twenty.Notification.Launch.StageOrbits, Has.Count.EqualTo(20));
    }

    [Test]
    public async Task Every_bad_insertion_or_stage_orbit_of_a_launch_is_named()
    {
        var notice = Notices.LaunchWithOrbits();
        var epoch = notice.PayloadOrbits[0].InsertionOrbit.Epoch;
        notice.PayloadOrbits[0].InsertionOrbit.Epoch = null;
        MeanElements Apsides(double perigee, double apogee, double inclination) => new()
        {
            Epoch = epoch, PerigeeAltitudeKm = perigee, ApogeeAltitudeKm = apogee, InclinationDeg = inclination, RaanDeg = 1, ArgOfPerigeeDeg = 2, MeanAnomalyDeg = 3,
        };
        // [1]: perigee 1.5 km low, apogee 0.5 km high (agrees), inclination 0.02 deg off
        notice.PayloadOrbits.Add(new PayloadOrbit
        {
            PayloadName = "SSO-1", PerigeeAltitudeKm = 500, ApogeeAltitudeKm = 520, InclinationDeg = 97.4, InsertionOrbit = Apsides(498.5, 520.5, 97.42),
        });
        // [2]: as semi-major axis and eccentricity, 10 km above the target orbit
        notice.PayloadOrbits.Add(new PayloadOrbit
        {
            PayloadName = "SSO-2", PerigeeAltitudeKm = 600, ApogeeAltitudeKm = 600, InclinationDeg = 97.8,
            InsertionOrbit = new MeanElements { Epoch = epoch, SemiMajorAxisKm = 6378.135 + 610, Eccentricity = 0, InclinationDeg = 97.8 },
        });
        // [3]: an angle out of range
        var raan = Apsides(700, 700, 98);
        raan.RaanDeg = 400;
        notice.PayloadOrbits.Add(new PayloadOrbit { PayloadName = "SSO-3", PerigeeAltitudeKm = 700, ApogeeAltitudeKm = 700, InclinationDeg = 98, InsertionOrbit = raan });
        notice.PayloadCount = 4;
        notice.StageOrbits[0].Name = "";
        notice.StageOrbits.Add(new StageOrbit { Name = new string('s', 129), InsertionOrbit = Apsides(300, 800, 98) });
        notice.StageOrbits.Add(new StageOrbit { Name = "fairing half" });
        notice.StageOrbits.Add(new StageOrbit { Name = "dispenser", InsertionOrbit = Apsides(900, 800, 98) });

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(Notices.File(notice)));

        Assert.That(fields.Keys, Is.EquivalentTo(new[]
        {
            "launch.payload_orbits[0].insertion_orbit.epoch",
            "launch.payload_orbits[1].insertion_orbit.perigee_altitude_km",
            "launch.payload_orbits[1].insertion_orbit.inclination_deg",
            "launch.payload_orbits[2].insertion_orbit",
            "launch.payload_orbits[3].insertion_orbit.raan_deg",
            "launch.stage_orbits[0].name",
            "launch.stage_orbits[1].name",
            "launch.stage_orbits[2].insertion_orbit",
            "launch.stage_orbits[3].insertion_orbit.apogee_altitude_km",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(fields["launch.payload_orbits[0].insertion_orbit.epoch"], Is.EqualTo("is required"));
            Assert.That(fields["launch.payload_orbits[1].insertion_orbit.perigee_altitude_km"],
                Is.EqualTo("puts the perigee at 498.5 km, not at perigee_altitude_km 500 km (within 1 km)"));
            Assert.That(fields["launch.payload_orbits[1].insertion_orbit.inclination_deg"], Does.Contain("is not inclination_deg 97.4 deg (within 0.01 deg)"));
            Assert.That(fields["launch.payload_orbits[2].insertion_orbit"], Does.Contain("puts the perigee at 610 km").And.Contain("puts the apogee at 610 km"));
            Assert.That(fields["launch.stage_orbits[1].name"], Does.Contain("129 characters"));
            Assert.That(fields["launch.stage_orbits[2].insertion_orbit"], Does.StartWith("is required"));
            Assert.That(fields["launch.stage_orbits[3].insertion_orbit.apogee_altitude_km"], Does.Contain("below the perigee altitude"));
        });
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

    [Test]
    public async Task A_listing_by_a_filing_operator_no_organisation_can_have_is_refused_by_field()
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { FilingOperator = new string('x', 100_000) }));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "filing_operator" }));
        Assert.That(fields["filing_operator"].Length, Is.LessThan(300), "the refusal does not echo the whole value");
        Assert.That((await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { FilingOperator = "nobody-ops" })).Notifications, Is.Empty,
            "a well-formed id nobody has is a query that matches nothing");
    }
}
