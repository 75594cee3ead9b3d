using NotificationExchange.Domain.Consultations.Conversation;

namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// A consultation's conversation as its transcript records it: every message in sequence order, and each party's
/// receipt (in order of organisation id, so that the record does not depend on the order a store returns them in).
/// </summary>
public sealed record TranscriptConversation(IReadOnlyList<TranscriptMessage> Messages, IReadOnlyList<TranscriptReceipt> Receipts)
{
    /// <summary>No message and no receipt: a consultation whose parties have not conversed.</summary>
    public static TranscriptConversation Empty { get; } = new([], []);

    /// <summary>
    /// The conversation as stored, whichever way it was read (the closing write's session, or the store for an export):
    /// one mapping for both, so that the two digests cannot part. Attachments are named by digest, not content.
    /// </summary>
    public static TranscriptConversation Of(IEnumerable<ConversationMessage> messages, IEnumerable<ConversationReceipt> receipts) => new(
        messages.OrderBy(m => m.Sequence)
            .Select(m => new TranscriptMessage(
                m.Sequence, m.FromOrganization, m.ClientMessageId, m.SentAt, m.Text,
                m.Attachments.Select(a => new TranscriptAttachment(a.MediaType, a.Sha256, a.SizeBytes)).ToArray()))
            .ToArray(),
        receipts.OrderBy(r => r.OrganizationId, StringComparer.Ordinal)
            .Select(r => new TranscriptReceipt(r.OrganizationId, r.DeliveredThrough, r.ReadThrough, r.UpdatedAt))
            .ToArray());
}
