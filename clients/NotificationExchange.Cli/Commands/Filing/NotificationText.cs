using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>How nxc says what a notification is about, in one line, the same in every verb: the filing summaries,
/// nxc list and nxc watch.</summary>
internal static class NotificationText
{
    /// <summary>"maneuver of 25544 ISS (ZARYA) at 2026-06-01 10:00:00Z, 0.35 m/s, collision-avoidance"</summary>
    public static string Describe(Notification notification) => notification.ContentCase switch
    {
        Notification.ContentOneofCase.Maneuver => Describe(notification.Maneuver),
        Notification.ContentOneofCase.ProximityOperation => Describe(notification.ProximityOperation),
        Notification.ContentOneofCase.Launch => Describe(notification.Launch),
        _ => Words.Token(notification.Kind),
    };

    public static string Describe(ManeuverNotice m) =>
        $"maneuver of {Object(m.Object)} at {Words.Time(m.ExecutionWindow?.Start)}, {Words.Number(m.PlannedDeltaV?.MagnitudeMps ?? 0, "0.####")} m/s"
        + (m.Purpose != ManeuverPurpose.Unspecified ? $", {Words.Token(m.Purpose)}" : "");

    public static string Describe(ProximityOperationNotice p) =>
        $"proximity operation of {Object(p.Chaser)} near {Object(p.Target)} from {Words.Window(p.OperationsWindow)}, closest {Words.Number(p.PlannedClosestApproachM)} m"
        + (p.Purpose != ProximityOperationPurpose.Unspecified ? $", {Words.Token(p.Purpose)}" : "");

    public static string Describe(LaunchNotice l) =>
        $"launch of {l.Vehicle} from {(l.Site?.Name is { Length: > 0 } site ? site : "-")} at {Words.Time(l.LaunchWindow?.Start)}, "
        + $"{l.PayloadCount} payload{(l.PayloadCount == 1 ? "" : "s")}";

    /// <summary>"25544 ISS (ZARYA)", or "-" when not given.</summary>
    public static string Object(SpaceObject? o) =>
        o is null ? "-" : o.NoradCatId.ToString(System.Globalization.CultureInfo.InvariantCulture) + (o.Name.Length > 0 ? $" {o.Name}" : "");

    /// <summary>The objects a notification concerns, for a table: "25544", "53000 near 41000", "Ariane 6".</summary>
    public static string Objects(Notification n) => n.ContentCase switch
    {
        Notification.ContentOneofCase.Maneuver => Object(n.Maneuver.Object),
        Notification.ContentOneofCase.ProximityOperation => $"{Object(n.ProximityOperation.Chaser)} near {Object(n.ProximityOperation.Target)}",
        Notification.ContentOneofCase.Launch => n.Launch.Vehicle,
        _ => "-",
    };

    /// <summary>The activity window: execution, operations or launch window.</summary>
    public static TimeWindow? Window(Notification n) => n.ContentCase switch
    {
        Notification.ContentOneofCase.Maneuver => n.Maneuver.ExecutionWindow,
        Notification.ContentOneofCase.ProximityOperation => n.ProximityOperation.OperationsWindow,
        Notification.ContentOneofCase.Launch => n.Launch.LaunchWindow,
        _ => null,
    };

    /// <summary>"filed MNV-3 v1 (sequence 5): maneuver of 25544 at ..."; a replayed request says so.</summary>
    public static string Change(string done, FileNotificationResponse response)
    {
        var n = response.Notification;
        return $"{done} {n.Id} v{n.Version} (sequence {n.Sequence})"
            + (response.Replayed ? ", the answer to the same request made before: nothing new was filed" : "")
            + $": {Detail(n)}";
    }

    /// <summary>What this version says: the content, and the cancellation, execution report or amendment reason
    /// that made it.</summary>
    public static string Detail(Notification n) => n.Status switch
    {
        NotificationStatus.Cancelled when n.Cancellation is { } c => $"{Describe(n)}; cancelled: {c.Reason}",
        NotificationStatus.Completed when n.Execution is { } e => $"{Describe(n)}; {Execution(e)}",
        _ => Describe(n) + (n.ChangeReason.Length > 0 ? $" ({n.ChangeReason})" : ""),
    };

    /// <summary>"executed as-planned: 2026-06-01 10:00:00Z to ..., 0.35 m/s"</summary>
    public static string Execution(ExecutionReport e)
    {
        var text = $"executed {Words.Token(e.Outcome)}";
        var details = e.DetailsCase switch
        {
            ExecutionReport.DetailsOneofCase.Maneuver => $"{Words.Window(e.Maneuver.ActualWindow)}, {Words.DeltaV(e.Maneuver.AchievedDeltaV)}",
            ExecutionReport.DetailsOneofCase.ProximityOperation =>
                $"{Words.Window(e.ProximityOperation.ActualWindow)}, closest {Words.Number(e.ProximityOperation.ActualClosestApproachM)} m",
            ExecutionReport.DetailsOneofCase.Launch =>
                $"lift-off {Words.Time(e.Launch.LiftoffTime)}, {e.Launch.DeployedObjects.Count} object{(e.Launch.DeployedObjects.Count == 1 ? "" : "s")} deployed"
                + (e.Launch.DeployedObjects.Count > 0 ? $" ({string.Join(", ", e.Launch.DeployedObjects.Select(Object))})" : ""),
            _ => "",
        };
        return text + (details.Length > 0 ? $": {details}" : "") + (e.Remarks.Length > 0 ? $" ({e.Remarks})" : "");
    }
}
