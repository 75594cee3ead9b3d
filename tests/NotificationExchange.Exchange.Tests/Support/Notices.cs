using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>Valid notices as operators would file them; tests break one field at a time.</summary>
internal static class Notices
{
    public const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    public const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    public static TimeWindow Window(TimeSpan fromNow, TimeSpan length) => new()
    {
        Start = Timestamp.FromDateTime(DateTime.UtcNow + fromNow),
        End = Timestamp.FromDateTime(DateTime.UtcNow + fromNow + length),
    };

    public static PointOfContact Contact() => new() { Name = "Duty flight dynamics engineer", Email = "fdo@example.org", Phone = "+49 6151 90 0" };

    public static ManeuverNotice Maneuver(uint noradCatId = 25544) => new()
    {
        Object = new SpaceObject { NoradCatId = noradCatId, CosparId = "1998-067A", Name = "ISS (ZARYA)" },
        ExecutionWindow = Window(TimeSpan.FromHours(6), TimeSpan.FromMinutes(20)),
        Purpose = ManeuverPurpose.CollisionAvoidance,
        PlannedDeltaV = new DeltaV { MagnitudeMps = 0.5, ComponentsMps = new RtnVector { Radial = 0, InTrack = 0.5, CrossTrack = 0 } },
        CurrentOrbit = new OrbitSpec { Tle = new TwoLineElementSet { Line1 = IssLine1, Line2 = IssLine2 } },
        ExpectedOrbit = new OrbitSpec
        {
            MeanElements = new MeanElements
            {
                Epoch = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(7)),
                ApogeeAltitudeKm = 421,
                PerigeeAltitudeKm = 415,
                InclinationDeg = 51.64,
                RaanDeg = 196.3,
                ArgOfPerigeeDeg = 13.8,
                MeanAnomalyDeg = 97.4,
            },
        },
        Remarks = "Debris avoidance, conjunction with 48274 at TCA + 3 h",
        Contact = Contact(),
    };

    public static ProximityOperationNotice ProximityOperation(uint chaser = 53000, uint target = 41000) => new()
    {
        Chaser = new SpaceObject { NoradCatId = chaser, Name = "SERVICER-1" },
        Target = new SpaceObject { NoradCatId = target, Name = "CLIENT-SAT" },
        TargetOperator = "Client Satellite Operator",
        Consent = TargetConsent.Cooperative,
        ConsentReference = "Servicing agreement SA-2026-014",
        OperationsWindow = Window(TimeSpan.FromDays(2), TimeSpan.FromDays(3)),
        PlannedClosestApproachM = 50,
        KeepOutRadiusM = 20,
        Phases =
        {
            new ApproachPhase { Type = ApproachPhaseType.FarRangeRendezvous, RangeM = 5000 },
            new ApproachPhase { Type = ApproachPhaseType.Hold, RangeM = 1000, Description = "hold point 1, V-bar" },
            new ApproachPhase { Type = ApproachPhaseType.CloseApproach, RangeM = 50 },
        },
        AbortPlan = "Radial separation burn to a passively safe ellipse at 2 km",
        Purpose = ProximityOperationPurpose.Inspection,
        PurposeDescription = "Visual inspection of a stuck solar array",
        ChaserOrbit = new OrbitSpec
        {
            MeanElements = new MeanElements
            {
                Epoch = Timestamp.FromDateTime(DateTime.UtcNow),
                SemiMajorAxisKm = 42164,
                Eccentricity = 0.0002,
                InclinationDeg = 0.05,
            },
        },
        Contact = Contact(),
    };

    public static LaunchNotice Launch() => new()
    {
        Vehicle = "Ariane 6",
        Site = new LaunchSite { Name = "Guiana Space Centre ELA-4", Location = new GeoPoint { LatitudeDeg = 5.2, LongitudeDeg = -52.77 } },
        LaunchWindow = Window(TimeSpan.FromDays(10), TimeSpan.FromHours(1)),
        LaunchAzimuthDeg = 90,
        PayloadOrbits =
        {
            new PayloadOrbit { PayloadName = "GALILEO-L14A", PerigeeAltitudeKm = 23222, ApogeeAltitudeKm = 23222, InclinationDeg = 56 },
        },
        PayloadCount = 2,
        HazardAreas =
        {
            new HazardArea
            {
                DiscardedItem = "solid boosters",
                Box = new LatLonBox { MinLatitudeDeg = 5, MaxLatitudeDeg = 7, MinLongitudeDeg = -50, MaxLongitudeDeg = -48 },
                Window = Window(TimeSpan.FromDays(10), TimeSpan.FromHours(2)),
            },
        },
        HcocNotificationReference = "HCOC-PLN-2026-0099",
        Contact = Contact(),
    };

    /// <summary>A proximity operation that says where its chaser will be: its orbit and two planned burns inside the operations window.</summary>
    public static ProximityOperationNotice ProximityOperationWithBurns(uint chaser = 53000, uint target = 41000)
    {
        var notice = ProximityOperation(chaser, target);
        var start = notice.OperationsWindow.Start.ToDateTime();
        notice.PlannedManeuvers.Add(new PlannedBurn
        {
            Ignition = Timestamp.FromDateTime(start.AddHours(1)), DeltaVMps = new RtnVector { Radial = 0, InTrack = 0.05, CrossTrack = 0 },
        });
        notice.PlannedManeuvers.Add(new PlannedBurn
        {
            Ignition = Timestamp.FromDateTime(start.AddDays(1)), DeltaVMps = new RtnVector { Radial = 0.012, InTrack = -0.02, CrossTrack = 0.001 },
        });
        return notice;
    }

    /// <summary>
    /// A launch that says where its objects will be: the payload's insertion orbit (its target orbit as mean elements)
    /// and the upper stage left in a disposal orbit above it.
    /// </summary>
    public static LaunchNotice LaunchWithOrbits()
    {
        var notice = Launch();
        var insertion = Timestamp.FromDateTime(notice.LaunchWindow.Start.ToDateTime().AddHours(4));
        var payload = notice.PayloadOrbits[0];
        payload.InsertionOrbit = new MeanElements
        {
            Epoch = insertion,
            SemiMajorAxisKm = 6378.135 + payload.PerigeeAltitudeKm,
            Eccentricity = 0,
            InclinationDeg = payload.InclinationDeg,
            RaanDeg = 317.6,
            ArgOfPerigeeDeg = 0,
            MeanAnomalyDeg = 12.5,
        };
        notice.StageOrbits.Add(new StageOrbit
        {
            Name = "upper stage",
            InsertionOrbit = new MeanElements
            {
                Epoch = insertion,
                PerigeeAltitudeKm = 23222,
                ApogeeAltitudeKm = 23522,
                InclinationDeg = 56,
                RaanDeg = 317.6,
                ArgOfPerigeeDeg = 90,
                MeanAnomalyDeg = 200,
            },
        });
        return notice;
    }

    public static FileNotificationRequest File(ManeuverNotice notice, string? requestId = null) =>
        new() { RequestId = requestId ?? Guid.NewGuid().ToString(), Maneuver = notice };

    public static FileNotificationRequest File(ProximityOperationNotice notice, string? requestId = null) =>
        new() { RequestId = requestId ?? Guid.NewGuid().ToString(), ProximityOperation = notice };

    public static FileNotificationRequest File(LaunchNotice notice, string? requestId = null) =>
        new() { RequestId = requestId ?? Guid.NewGuid().ToString(), Launch = notice };
}
