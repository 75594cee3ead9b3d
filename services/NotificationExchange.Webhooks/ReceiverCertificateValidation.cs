using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NotificationExchange.Webhooks;

/// <summary>
/// How a receiver's certificate is validated: as every HTTPS client does (the system's roots, the host name, expiry),
/// and, only when the system's roots do not reach it, against the configured extra roots as well. Validation is never
/// switched off: a certificate for another name is refused whatever its issuer, and a chain the extra roots do not
/// complete is refused as before.
/// </summary>
internal sealed class ReceiverCertificateValidation(X509Certificate2Collection extraRoots)
{
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        // Any other error (no certificate, another host's name) stands whoever issued the certificate.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null || extraRoots.Count == 0)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
        // A private CA commonly publishes no revocation list; its certificates are trusted by configuration.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // the intermediates the receiver sent
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return custom.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }
}
