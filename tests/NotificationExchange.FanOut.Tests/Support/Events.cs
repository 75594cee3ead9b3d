using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>Log entries for the fan-out: what it reads of them is the sequence and the match keys.</summary>
internal static class Events
{
    public static readonly DateTime Epoch = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A maneuver filed by "filer-ops" on object 10000 + sequence, recorded <paramref name="sequence"/> seconds after <see cref="Epoch"/>.</summary>
    public static RecordedEvent Filed(long sequence)
    {
        var norad = (int)(10_000 + sequence);
        var at = Epoch.AddSeconds(sequence);
        var notification = new Notification
        {
            Id = $"MNV-{sequence}",
            Sequence = sequence,
            FilingOperator = "filer-ops",
            FiledAt = at,
            UpdatedAt = at,
            Version = 1,
            Status = NotificationStatus.Filed,
            Content = new ManeuverNotice { Object = new SpaceObjectRef(norad) },
        };
        return new RecordedEvent(sequence, NotificationEventType.Filed, at, notification, MatchKeys.For(notification, null));
    }

    /// <summary>A consultation requested by <paramref name="requester"/> of <paramref name="counterpart"/>: only those two may see it.</summary>
    public static ConsultationRecorded ConsultationRequested(long sequence, string requester, string counterpart)
    {
        var at = Epoch.AddSeconds(sequence);
        var consultation = new Consultation
        {
            Id = ConsultationIds.For(sequence),
            Version = 1,
            Sequence = sequence,
            State = ConsultationState.Requested,
            Requester = requester,
            Counterparts = [Counterpart.Awaiting(counterpart)],
            About = new ConsultationAbout(Topic: "a close approach"),
            Subject = "Who moves?",
            Body = "",
            Urgency = ConsultationUrgency.Urgent,
            AcknowledgeBy = at.AddMinutes(15),
            ProposedTimes = [],
            CreatedAt = at,
            UpdatedAt = at,
        };
        return new ConsultationRecorded(sequence, ConsultationEventType.Requested, at, new ConsultationChange(consultation, requester, []));
    }
}
