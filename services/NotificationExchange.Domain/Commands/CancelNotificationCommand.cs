namespace NotificationExchange.Domain.Commands;

// The positional properties and their order are the request digest's form (RequestDigestTests): change neither.
public sealed record CancelNotificationCommand(string OperatorId, string RequestId, string NotificationId, string Reason)
    : FilingCommand(OperatorId, RequestId);
