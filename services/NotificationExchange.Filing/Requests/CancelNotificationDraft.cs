namespace NotificationExchange.Filing.Requests;

public sealed record CancelNotificationDraft(string OperatorId, string RequestId, string? NotificationId, string? Reason)
    : FilingDraft(OperatorId, RequestId);
