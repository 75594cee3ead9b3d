namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>
/// What a request id's first call made: <see cref="IsNew"/> when this call made it, false when an earlier call with
/// the same request id did (and nothing new was made).
/// </summary>
public sealed record Issued<T>(T Credential, bool IsNew);
