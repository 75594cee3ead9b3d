using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Transparency.Heads;

namespace NotificationExchange.Api.Mapping;

internal static class TransparencyMapping
{
    public static SignedTreeHead ToProto(this TreeHead head) => new()
    {
        Origin = head.Origin,
        TreeSize = (ulong)head.TreeSize,
        RootHash = ByteString.CopyFrom(head.RootHash),
        Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(head.TimestampMilliseconds)),
        Signature = ByteString.CopyFrom(head.Signature),
        KeyId = head.KeyId,
    };

    public static LogKey ToProto(this LogSigningKey key, string origin) => new()
    {
        Algorithm = LogSigningKey.Algorithm,
        PublicKey = ByteString.CopyFrom(key.PublicKey),
        PublicKeyPem = key.PublicKeyPem,
        KeyId = key.KeyId,
        Origin = origin,
    };

    public static IEnumerable<ByteString> ToProto(this IReadOnlyList<byte[]> path) => path.Select(ByteString.CopyFrom);
}
