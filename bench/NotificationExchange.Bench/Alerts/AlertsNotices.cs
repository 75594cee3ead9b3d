using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Cli.Demo;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;
using TwoLineElementSet = NotificationExchange.Orbits.Elements.TwoLineElementSet;

namespace NotificationExchange.Bench.Alerts;

/// <summary>
/// The notices the alerts benchmark files, as an operator would: every time is on the exchange's (simulated) clock,
/// given as <c>now</c>, and lies ahead of it; orbits are catalogue element sets or mean elements with every angle.
/// </summary>
internal static class AlertsNotices
{
    /// <summary>Which kind of filing a measurement belongs to (its figures are reported apart).</summary>
    public enum Kind
    {
        Maneuver,
        Rpo,
        Launch,
    }

    /// <summary>
    /// A maneuver of a catalogue object from its catalogue element set: ignition 30 to 90 minutes ahead, a few
    /// cm/s to 1 m/s with every RTN component.
    /// </summary>
    public static FileNotificationRequest Maneuver(TwoLineElementSet tle, DateTime now, int number)
    {
        var ignition = now.AddMinutes(30 + number % 60);
        var dv = new RtnVector { Radial = 0.01 * (number % 5), InTrack = 0.1 + 0.05 * (number % 17), CrossTrack = -0.02 * (number % 3) };
        return ManeuverRequest(Object(tle), ignition, dv, new OrbitSpec { Tle = new Protocol.V1.TwoLineElementSet { Line1 = tle.Line1, Line2 = tle.Line2 } },
            $"bench maneuver {number}");
    }

    /// <summary>
    /// A maneuver whose orbit after the burn crosses <paramref name="target"/>'s path 300 m above it 40 minutes after
    /// the ignition: its object is a catalogue object, its current orbit the mean elements built backwards from the meeting.
    /// </summary>
    public static FileNotificationRequest ManeuverToMeet(TwoLineElementSet subject, Trajectory target, DateTime now, int number)
    {
        var ignition = now.AddMinutes(30 + number % 30);
        var dv = new RtnVector { Radial = 0.05, InTrack = 0.4, CrossTrack = -0.1 };
        var before = EncounterDesign.BeforeBurnToMeet(target, ignition, ignition.AddMinutes(40), 0.3, dv);
        return ManeuverRequest(Object(subject), ignition, dv, new OrbitSpec { MeanElements = before }, $"bench maneuver {number}, built to pass 300 m from {target.CatalogNumber}");
    }

    /// <summary>
    /// A proximity operation of a catalogue object on another of the same regime: its catalogue element set, two burns
    /// in a one-day operations window that opens an hour ahead.
    /// </summary>
    public static FileNotificationRequest ProximityOperation(TwoLineElementSet chaser, TwoLineElementSet target, DateTime now, int number)
    {
        var start = now.AddHours(1);
        var notice = new ProximityOperationNotice
        {
            Chaser = Object(chaser),
            Target = Object(target),
            TargetOperator = "Client Satellite Operator",
            Consent = TargetConsent.Cooperative,
            ConsentReference = $"Servicing agreement SA-2022-{number:000}",
            OperationsWindow = Window(start, TimeSpan.FromDays(1)),
            PlannedClosestApproachM = 50,
            KeepOutRadiusM = 20,
            AbortPlan = "Radial separation burn to a passively safe ellipse at 2 km",
            Purpose = ProximityOperationPurpose.Inspection,
            ChaserOrbit = new OrbitSpec { Tle = new Protocol.V1.TwoLineElementSet { Line1 = chaser.Line1, Line2 = chaser.Line2 } },
            Contact = Contact(),
        };
        notice.PlannedManeuvers.Add(new PlannedBurn
        {
            Ignition = Timestamp.FromDateTime(start.AddHours(1)), DeltaVMps = new RtnVector { Radial = 0.01, InTrack = 0.05 + 0.01 * (number % 7), CrossTrack = 0.002 },
        });
        notice.PlannedManeuvers.Add(new PlannedBurn
        {
            Ignition = Timestamp.FromDateTime(start.AddHours(12)), DeltaVMps = new RtnVector { Radial = -0.012, InTrack = -0.02, CrossTrack = 0.001 },
        });
        return new FileNotificationRequest { RequestId = Guid.NewGuid().ToString(), ProximityOperation = notice };
    }

    /// <summary>
    /// A launch of <paramref name="payloads"/> payloads (1 to 4), each with its insertion orbit as mean elements with
    /// epoch and every angle, an hour after the window opens, which is two hours ahead: the payloads go to a Starlink
    /// shell (550 km, 53 deg), sun-synchronous 500 km, Galileo's MEO and GTO in turn.
    /// </summary>
    public static FileNotificationRequest Launch(int payloads, DateTime now, int number)
    {
        var window = Window(now.AddHours(2), TimeSpan.FromHours(1));
        var insertion = Timestamp.FromDateTime(now.AddHours(3));
        var notice = new LaunchNotice
        {
            Vehicle = "Falcon 9",
            Site = new LaunchSite { Name = "Cape Canaveral SLC-40", Location = new GeoPoint { LatitudeDeg = 28.56, LongitudeDeg = -80.58 } },
            LaunchWindow = window,
            LaunchAzimuthDeg = 45,
            PayloadCount = (uint)payloads,
            Contact = Contact(),
        };
        (double Perigee, double Apogee, double Inclination)[] targets = [(550, 550, 53), (500, 500, 97.4), (23222, 23222, 56), (250, 35786, 27)];
        for (var i = 0; i < payloads; i++)
        {
            var (perigee, apogee, inclination) = targets[i % targets.Length];
            notice.PayloadOrbits.Add(new PayloadOrbit
            {
                PayloadName = $"BENCH-{number}-{i + 1}",
                PerigeeAltitudeKm = perigee,
                ApogeeAltitudeKm = apogee,
                InclinationDeg = inclination,
                InsertionOrbit = new MeanElements
                {
                    Epoch = insertion,
                    PerigeeAltitudeKm = perigee,
                    ApogeeAltitudeKm = apogee,
                    InclinationDeg = inclination,
                    RaanDeg = (37.0 * number + 90.0 * i) % 360,
                    ArgOfPerigeeDeg = apogee > perigee ? 180 : 0,
                    MeanAnomalyDeg = (53.0 * number + 17.0 * i) % 360,
                },
            });
        }
        return new FileNotificationRequest { RequestId = Guid.NewGuid().ToString(), Launch = notice };
    }

    private static FileNotificationRequest ManeuverRequest(SpaceObject subject, DateTime ignition, RtnVector dv, OrbitSpec currentOrbit, string remarks) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Maneuver = new ManeuverNotice
        {
            Object = subject,
            ExecutionWindow = Window(ignition, TimeSpan.FromMinutes(10)),
            Purpose = ManeuverPurpose.StationKeeping,
            PlannedDeltaV = new DeltaV
            {
                MagnitudeMps = Math.Sqrt(dv.Radial * dv.Radial + dv.InTrack * dv.InTrack + dv.CrossTrack * dv.CrossTrack),
                ComponentsMps = dv,
            },
            CurrentOrbit = currentOrbit,
            Remarks = remarks,
            Contact = Contact(),
        },
    };

    private static SpaceObject Object(TwoLineElementSet tle) => new() { NoradCatId = (uint)tle.CatalogNumber, Name = tle.Name ?? "" };

    private static TimeWindow Window(DateTime start, TimeSpan length) =>
        new() { Start = Timestamp.FromDateTime(start), End = Timestamp.FromDateTime(start + length) };

    private static PointOfContact Contact() => new() { Name = "Duty flight dynamics engineer", Email = "fdo@example.org", Phone = "+49 6151 90 0" };
}
