using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>Consultation events as the state machine appends them, reduced to what the store keeps and indexes.</summary>
public static class ConsultationEvents
{
    /// <summary>
    /// Appends a new consultation's request (its id from the sequence) or, with <paramref name="consultationId"/>, the
    /// next version of one in <paramref name="state"/>; <paramref name="acknowledged"/> clears its pending deadline.
    /// </summary>
    public static ConsultationRecorded AppendConsultation(
        this ILogWriteSession session, string requester, string counterpart, string? consultationId = null,
        ConsultationState state = ConsultationState.Requested, TimeSpan? acknowledgeWithin = null, bool acknowledged = false)
    {
        var sequence = session.NextSequence;
        var at = LogEvents.Epoch.AddSeconds(sequence);
        var previous = consultationId is null ? null : ConsultationAccess.Readable(session.GetConsultation(consultationId))?.Consultation;
        var consultation = (previous ?? new Consultation
        {
            Id = ConsultationIds.For(sequence),
            Version = 0,
            Sequence = sequence,
            State = state,
            Requester = requester,
            Counterparts = [Counterpart.Awaiting(counterpart)],
            About = new ConsultationAbout(Topic: "GEO slot"),
            Subject = "Station keeping",
            Body = "",
            Urgency = ConsultationUrgency.Routine,
            AcknowledgeBy = at + (acknowledgeWithin ?? TimeSpan.FromHours(72)),
            ProposedTimes = [],
            CreatedAt = at,
            UpdatedAt = at,
        }) with { Sequence = sequence, UpdatedAt = at, State = state };
        consultation = consultation with { Version = consultation.Version + 1 };
        if (acknowledged)
        {
            consultation = consultation with
            {
                Counterparts = consultation.Counterparts.Select(c => c with { State = CounterpartState.Acknowledged, AcknowledgedAt = at }).ToArray(),
            };
        }
        var recorded = new ConsultationRecorded(
            sequence, previous is null ? ConsultationEventType.Requested : ConsultationEventType.Acknowledged, at, new ConsultationChange(consultation, requester, []));
        session.Append(recorded);
        return recorded;
    }
}
