using System.Security.Cryptography.X509Certificates;

namespace NotificationExchange.Api.Authentication;

/// <summary>Exchange:Authentication:ClientCertificates: which authorities' client certificates the exchange accepts.</summary>
internal sealed class ClientCertificateOptions
{
    /// <summary>
    /// A PEM file of the CA certificates client certificates must chain to (the system's roots are never trusted for
    /// clients). Unset: no client certificate authenticates anyone.
    /// </summary>
    public string? TrustedAuthorities { get; set; }

    /// <summary>Whether to check the chain's revocation (CRL/OCSP, which the authorities must publish); NoCheck by default.</summary>
    public X509RevocationMode RevocationMode { get; set; } = X509RevocationMode.NoCheck;
}
