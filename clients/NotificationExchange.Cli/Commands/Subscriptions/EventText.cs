using NotificationExchange.Cli.Commands.Filing;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Subscriptions;

/// <summary>
/// One subscription event as one line, "#SEQ KIND EVENT ID ...": KIND is notification, consultation, direct-line,
/// alert or unreadable, EVENT the event type ("#5 notification filed MNV-5 v1 by esa-ops: maneuver of 25544 at ...").
/// </summary>
internal static class EventText
{
    /// <summary>The line for an event; null for what is not an event (CaughtUp, Heartbeat).</summary>
    public static string? Line(SubscriptionMessage message) => message.MessageCase switch
    {
        SubscriptionMessage.MessageOneofCase.Event => Notification(message.Event),
        SubscriptionMessage.MessageOneofCase.ConsultationEvent => Consultation(message.ConsultationEvent),
        SubscriptionMessage.MessageOneofCase.DirectLineEvent => DirectLine(message.DirectLineEvent),
        SubscriptionMessage.MessageOneofCase.AlertEvent => Alert(message.AlertEvent),
        SubscriptionMessage.MessageOneofCase.Unreadable => Unreadable(message.Unreadable),
        _ => null,
    };

    private static string Notification(NotificationEvent e) =>
        $"#{e.Sequence} notification {Words.Token(e.EventType)} {e.Notification.Id} v{e.Notification.Version} by {e.Notification.FilingOperator}: "
        + NotificationText.Detail(e.Notification);

    private static string Consultation(ConsultationEvent e)
    {
        var c = e.Consultation;
        var line = $"#{e.Sequence} consultation {Words.Token(e.EventType)} {c.Id} v{c.Version} by {(e.Actor.Length > 0 ? e.Actor : "the exchange")}: "
            + $"{c.Subject} ({Words.Token(c.State)}, {Words.Token(c.Urgency)}, {c.Requester} with {string.Join(", ", c.Counterparts.Select(p => p.OrganizationId))}"
            + (c.NotificationId.Length > 0 ? $", about {c.NotificationId}" : c.AlertId.Length > 0 ? $", about {c.AlertId}" : "") + ")";
        if (e.Reason.Length > 0)
        {
            line += $"; {e.Reason}";
        }
        if (e.EscalatedOrganization.Length > 0)
        {
            line += $"; {e.EscalatedOrganization} did not acknowledge";
        }
        if (e.Contacts.Count > 0)
        {
            line += $"; call {string.Join("; ", e.Contacts.Select(Words.Contact))}";
        }
        return line;
    }

    private static string DirectLine(DirectLineEvent e) =>
        $"#{e.Sequence} direct-line {Words.Token(e.EventType)} {e.DirectLine.Id} by {e.Actor}: {e.DirectLine.ProposedBy} and {e.DirectLine.Counterpart}, "
        + $"{e.DirectLine.Purpose} ({Words.Token(e.DirectLine.State)})";

    private static string Alert(AlertEvent e)
    {
        var a = e.Alert;
        var line = $"#{e.Sequence} alert {Words.Token(e.EventType)} {a.Id} v{a.Version} {a.Primary?.Object?.NoradCatId} vs {a.Secondary?.Object?.NoradCatId}"
            + $" TCA {Words.Time(a.Tca)} miss {Words.Number(a.MissDistanceM, "0")} m ({Words.Token(a.State)})";
        if (a.NotificationId.Length > 0)
        {
            line += $", from {a.NotificationId} v{a.NotificationVersion}";
        }
        if (e.Actor.Length > 0)
        {
            line += $", by {e.Actor}";
        }
        if (e.EscalatedOperator.Length > 0)
        {
            line += $"; {e.EscalatedOperator} did not acknowledge, call {string.Join("; ", e.Contacts.Select(Words.Contact))}";
        }
        return line;
    }

    private static string Unreadable(UnreadableEvent u)
    {
        var what = u.ConsultationId.Length > 0 ? $"consultation {u.ConsultationId}"
            : u.DirectLineId.Length > 0 ? $"direct-line {u.DirectLineId}"
            : u.AlertId.Length > 0 ? $"alert {u.AlertId}"
            : $"notification {u.NotificationId} v{u.Version}";
        return $"#{u.Sequence} unreadable {what}: {u.Reason}";
    }
}
