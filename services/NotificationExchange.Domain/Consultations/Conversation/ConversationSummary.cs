namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// A conversation in brief, as a consultation's answers show it: the last message's sequence (0 when there is none)
/// and each party's receipt (parties that never sent one have none).
/// </summary>
public sealed record ConversationSummary(long LastMessageSequence, IReadOnlyList<ConversationReceipt> Receipts)
{
    public static ConversationSummary Empty { get; } = new(0, []);
}
