using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Faults.Load;

/// <summary>
/// The filings of a fault run: maneuvers and proximity operations over a small pool of objects (so that object
/// filters match some and not others), each carrying its marker in a free-text field (a maneuver's remarks, a proximity
/// operation's purpose description) so that an event or a stored notification names the filing it came from, whether
/// or not the filer got an answer. Each phase files into a day of its own (the activity windows), so that the check
/// reads back one phase's notifications with a listing by activity window.
/// </summary>
public sealed class FilingContent(string runTag, DateTime firstDay)
{
    /// <summary>Catalogue numbers of the objects filed about (above the public catalogue's range in use, and of no
    /// registered object, so nothing is screened against them).</summary>
    public static readonly IReadOnlyList<uint> Objects = [70001, 70002, 70003, 70004, 70005, 70006, 70007, 70008];

    private const string MarkerPrefix = "fault-load ";

    public string RunTag { get; } = runTag;

    public FilingPlan Plan(int filer, long number, int phase, string filingOperator)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"{MarkerPrefix}{RunTag} f{filer} n{number}");
        // one filing in three is a proximity operation (a chaser and a target), the rest are maneuvers of one object
        if (number % 3 == 2)
        {
            var chaser = Objects[(int)(number % Objects.Count)];
            var target = Objects[(int)((number + 3) % Objects.Count)];
            return new FilingPlan(filer, number, phase, filingOperator, NotificationKind.ProximityOperation, [chaser, target], marker);
        }
        var subject = Objects[(int)((filer * 7 + number) % Objects.Count)];
        return new FilingPlan(filer, number, phase, filingOperator, NotificationKind.Maneuver, [subject], marker);
    }

    public FileNotificationRequest Request(FilingPlan plan)
    {
        var requestId = string.Create(CultureInfo.InvariantCulture, $"{RunTag}-f{plan.Filer}-n{plan.Number}");
        var start = PhaseDay(plan.Phase).AddHours(1).AddSeconds(plan.Number % 3600);
        var contact = new PointOfContact { Name = "Duty flight dynamics engineer", Email = "fdo@example.org" };
        if (plan.Kind == NotificationKind.ProximityOperation)
        {
            return new FileNotificationRequest
            {
                RequestId = requestId,
                ProximityOperation = new ProximityOperationNotice
                {
                    Chaser = new SpaceObject { NoradCatId = plan.Objects[0], Name = "SERVICER" },
                    Target = new SpaceObject { NoradCatId = plan.Objects[1], Name = "CLIENT" },
                    TargetOperator = "Client Satellite Operator",
                    Consent = TargetConsent.Cooperative,
                    ConsentReference = "Servicing agreement SA-2026-014",
                    OperationsWindow = Window(start, TimeSpan.FromHours(2)),
                    PlannedClosestApproachM = 50,
                    KeepOutRadiusM = 20,
                    Phases = { new ApproachPhase { Type = ApproachPhaseType.FarRangeRendezvous, RangeM = 5000 } },
                    AbortPlan = "Radial separation burn to a passively safe ellipse at 2 km",
                    Purpose = ProximityOperationPurpose.Inspection,
                    PurposeDescription = plan.Marker,
                    Contact = contact,
                },
            };
        }
        return new FileNotificationRequest
        {
            RequestId = requestId,
            Maneuver = new ManeuverNotice
            {
                Object = new SpaceObject { NoradCatId = plan.Objects[0], Name = "OBJECT " + plan.Objects[0].ToString(CultureInfo.InvariantCulture) },
                ExecutionWindow = Window(start, TimeSpan.FromMinutes(20)),
                Purpose = ManeuverPurpose.CollisionAvoidance,
                PlannedDeltaV = new DeltaV { MagnitudeMps = 0.5, ComponentsMps = new RtnVector { InTrack = 0.5 } },
                Remarks = plan.Marker,
                Contact = contact,
            },
        };
    }

    /// <summary>The activity window a listing reads one phase back with (it overlaps that phase's filings only).</summary>
    public TimeWindow PhaseWindow(int phase) => Window(PhaseDay(phase), TimeSpan.FromHours(23));

    /// <summary>The marker a notification carries, or null when it is not one of this run's filings.</summary>
    public string? MarkerOf(Notification notification)
    {
        var text = notification.ContentCase switch
        {
            Notification.ContentOneofCase.Maneuver => notification.Maneuver.Remarks,
            Notification.ContentOneofCase.ProximityOperation => notification.ProximityOperation.PurposeDescription,
            _ => null,
        };
        return text is not null && text.StartsWith(MarkerPrefix, StringComparison.Ordinal) ? text : null;
    }

    private DateTime PhaseDay(int phase) => firstDay.AddDays(phase);

    private static TimeWindow Window(DateTime start, TimeSpan length) => new()
    {
        Start = Timestamp.FromDateTime(start),
        End = Timestamp.FromDateTime(start + length),
    };
}
