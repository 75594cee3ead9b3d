using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Demo;

/// <summary>The RPO intent and the launch nxc demo files: complete notices as an operator would file them, timed from
/// the exchange's now.</summary>
internal static class DemoNotices
{
    private static readonly PointOfContact Duty = new() { Name = "Flight dynamics duty engineer", Email = "fdo@example.org", Phone = "+33 5 61 00 00 00" };

    /// <summary>A cooperative servicing approach by <paramref name="chaser"/> to its operator's own client satellite,
    /// starting in two days, with its approach phases, keep-out sphere, abort plan and the chaser's planned burns (so
    /// that the exchange screens the chaser's path, from its registered orbit, against everything but the target).</summary>
    public static ProximityOperationNotice Servicing(uint chaser, uint target, string targetOperator, DateTime now) => new()
    {
        PlannedManeuvers =
        {
            new PlannedBurn { Ignition = DemoOrbits.At(now.Date.AddDays(2).AddHours(1)), DeltaVMps = new RtnVector { InTrack = 0.05 } },
            new PlannedBurn { Ignition = DemoOrbits.At(now.Date.AddDays(3)), DeltaVMps = new RtnVector { Radial = 0.012, InTrack = -0.02, CrossTrack = 0.001 } },
        },
        Chaser = new SpaceObject { NoradCatId = chaser },
        Target = new SpaceObject { NoradCatId = target },
        TargetOperator = targetOperator,
        Consent = TargetConsent.Cooperative,
        ConsentReference = "Internal servicing plan SP-7",
        OperationsWindow = new TimeWindow { Start = DemoOrbits.At(now.Date.AddDays(2)), End = DemoOrbits.At(now.Date.AddDays(5)) },
        PlannedClosestApproachM = 20,
        KeepOutRadiusM = 10,
        Phases =
        {
            new ApproachPhase { Type = ApproachPhaseType.FarRangeRendezvous, RangeM = 5000 },
            new ApproachPhase { Type = ApproachPhaseType.Hold, RangeM = 300, Description = "hold point on V-bar, go/no-go" },
            new ApproachPhase { Type = ApproachPhaseType.CloseApproach, RangeM = 20 },
        },
        AbortPlan = "Radial separation burn to a passively safe ellipse at 1 km",
        Purpose = ProximityOperationPurpose.Servicing,
        PurposeDescription = "Refuelling demonstration on the operator's own satellite",
        Contact = Duty,
    };

    /// <summary>A launch in ten days of two payloads to 550 km at 53 degrees, with its hazard area and each payload's
    /// insertion orbit (so that the exchange screens them for three days after insertion).</summary>
    public static LaunchNotice Launch(DateTime now)
    {
        var window = new TimeWindow { Start = DemoOrbits.At(now.Date.AddDays(10).AddHours(14)), End = DemoOrbits.At(now.Date.AddDays(10).AddHours(15)) };
        var notice = new LaunchNotice
        {
            Vehicle = "Vega-C",
            Site = new LaunchSite { Name = "Guiana Space Centre ELV", Location = new GeoPoint { LatitudeDeg = 5.24, LongitudeDeg = -52.77 } },
            LaunchWindow = window,
            LaunchAzimuthDeg = 40,
            PayloadCount = 2,
            HazardAreas =
            {
                new HazardArea
                {
                    DiscardedItem = "first stage",
                    Box = new LatLonBox { MinLatitudeDeg = 8, MaxLatitudeDeg = 10, MinLongitudeDeg = -50, MaxLongitudeDeg = -48 },
                    Window = window,
                },
            },
            HcocNotificationReference = "HCOC-PLN-DEMO",
            Remarks = "Demonstration launch (nxc demo)",
            Contact = Duty,
        };
        var insertion = DemoOrbits.At(window.Start.ToDateTime().AddHours(1));
        foreach (var (name, meanAnomaly) in new[] { ("BOREAL-8", 10.0), ("BOREAL-9", 12.0) })
        {
            notice.PayloadOrbits.Add(new PayloadOrbit
            {
                PayloadName = name,
                PerigeeAltitudeKm = 545,
                ApogeeAltitudeKm = 555,
                InclinationDeg = 53,
                InsertionOrbit = new MeanElements
                {
                    Epoch = insertion, PerigeeAltitudeKm = 545, ApogeeAltitudeKm = 555, InclinationDeg = 53, RaanDeg = 130, ArgOfPerigeeDeg = 0, MeanAnomalyDeg = meanAnomaly,
                },
            });
        }
        return notice;
    }
}
