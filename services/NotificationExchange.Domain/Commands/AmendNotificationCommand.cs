using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

// The positional properties and their order are the request digest's form (RequestDigestTests): change neither.
public sealed record AmendNotificationCommand(
    string OperatorId,
    string RequestId,
    string NotificationId,
    int? ExpectedVersion,
    NotificationContent Content,
    IReadOnlyList<string> RelatedNotificationIds,
    string? Reason) : FilingCommand(OperatorId, RequestId)
{
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>
    /// The sharing asked for. Both null: the amendment keeps the current audience and embargo. Otherwise the two state
    /// it anew: <see cref="Audience"/> (null: the current one) and <see cref="Embargo"/> (null: none).
    /// </summary>
    public NotificationAudience? Audience { get; init; }

    public Embargo? Embargo { get; init; }
}
