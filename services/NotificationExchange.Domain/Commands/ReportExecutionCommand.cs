using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

/// <remarks>
/// The report is present, but its details are checked only in the write, where the notification's kind is known
/// (<see cref="NotificationValidator.ValidateReport"/>). The positional properties and their order are the request
/// digest's form (RequestDigestTests): change neither.
/// </remarks>
public sealed record ReportExecutionCommand(string OperatorId, string RequestId, string NotificationId, ExecutionReport Report)
    : FilingCommand(OperatorId, RequestId);
