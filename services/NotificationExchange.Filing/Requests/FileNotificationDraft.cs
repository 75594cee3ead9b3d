using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing.Requests;

public sealed record FileNotificationDraft(
    string OperatorId, string RequestId, NoticeDraft Notice, IReadOnlyList<string> RelatedNotificationIds, Visibility Visibility)
    : FilingDraft(OperatorId, RequestId);
