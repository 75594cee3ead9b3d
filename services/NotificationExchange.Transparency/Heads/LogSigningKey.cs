using System.Security.Cryptography;

namespace NotificationExchange.Transparency.Heads;

/// <summary>
/// The log's ECDSA P-256 key: signs tree heads with SHA-256 (DER signatures, RFC 3279), and names itself by its key
/// id, SHA-256 of its public key's SubjectPublicKeyInfo in lowercase hex.
/// </summary>
public sealed class LogSigningKey : IDisposable
{
    public const string Algorithm = "ecdsa-p256-sha256";

    private readonly ECDsa _key;

    private LogSigningKey(ECDsa key)
    {
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("the log's signing key must be an ECDSA key on P-256");
        }
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKey));
    }

    /// <summary>The public key as X.509 SubjectPublicKeyInfo (DER).</summary>
    public byte[] PublicKey { get; }

    public string PublicKeyPem { get; }

    public string KeyId { get; }

    public static LogSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>A key from PEM (PKCS#8 "PRIVATE KEY" or SEC 1 "EC PRIVATE KEY"); ArgumentException when it holds none.</summary>
    public static LogSigningKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Q.X is null)
            {
                throw new ArgumentException("the PEM holds no EC key");
            }
            return new LogSigningKey(key);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new ArgumentException($"the PEM holds no ECDSA P-256 private key: {e.Message}", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The private key as PKCS#8 PEM, to keep it.</summary>
    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public TreeHead Sign(string origin, long treeSize, byte[] rootHash, long timestampMilliseconds)
    {
        var text = TreeHead.SignedText(origin, treeSize, rootHash, timestampMilliseconds);
        var signature = _key.SignData(text, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new TreeHead(origin, treeSize, rootHash, timestampMilliseconds, signature, KeyId);
    }

    /// <summary>Whether the head's signature verifies with this key.</summary>
    public bool Verifies(TreeHead head) =>
        head.KeyId == KeyId && _key.VerifyData(head.SignedText(), head.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose() => _key.Dispose();
}
