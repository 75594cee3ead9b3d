using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// Who must hear of an escalation even when nobody of theirs is connected: the desks the escalation names (the
/// operator's BACKUP and OPERATIONS_24_7 contact points, or its PRIMARY when it has neither). Queued in the write that
/// records the event (durable with it, once: the dedup key is the event's), for the contact points that have a
/// webhook; the body is the event as parties receive it, in JSON.
/// </summary>
public static class AlertWebhooks
{
    public static void Queue(ILogWriteSession session, AlertRecorded recorded, IEventRenderer renderer)
    {
        if (recorded is not { Type: AlertEventType.Escalated, Change: { EscalatedOperator: { } escalated, Contacts: { Count: > 0 } contacts } })
        {
            return;
        }
        var roles = contacts.Select(c => c.Role).Distinct().ToArray();
        session.QueueWebhooks(escalated, roles, "alert.escalated", renderer.RenderJson(recorded), $"{recorded.Alert.Id}/{recorded.Sequence}");
    }
}
