using NotificationExchange.Cli.Commands.Registry;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>How nxc writes proximity alerts for people: the figures an operator acts on.</summary>
internal static class AlertText
{
    /// <summary>"ALR-7 v1 open: 70001 vs 25544 ISS (ZARYA), TCA 2022-07-15 13:30:00Z, miss 200 m, 10432.8 m/s, Pc 1.2E-4
    /// (maximum, ALFANO-MAX-PROBABILITY), from MNV-5 v1"</summary>
    public static string Summary(Alert a)
    {
        var line = $"{a.Id} v{a.Version} {Words.Enum(a.State)}: {ObjectText.Name(a.Primary.Object)} vs {ObjectText.Name(a.Secondary.Object)},"
            + $" TCA {Words.Time(a.Tca)}, miss {Words.Number(a.MissDistanceM, "0")} m, {Words.Number(a.RelativeSpeedMps, "0.0")} m/s";
        if (a.Probability is { Kind: not ProbabilityKind.Unspecified })
        {
            line += $", Pc {Probability(a.Probability)}";
        }
        if (a.NotificationId.Length > 0)
        {
            line += $", from {a.NotificationId} v{a.NotificationVersion}";
        }
        if (a.Unannounced is { } unannounced)
        {
            line += $", unannounced: {unannounced.Reason}";
        }
        if (a.IntentConflict != IntentConflict.Unspecified)
        {
            line += $", intent conflict: {Words.Enum(a.IntentConflict)}";
        }
        return line;
    }

    /// <summary>"1.2E-4 (maximum, ALFANO-MAX-PROBABILITY)"</summary>
    public static string Probability(CollisionProbability p) => p.Kind == ProbabilityKind.Unspecified
        ? "-"
        : $"{Words.Number(p.Value, "0.0E+0")} ({(p.Kind == ProbabilityKind.MaximumForHardBodyRadius ? "maximum" : "computed")}, {p.Method})";

    /// <summary>One side: who operates it, where its data came from, and its operator's answer.</summary>
    public static string Side(string role, AlertObject o)
    {
        var line = $"  {role} {ObjectText.Name(o.Object)}: {(o.OperatorId.Length > 0 ? $"operated by {o.OperatorId}" : "unregistered")},"
            + $" data from {Words.Enum(o.Source)}{(o.DataEpoch is null ? "" : $" (epoch {Words.Time(o.DataEpoch)})")},"
            + $" {(o.StateAtTca is null ? "state not shared" : "state shared")}";
        return line + (o.Response is null ? "" : $"; {Answer(o.Response)}");
    }

    /// <summary>An operator's acknowledgement and intent, or its deadline.</summary>
    public static string Answer(AlertResponse r)
    {
        var answer = r.AcknowledgedAt is null
            ? $"acknowledge by {Words.Time(r.AcknowledgeBy)}"
            : $"acknowledged {Words.Time(r.AcknowledgedAt)}, {Words.Enum(r.Intent)}{(r.Note.Length > 0 ? $": {r.Note}" : "")}";
        return answer + (r.EscalatedAt is null ? "" : $", escalated {Words.Time(r.EscalatedAt)}");
    }

    /// <summary>One version in the history: "#7 2022-07-15 12:01:02Z raised by the exchange".</summary>
    public static string Event(AlertEvent e)
    {
        var line = $"  #{e.Sequence} {Words.Time(e.RecordedAt)} {Words.Enum(e.EventType)} v{e.Alert.Version} by {(e.Actor.Length > 0 ? e.Actor : "the exchange")}";
        if (e.EscalatedOperator.Length > 0)
        {
            line += $": {e.EscalatedOperator} did not acknowledge; call {string.Join("; ", e.Contacts.Select(Words.Contact))}";
        }
        return line;
    }
}
