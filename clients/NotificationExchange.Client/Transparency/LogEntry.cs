using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>
/// One entry of the log as a client holds it: the SubscriptionMessage a stream carried (or one rebuilt from a point
/// read, see <see cref="FromRevision"/>), its sequence, and words naming it in a report ("MNV-7 v2 (sequence 12)").
/// </summary>
public sealed record LogEntry(string Subject, ulong Sequence, SubscriptionMessage Message)
{
    /// <summary>The entry a stream message carries; null for a message that is no entry (heartbeat, CaughtUp) or an
    /// entry that could not be read back (unreadable: there is nothing to commit to).</summary>
    public static LogEntry? Of(SubscriptionMessage message) => message.MessageCase switch
    {
        SubscriptionMessage.MessageOneofCase.Event => new(
            $"{message.Event.Notification?.Id ?? "notification"} v{message.Event.Notification?.Version} (sequence {message.Event.Sequence})",
            message.Event.Sequence, message),
        SubscriptionMessage.MessageOneofCase.ConsultationEvent => new(
            $"{message.ConsultationEvent.Consultation?.Id ?? "consultation"} {message.ConsultationEvent.EventType} (sequence {message.ConsultationEvent.Sequence})",
            message.ConsultationEvent.Sequence, message),
        SubscriptionMessage.MessageOneofCase.DirectLineEvent => new(
            $"{message.DirectLineEvent.DirectLine?.Id ?? "direct line"} {message.DirectLineEvent.EventType} (sequence {message.DirectLineEvent.Sequence})",
            message.DirectLineEvent.Sequence, message),
        SubscriptionMessage.MessageOneofCase.AlertEvent => new(
            $"{message.AlertEvent.Alert?.Id ?? "alert"} v{message.AlertEvent.Alert?.Version} (sequence {message.AlertEvent.Sequence})",
            message.AlertEvent.Sequence, message),
        _ => null,
    };

    /// <summary>
    /// The stream form of one version of a notification, as transparency.proto prescribes for point reads:
    /// NotificationEvent{sequence, event_type, recorded_at, notification} with notification.screening cleared
    /// (screening is added at read time, after the entry was recorded). Null when the version cannot be read back.
    /// </summary>
    public static LogEntry? FromRevision(NotificationRevision revision)
    {
        if (revision.Notification is null)
        {
            return null;
        }
        var notification = revision.Notification.Clone();
        notification.Screening = null;
        return Of(new SubscriptionMessage
        {
            Event = new NotificationEvent
            {
                Sequence = revision.Sequence,
                EventType = revision.EventType,
                RecordedAt = revision.RecordedAt,
                Notification = notification,
            },
        });
    }

    /// <summary>A consultation's change as GetConsultation's history gives it, in the stream's form.</summary>
    public static LogEntry FromConsultationEvent(ConsultationEvent change) =>
        Of(new SubscriptionMessage { ConsultationEvent = change })!;
}
