using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing.Requests;

public sealed record FileNotificationDraft(
    string OperatorId, string RequestId, NoticeDraft Notice, IReadOnlyList<string> RelatedNotificationIds, Visibility Visibility)
    : FilingDraft(OperatorId, RequestId)
{
    /// <summary>The audience asked for; null when the request sets none.</summary>
    public AudienceDraft? Audience { get; init; }

    /// <summary>The embargo asked for; null when the request sets none.</summary>
    public EmbargoDraft? Embargo { get; init; }
}
