namespace NotificationExchange.Cli.Profiles;

/// <summary>A saved connection: the exchange's address; the organisation's API key, or a client certificate and its key
/// (PEM files) for the exchange's mutual TLS endpoint; and, for a private CA, the PEM file that signed the exchange's
/// certificate.</summary>
internal sealed record Profile(
    string Address, string? ApiKey, string? CertificateAuthorityPath = null, string? ClientCertificatePath = null, string? ClientKeyPath = null);
