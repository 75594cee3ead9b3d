using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing.Requests;

public sealed record ReportExecutionDraft(string OperatorId, string RequestId, string? NotificationId, ExecutionReport? Report)
    : FilingDraft(OperatorId, RequestId);
