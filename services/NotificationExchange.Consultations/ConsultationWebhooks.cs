using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Consultations;

/// <summary>
/// Who must hear of a consultation's event even when nobody of theirs is connected: on a request, each counterpart's
/// primary and 24/7 desks; on an escalation, the escalated counterpart's backup and 24/7 desks, and the requester's
/// primary. Queued in the write that records the event (durable with it, once: the dedup key is the event's), for
/// the contact points that have a webhook; the body is the event as parties receive it, in JSON.
/// </summary>
public static class ConsultationWebhooks
{
    private static readonly ContactRole[] _requestedDesks = [ContactRole.Primary, ContactRole.Operations247];
    private static readonly ContactRole[] _escalatedDesks = [ContactRole.Backup, ContactRole.Operations247];
    private static readonly ContactRole[] _requesterDesk = [ContactRole.Primary];

    public static void Queue(ILogWriteSession session, ConsultationRecorded recorded, IEventRenderer renderer)
    {
        var consultation = recorded.Consultation;
        var key = $"{consultation.Id}/{recorded.Sequence}";
        switch (recorded.Type)
        {
            case ConsultationEventType.Requested:
                var payload = renderer.RenderJson(recorded);
                foreach (var counterpart in consultation.Counterparts)
                {
                    session.QueueWebhooks(counterpart.OrganizationId, _requestedDesks, "consultation.requested", payload, key);
                }
                break;
            case ConsultationEventType.Escalated when recorded.Change.EscalatedOrganization is { } escalated:
                var escalation = renderer.RenderJson(recorded);
                session.QueueWebhooks(escalated, _escalatedDesks, "consultation.escalated", escalation, key);
                session.QueueWebhooks(consultation.Requester, _requesterDesk, "consultation.escalated", escalation, key);
                break;
        }
    }
}
