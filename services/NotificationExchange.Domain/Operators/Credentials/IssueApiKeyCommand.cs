namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>
/// Issue a new API key to <see cref="OperatorId"/> (the caller's own organisation when it names none), optionally
/// labelled and expiring. The request id makes a retry safe: it is answered with the key the first call issued, never
/// a second key.
/// </summary>
public sealed record IssueApiKeyCommand(string RequestId, string OperatorId, string? Label, DateTime? ExpiresAt);
