namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>A key found by its hash, and the organisation it belongs to.</summary>
public sealed record ApiKeyHolder(ApiKey Key, OperatorAccount Account);
