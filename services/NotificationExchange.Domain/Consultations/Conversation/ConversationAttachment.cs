using System.Security.Cryptography;
using System.Text;

namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// A document sent with a conversation message (a CCSDS message, an ephemeris), kept exactly as sent. The store keeps
/// each content once per consultation, by its digest; messages name it by media type, digest and size.
/// </summary>
public sealed record ConversationAttachment(string MediaType, string Sha256, long SizeBytes, string Content)
{
    /// <summary>
    /// The most the attachments of one message may hold together: 3 MiB of UTF-8. A message is relayed whole to every
    /// party, and gRPC clients refuse messages over 4 MiB unless told otherwise: with its text and framing, a message
    /// this size still reaches every client as it is configured by default. A larger document goes in several messages.
    /// </summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>An attachment with the digest (SHA-256 of the UTF-8 bytes, lower-case hex) and size of its content.</summary>
    public static ConversationAttachment Of(string mediaType, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return new ConversationAttachment(mediaType, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, content);
    }
}
