using System.Globalization;
using System.Text;

namespace NotificationExchange.Transparency.Heads;

/// <summary>
/// A signed tree head: the log's name, the tree's size and root, when it was signed (Unix milliseconds), the DER
/// ECDSA signature over <see cref="SignedText()"/>, and the key id of the key that made it.
/// </summary>
public sealed record TreeHead(string Origin, long TreeSize, byte[] RootHash, long TimestampMilliseconds, byte[] Signature, string KeyId)
{
    /// <summary>The text a head's signature covers, exactly as transparency.proto defines it (UTF-8, each line ending in \n).</summary>
    public static byte[] SignedText(string origin, long treeSize, ReadOnlySpan<byte> rootHash, long timestampMilliseconds)
    {
        if (origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("a log's origin is one line", nameof(origin));
        }
        var text = string.Create(CultureInfo.InvariantCulture,
            $"notification-exchange tree head v1\n{origin}\n{treeSize}\n{Convert.ToBase64String(rootHash)}\n{timestampMilliseconds}\n");
        return Encoding.UTF8.GetBytes(text);
    }

    public byte[] SignedText() => SignedText(Origin, TreeSize, RootHash, TimestampMilliseconds);
}
