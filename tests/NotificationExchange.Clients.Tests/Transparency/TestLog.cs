using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Clients.Tests.Transparency;

/// <summary>A signer of tree heads as transparency.proto specifies them, written from the proto's text (not from the
/// client's code), with a key of its own.</summary>
internal sealed class TestLog : IDisposable
{
    public const string Origin = "exchange.test/log";

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] PublicKey => Key.ExportSubjectPublicKeyInfo();

    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(PublicKey));

    public LogKey LogKey => new()
    {
        Algorithm = "ecdsa-p256-sha256",
        PublicKey = ByteString.CopyFrom(PublicKey),
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", PublicKey),
        KeyId = KeyId,
        Origin = Origin,
    };

    public SignedTreeHead Sign(ulong size, byte[] root, long unixMilliseconds = 1_790_000_000_123)
    {
        var text = $"notification-exchange tree head v1\n{Origin}\n{size}\n{Convert.ToBase64String(root)}\n{unixMilliseconds}\n";
        return new SignedTreeHead
        {
            Origin = Origin,
            TreeSize = size,
            RootHash = ByteString.CopyFrom(root),
            Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds)),
            Signature = ByteString.CopyFrom(Key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)),
            KeyId = KeyId,
        };
    }

    public void Dispose() => Key.Dispose();
}
