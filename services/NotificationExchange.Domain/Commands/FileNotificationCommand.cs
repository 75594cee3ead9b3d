using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

// The positional properties and their order are the request digest's form (RequestDigestTests): change neither.
public sealed record FileNotificationCommand(
    string OperatorId,
    string RequestId,
    NotificationContent Content,
    IReadOnlyList<string> RelatedNotificationIds,
    Visibility Visibility) : FilingCommand(OperatorId, RequestId)
{
    /// <summary>Messages to keep with the notification (the CCSDS message it came from, a planned ephemeris).</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The audience asked for; null for PUBLIC (so that a request without one keeps its earlier digest).</summary>
    public NotificationAudience? Audience { get; init; }

    public Embargo? Embargo { get; init; }
}
