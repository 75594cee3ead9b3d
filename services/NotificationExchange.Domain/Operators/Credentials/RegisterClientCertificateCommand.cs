namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>
/// Map client certificates to <see cref="OperatorId"/>: the one with this SHA-256 <see cref="Thumbprint"/> (64 hex
/// digits), or every certificate, from a trusted authority, whose subject is exactly <see cref="Subject"/> (a
/// distinguished name). Exactly one of the two.
/// </summary>
public sealed record RegisterClientCertificateCommand(string RequestId, string OperatorId, string? Thumbprint, string? Subject, string? Label);
