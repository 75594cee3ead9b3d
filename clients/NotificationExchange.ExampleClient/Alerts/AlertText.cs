using System.Globalization;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.ExampleClient.Alerts;

/// <summary>How the example client prints alerts and registered objects: one line each, the figures an operator acts on.</summary>
public static class AlertText
{
    /// <summary>An alert event as a subscription prints it, e.g. <c>#7 ALERT RAISED ALR-7 v1 70001 vs 25544 TCA 2022-07-15 13:30:00Z miss 203 m</c>.</summary>
    public static string Event(AlertEvent e)
    {
        var a = e.Alert;
        var line = $"#{e.Sequence} ALERT {Upper(e.EventType.ToString())} {a.Id} v{a.Version} {a.Primary.Object.NoradCatId} vs {a.Secondary.Object.NoradCatId}"
            + $" TCA {a.Tca.ToDateTime():u} miss {Metres(a.MissDistanceM)} m";
        if (a.Unannounced is { } unannounced)
        {
            line += $", unannounced: {unannounced.Reason}";
        }
        if (e.EventType == AlertEventType.Acknowledged && e.Actor.Length > 0)
        {
            var response = a.Primary.OperatorId == e.Actor ? a.Primary.Response : a.Secondary.Response;
            line += $", {e.Actor}: {response?.Intent ?? ManeuverIntent.Unspecified}";
        }
        if (a.IntentConflict != IntentConflict.Unspecified)
        {
            line += $", conflict: {a.IntentConflict}";
        }
        if (e.EscalatedOperator.Length > 0)
        {
            line += $"; {e.EscalatedOperator} did not acknowledge, call {string.Join(", ", e.Contacts.Select(p => $"{p.Name} {p.Phone}{p.Email}"))}";
        }
        return line;
    }

    /// <summary>An alert in one line: its state, the pair, TCA, miss distance, relative speed and probability.</summary>
    public static string Summary(Alert a)
    {
        var line = $"{a.Id} v{a.Version} {a.State}: {a.Primary.Object.NoradCatId} vs {a.Secondary.Object.NoradCatId}, TCA {a.Tca.ToDateTime():u},"
            + $" miss {Metres(a.MissDistanceM)} m, {a.RelativeSpeedMps.ToString("0.0", CultureInfo.InvariantCulture)} m/s";
        if (a.Probability is { Kind: not ProbabilityKind.Unspecified } p)
        {
            line += $", Pc {p.Value.ToString("0.0E+0", CultureInfo.InvariantCulture)} ({(p.Kind == ProbabilityKind.MaximumForHardBodyRadius ? "maximum" : "computed")}, {p.Method})";
        }
        if (a.NotificationId.Length > 0)
        {
            line += $", from {a.NotificationId} v{a.NotificationVersion}";
        }
        if (a.Unannounced is { } unannounced)
        {
            line += $", unannounced: {unannounced.Reason}";
        }
        return line;
    }

    /// <summary>One side of an alert: who operates it, where its data came from, and its operator's answer.</summary>
    public static string Side(string role, AlertObject o)
    {
        var line = $"  {role} {o.Object.NoradCatId}{(o.Object.Name.Length > 0 ? $" {o.Object.Name}" : "")}:"
            + $" {(o.OperatorId.Length > 0 ? $"operated by {o.OperatorId}" : "unregistered")}, data from {o.Source}"
            + (o.DataEpoch is { } epoch ? $" (epoch {epoch.ToDateTime():u})" : "")
            + (o.StateAtTca is null ? ", state not shared" : ", state shared");
        if (o.Response is { } r)
        {
            line += r.AcknowledgedAt is { } at
                ? $"; acknowledged {at.ToDateTime():u}, {r.Intent}{(r.Note.Length > 0 ? $": {r.Note}" : "")}"
                : $"; acknowledge by {r.AcknowledgeBy.ToDateTime():u}";
            if (r.EscalatedAt is { } escalated)
            {
                line += $", escalated {escalated.ToDateTime():u}";
            }
        }
        return line;
    }

    /// <summary>A registered object in one line.</summary>
    public static string Object(RegisteredObject o) =>
        $"{o.Object.NoradCatId}{(o.Object.Name.Length > 0 ? $" {o.Object.Name}" : "")} operated by {o.OperatorId}: {o.Regime},"
        + $" {(o.Maneuverable ? "maneuverable" : "not maneuverable")}, radius {o.HardBodyRadiusM.ToString(CultureInfo.InvariantCulture)} m, sharing {o.Sharing}"
        + (o.OrbitEpoch is { } epoch ? $", orbit epoch {epoch.ToDateTime():u}" : "")
        + (o.Orbit is null ? ", orbit not shared" : "");

    private static string Metres(double m) => m.ToString("0", CultureInfo.InvariantCulture);

    // C# names the proto's enum values in PascalCase; printed as the proto spells them (IntentConflict: INTENT_CONFLICT).
    private static string Upper(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : c.ToString())).ToUpperInvariant();
}
