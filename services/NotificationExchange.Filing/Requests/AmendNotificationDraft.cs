namespace NotificationExchange.Filing.Requests;

/// <remarks><see cref="Reason"/> is the text as sent; an empty one is none.</remarks>
public sealed record AmendNotificationDraft(
    string OperatorId,
    string RequestId,
    string? NotificationId,
    int? ExpectedVersion,
    NoticeDraft Notice,
    IReadOnlyList<string> RelatedNotificationIds,
    string? Reason) : FilingDraft(OperatorId, RequestId);
