namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>
/// A registration that makes client certificates authenticate as an organisation: by SHA-256 thumbprint (one
/// certificate) or by exact subject distinguished name (any certificate of that subject a trusted authority issues,
/// so that a renewed certificate needs no new registration). Thumbprints are upper-case hex; subjects as
/// <see cref="System.Security.Cryptography.X509Certificates.X500DistinguishedName.Name"/> writes them.
/// </summary>
public sealed record ClientCertificateMapping(
    string Id, string OperatorId, string? Thumbprint, string? Subject, string? Label, DateTime CreatedAt, DateTime? RevokedAt);
