namespace NotificationExchange.Client;

/// <summary>Where the exchange is and how to reach it. Bound from the configuration section "NotificationExchange" or
/// set by an action, by the AddNotificationExchangeClient overloads of <see cref="ServiceCollectionExtensions"/>, or set
/// directly for <see cref="NxClient.Create"/>.</summary>
public sealed class NxClientOptions
{
    /// <summary>The exchange's gRPC address: http://host:port for plaintext (development), https://host:port for TLS.</summary>
    public Uri Address { get; set; } = new("http://localhost:5170");

    /// <summary>The organisation's API key, sent as "authorization: Bearer KEY" on every call; null for calls that need none
    /// (health).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The deadline of every unary call that does not set its own. Streams have none: they live until closed.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times gRPC tries a unary call in all (first try included) when the exchange answers UNAVAILABLE:
    /// 1 turns retries off. gRPC caps it at 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>A PEM file holding the certificate authority that signed the exchange's TLS certificate, for a private CA;
    /// null trusts the system's store.</summary>
    public string? TrustedCertificateAuthorityPath { get; set; }

    /// <summary>A PEM file holding a client certificate, for the exchange's mutual TLS endpoint (an https address): the
    /// organisation the certificate is registered to is the caller, and no API key is needed. Null sends none.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM file of <see cref="ClientCertificatePath"/>'s private key (unencrypted PKCS#8 or PKCS#1/SEC1);
    /// null when the certificate file holds the key too.</summary>
    public string? ClientKeyPath { get; set; }
}
