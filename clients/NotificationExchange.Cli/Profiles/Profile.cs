namespace NotificationExchange.Cli.Profiles;

/// <summary>A saved connection: the exchange's address, the organisation's API key and, for a private CA, the PEM file
/// that signed the exchange's certificate.</summary>
internal sealed record Profile(string Address, string ApiKey, string? CertificateAuthorityPath = null);
