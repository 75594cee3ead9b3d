using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Consultations;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Consultations between the domain and the wire, field by field; nothing is checked here.</summary>
internal static class ConsultationMapping
{
    public static P.Consultation ToProto(this Consultation consultation)
    {
        var message = new P.Consultation
        {
            Id = consultation.Id,
            Version = (uint)consultation.Version,
            State = (P.ConsultationState)consultation.State,
            Requester = consultation.Requester,
            Counterparts = { consultation.Counterparts.Select(ToProto) },
            Subject = consultation.Subject,
            Body = consultation.Body,
            Urgency = (P.ConsultationUrgency)consultation.Urgency,
            AcknowledgeBy = Timestamp.FromDateTime(consultation.AcknowledgeBy),
            ProposedTimes = { consultation.ProposedTimes.Select(t => t.ToProto()) },
            CreatedAt = Timestamp.FromDateTime(consultation.CreatedAt),
            UpdatedAt = Timestamp.FromDateTime(consultation.UpdatedAt),
            DirectLineId = consultation.DirectLineId ?? "",
            Closure = consultation.Closure?.ToProto(),
            WithdrawReason = consultation.WithdrawReason ?? "",
        };
        switch (consultation.About)
        {
            case { NotificationId: { } notificationId }:
                message.NotificationId = notificationId;
                break;
            case { AlertId: { } alertId }:
                message.AlertId = alertId;
                break;
            case { Topic: { } topic }:
                message.Topic = topic;
                break;
        }
        return message;
    }

    public static P.ConsultationEvent ToProto(this ConsultationRecorded recorded) => new()
    {
        Sequence = (ulong)recorded.Sequence,
        EventType = (P.ConsultationEventType)recorded.Type,
        RecordedAt = Timestamp.FromDateTime(recorded.RecordedAt),
        Actor = recorded.Change.Actor ?? "",
        Consultation = recorded.Consultation.ToProto(),
        Contacts = { recorded.Change.Contacts.Select(c => c.ToPublicProto()) },
        EscalatedOrganization = recorded.Change.EscalatedOrganization ?? "",
        Reason = recorded.Change.Reason ?? "",
    };

    public static AgreedAction ToDomain(this P.AgreedAction action) =>
        new(action.OrganizationId, action.Action, WireScalars.Time(action.DueBy));

    private static P.Counterpart ToProto(Counterpart counterpart) => new()
    {
        OrganizationId = counterpart.OrganizationId,
        State = (P.CounterpartState)counterpart.State,
        AcknowledgedAt = Time(counterpart.AcknowledgedAt),
        RespondedAt = Time(counterpart.RespondedAt),
        DeclineReason = counterpart.DeclineReason ?? "",
        ProposedTimes = { counterpart.ProposedTimes.Select(t => t.ToProto()) },
        EscalatedAt = Time(counterpart.EscalatedAt),
    };

    private static P.Closure ToProto(this Closure closure) => new()
    {
        ProposedBy = closure.ProposedBy,
        ProposedAt = Timestamp.FromDateTime(closure.ProposedAt),
        OutcomeSummary = closure.OutcomeSummary,
        Actions = { closure.Actions.Select(a => new P.AgreedAction { OrganizationId = a.OrganizationId, Action = a.Action, DueBy = Time(a.DueBy) }) },
        ConfirmedBy = { closure.ConfirmedBy },
        TranscriptSha256 = closure.TranscriptSha256 ?? "",
        ClosedAt = Time(closure.ClosedAt),
    };

    private static Timestamp? Time(DateTime? time) => WireScalars.ToTimestamp(time);
}
