using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Request digests are stored with requests, so their form is frozen: a retry that spans an upgrade must still match
/// the digest its first attempt stored, or it would be refused as a different request (and be filed again under a new
/// id). The first golden value was computed by the exchange as it was before the stored form changed (commit d832a4e);
/// those of the other changes and of attachments by the exchange at commit 8379752, before the commands were reshaped.
/// </summary>
public class RequestDigestTests
{
    private static readonly DateTime _t0 = new(2026, 12, 2, 10, 30, 0, DateTimeKind.Utc);

    [Test]
    public void The_digest_of_a_request_is_what_earlier_versions_stored()
    {
        var command = new FileNotificationCommand("golden-ops", "r-1", Maneuver(new DeltaV(0.5, new RtnVector(0.1, 0.4899, 0))), ["MNV-1"], Visibility.Public);

        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(command)),
            Is.EqualTo("0dac815afb896cad2d306d09ea1065fab4752f17780fd37a92b5290c0dade9d4"));
    }

    [Test]
    public void The_digest_of_a_filing_with_attachments_is_what_earlier_versions_stored()
    {
        var command = new FileNotificationCommand("golden-ops", "r-1", Maneuver(new DeltaV(0.5)), [], Visibility.Public)
        {
            Attachments = [new Attachment(AttachmentRole.Source, "application/xml", "<ocm/>"), new Attachment(AttachmentRole.PlannedEphemeris, "text/plain", "CCSDS_OEM_VERS = 3.0")],
        };

        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(command)), Is.EqualTo("8648347b7cdf772a38a1a3ce698c184dcfe9ef7efda9665993d05acd015eb208"));
    }

    [Test]
    public void The_digest_of_an_amendment_is_what_earlier_versions_stored()
    {
        var command = new AmendNotificationCommand("golden-ops", "r-2", "MNV-7", 2, Maneuver(new DeltaV(0.5)), ["MNV-1"], "window moved")
        {
            Attachments = [new Attachment(AttachmentRole.Source, "text/plain", "CCSDS_OPM_VERS = 3.0")],
        };

        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(command)), Is.EqualTo("e139a78339416e394cb66775c0bf7b3d2ec5f6d7983394c2e6da4abdfe963bbe"));
    }

    [Test]
    public void The_digest_of_a_cancellation_is_what_earlier_versions_stored()
    {
        var command = new CancelNotificationCommand("golden-ops", "r-3", "MNV-7", "superseded");

        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(command)), Is.EqualTo("9528441309d4c6ee4dc2165fd321586fc53f3e767540336ad42d6bdd9e7b660f"));
    }

    [Test]
    public void The_digest_of_an_execution_report_is_what_earlier_versions_stored()
    {
        var report = new ExecutionReport(
            ExecutionOutcome.AsPlanned, new ManeuverExecution(new TimeWindow(_t0, _t0.AddMinutes(3)), new DeltaV(0.49), null), "nominal");
        var command = new ReportExecutionCommand("golden-ops", "r-4", "MNV-7", report);

        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(command)), Is.EqualTo("80017c733232fbcce7fe08028b69efd698c2374b3a8fd3121c45c3ebd1e3592b"));
    }

    [Test]
    public void The_digest_of_a_proximity_operation_or_a_launch_without_planned_burns_or_orbits_is_what_earlier_versions_stored()
    {
        // golden values from the exchange before notices had planned burns, insertion orbits and stage orbits (commit 69926dd)
        var rpo = new FileNotificationCommand("golden-ops", "r-5", ProximityOperation(), [], Visibility.Public);
        var launch = new FileNotificationCommand("golden-ops", "r-6", Launch(), [], Visibility.Public);

        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(rpo)), Is.EqualTo("1bbe38d9a9bf474c9134b971cad7540db66d5d17df88ea6440856cb44cd188d3"));
        Assert.That(Convert.ToHexStringLower(NotificationJson.Fingerprint(launch)), Is.EqualTo("4d9df936aef61c0fc8a29b9549dfded8e55cfb52b674bf538d31f0da21e13e6a"));
    }

    [Test]
    public void The_digest_covers_planned_burns_insertion_orbits_and_stage_orbits()
    {
        var rpo = ProximityOperation();
        var launch = Launch();
        var insertion = new MeanElementsOrbit(_t0.AddHours(4), 29600.135, 0, null, null, 56, 317.6, 0, 12.5);
        NotificationContent[] contents =
        [
            rpo,
            rpo with { PlannedManeuvers = [new PlannedBurn(_t0.AddHours(1), new RtnVector(0, 0.05, 0))] },
            rpo with { PlannedManeuvers = [new PlannedBurn(_t0.AddHours(1), new RtnVector(0, 0.06, 0))] },
            rpo with { PlannedManeuvers = [new PlannedBurn(_t0.AddHours(2), new RtnVector(0, 0.05, 0))] },
            launch,
            launch with { PayloadOrbits = [launch.PayloadOrbits[0] with { InsertionOrbit = insertion }] },
            launch with { PayloadOrbits = [launch.PayloadOrbits[0] with { InsertionOrbit = insertion with { MeanAnomalyDeg = 12.6 } }] },
            launch with { StageOrbits = [new StageOrbit("upper stage", insertion)] },
            launch with { StageOrbits = [new StageOrbit("upper stage", insertion with { RaanDeg = 317.7 })] },
        ];

        var digests = contents.Select(c => Convert.ToHexStringLower(NotificationJson.Fingerprint(new FileNotificationCommand("golden-ops", "r-7", c, [], Visibility.Public))));

        Assert.That(digests.Distinct().Count(), Is.EqualTo(contents.Length), "each change of a burn or an orbit makes another request");
    }

    [Test]
    public void Any_request_has_a_digest_even_one_with_values_the_store_refuses()
    {
        var huge = new FileNotificationCommand("ops", "r", Maneuver(new DeltaV(double.NaN, new RtnVector(1e300, 1e300, 0))), [], Visibility.Public);
        var other = huge with { Content = Maneuver(new DeltaV(double.NaN, new RtnVector(1e300, 0, 0))) };

        Assert.That(NotificationJson.Fingerprint(huge), Is.Not.EqualTo(NotificationJson.Fingerprint(other)));
    }

    private static ProximityOperationNotice ProximityOperation() => new()
    {
        Chaser = new SpaceObjectRef(53000, null, "SERVICER-1"),
        Target = new SpaceObjectRef(41000, null, "CLIENT-SAT"),
        Consent = TargetConsent.Cooperative,
        ConsentReference = "SA-2026-014",
        OperationsWindow = new TimeWindow(_t0, _t0.AddDays(3)),
        PlannedClosestApproachM = 50,
        KeepOutRadiusM = 20,
        Phases = [new ApproachPhase(ApproachPhaseType.Hold, 1000)],
        AbortPlan = "Radial separation burn",
        Purpose = ProximityOperationPurpose.Inspection,
        ChaserOrbit = new MeanElementsOrbit(_t0, 42164, 0.0002, null, null, 0.05, 0, 0, 0),
        Contact = new PointOfContact("FDO", null, "fdo@example.org"),
    };

    private static LaunchNotice Launch() => new()
    {
        Vehicle = "Ariane 6",
        Site = new LaunchSite("ELA-4", new GeoPoint(5.2, -52.77)),
        LaunchWindow = new TimeWindow(_t0, _t0.AddHours(1)),
        LaunchAzimuthDeg = 90,
        PayloadOrbits = [new PayloadOrbit("GALILEO-L14A", 23222, 23222, 56)],
        PayloadCount = 1,
        Contact = new PointOfContact("FDO", null, "fdo@example.org"),
    };

    private static ManeuverNotice Maneuver(DeltaV deltaV) => new()
    {
        Object = new SpaceObjectRef(25544, "1998-067A", "ISS (ZARYA)"),
        ExecutionWindow = new TimeWindow(_t0, _t0.AddMinutes(20)),
        Purpose = ManeuverPurpose.CollisionAvoidance,
        PlannedDeltaV = deltaV,
        CurrentOrbit = new MeanElementsOrbit(_t0, 6778, 0.0005, null, null, 51.6, 196.3, 13.8, 97.4),
        Remarks = "golden",
        Contact = new PointOfContact("FDO", null, "fdo@example.org"),
    };
}
