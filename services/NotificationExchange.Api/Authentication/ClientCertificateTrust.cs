using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Checks a client certificate against the configured authorities only (CustomRootTrust: the system's roots are
/// never trusted for clients), at the exchange clock's now: expired and not-yet-valid certificates are refused. Read
/// once, at start-up: a bad or empty file fails the start, naming it.
/// </summary>
internal sealed class ClientCertificateTrust
{
    private readonly X509Certificate2Collection _authorities = [];
    private readonly X509RevocationMode _revocationMode;
    private readonly TimeProvider _clock;

    public ClientCertificateTrust(IOptions<AuthenticationOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var settings = options.Value.ClientCertificates;
        _revocationMode = settings.RevocationMode;
        if (settings.TrustedAuthorities is { Length: > 0 } path)
        {
            try
            {
                _authorities.ImportFromPemFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException($"{AuthenticationOptions.Section}:ClientCertificates:TrustedAuthorities: cannot read {path}: {e.Message}", e);
            }
            if (_authorities.Count == 0)
            {
                throw new InvalidOperationException($"{AuthenticationOptions.Section}:ClientCertificates:TrustedAuthorities: {path} holds no PEM certificate");
            }
        }
    }

    /// <summary>Why <paramref name="certificate"/> is not trusted, or null when it chains to a configured authority and is valid now.</summary>
    public string? Problem(X509Certificate2 certificate)
    {
        if (_authorities.Count == 0)
        {
            return $"no client certificate authority is configured ({AuthenticationOptions.Section}:ClientCertificates:TrustedAuthorities)";
        }
        var now = _clock.GetUtcNow().UtcDateTime;
        if (certificate.NotAfter.ToUniversalTime() < now)
        {
            return $"it expired at {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}";
        }
        if (certificate.NotBefore.ToUniversalTime() > now)
        {
            return $"it is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}";
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = _revocationMode;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate)
            ? null
            : "it does not chain to a trusted authority (" + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct()) + ")";
    }
}
