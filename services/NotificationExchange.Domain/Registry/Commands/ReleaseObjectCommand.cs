namespace NotificationExchange.Domain.Registry.Commands;

public sealed record ReleaseObjectCommand(string RequestId, string OperatorId, int NoradCatId);
