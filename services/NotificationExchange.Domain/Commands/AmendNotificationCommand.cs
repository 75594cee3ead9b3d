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
}
