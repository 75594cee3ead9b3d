using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>
/// The key a client trusts the exchange's tree heads to be signed with, pinned once (from GetLogKey, or from the key
/// the exchange's operator publishes) and kept: a head is believed only when its origin and key id are the pinned ones
/// and its ECDSA P-256 signature over the signed text of transparency.proto verifies with the pinned public key.
/// </summary>
public sealed class TrustedLogKey
{
    /// <summary>The only algorithm the exchange signs with.</summary>
    public const string Algorithm = "ecdsa-p256-sha256";

    private readonly byte[] _publicKey;

    /// <summary>A key from its SubjectPublicKeyInfo (DER); refused unless it is an ECDSA P-256 key.</summary>
    public TrustedLogKey(string origin, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        using (var ecdsa = ECDsa.Create())
        {
            ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            if (ecdsa.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new ArgumentException("the log key is not an ECDSA P-256 key", nameof(subjectPublicKeyInfo));
            }
        }
        Origin = origin;
        _publicKey = subjectPublicKeyInfo.ToArray();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_publicKey));
    }

    /// <summary>The name the log signs under (the second line of the signed text).</summary>
    public string Origin { get; }

    /// <summary>SHA-256 of the public key, lowercase hex, as LogKey.key_id and SignedTreeHead.key_id give it.</summary>
    public string KeyId { get; }

    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", _publicKey);

    /// <summary>The key GetLogKey answered, refused when it is not what it says it is (another algorithm, a key id
    /// that is not the key's hash).</summary>
    public static TrustedLogKey From(LogKey key)
    {
        if (key.Algorithm != Algorithm)
        {
            throw new ArgumentException($"the log signs with {key.Algorithm}, not {Algorithm}", nameof(key));
        }
        var trusted = new TrustedLogKey(key.Origin, key.PublicKey.Span);
        return trusted.KeyId == key.KeyId
            ? trusted
            : throw new ArgumentException($"the log key's id is {key.KeyId}, but its SHA-256 is {trusted.KeyId}", nameof(key));
    }

    /// <summary>A key from a PEM "PUBLIC KEY" block, as the README and `nxc log key` publish it.</summary>
    public static TrustedLogKey FromPem(string origin, string pem)
    {
        var fields = PemEncoding.Find(pem);
        if (pem[fields.Label] is not "PUBLIC KEY")
        {
            throw new ArgumentException($"a log key is a PEM PUBLIC KEY block, not {pem[fields.Label]}", nameof(pem));
        }
        return new TrustedLogKey(origin, Convert.FromBase64String(pem[fields.Base64Data]));
    }

    /// <summary>The UTF-8 text a head's signature covers, each line ending in \n.</summary>
    public static byte[] SignedText(SignedTreeHead head)
    {
        var milliseconds = head.Timestamp is null ? 0 : (head.Timestamp.Seconds * 1000) + (head.Timestamp.Nanos / 1_000_000);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"notification-exchange tree head v1\n{head.Origin}\n{head.TreeSize}\n{Convert.ToBase64String(head.RootHash.Span)}\n{milliseconds}\n"));
    }

    /// <summary>Why <paramref name="head"/> is not a head signed with this key, or null when it is.</summary>
    public string? Problem(SignedTreeHead head)
    {
        if (head.KeyId != KeyId)
        {
            return $"the head of size {head.TreeSize} is signed by key {Show(head.KeyId)}, not the pinned key {KeyId}";
        }
        if (head.Origin != Origin)
        {
            return $"the head of size {head.TreeSize} names origin {Show(head.Origin)}, not the pinned origin {Origin}";
        }
        if (head.RootHash.Length != MerkleHashes.HashLength)
        {
            return $"the head of size {head.TreeSize} has a root of {head.RootHash.Length} bytes, not {MerkleHashes.HashLength}";
        }
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_publicKey, out _);
        return ecdsa.VerifyData(SignedText(head), head.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ? null
            : $"the signature of the head of size {head.TreeSize} (root {Convert.ToBase64String(head.RootHash.Span)}) does not verify with the pinned key {KeyId}";
    }

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;
}
