namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// A consultation's conversation as its transcript records it: every message in sequence order, and each party's
/// receipt (in order of organisation id, so that the record does not depend on the order a store returns them in).
/// </summary>
public sealed record TranscriptConversation(IReadOnlyList<TranscriptMessage> Messages, IReadOnlyList<TranscriptReceipt> Receipts)
{
    /// <summary>No message and no receipt: a consultation whose parties have not conversed.</summary>
    public static TranscriptConversation Empty { get; } = new([], []);
}
