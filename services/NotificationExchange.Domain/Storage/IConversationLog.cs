using NotificationExchange.Domain.Consultations.Conversation;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Consultations' conversations, read side. Messages have their own sequence per consultation (1, 2, 3, ...),
/// contiguous and in commit order: once message N of a consultation is visible, every one below N is too. These reads
/// know nothing of who asks: callers check the consultation's audience first.
/// </summary>
public interface IConversationLog
{
    /// <summary>Up to <paramref name="maxCount"/> messages of a consultation after <paramref name="afterSequence"/>, in order, attachments with their content.</summary>
    Task<IReadOnlyList<ConversationMessage>> ReadMessagesAfterAsync(string consultationId, long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>A consultation's last message sequence and receipts (<see cref="ConversationSummary.Empty"/> when it has none).</summary>
    Task<ConversationSummary> GetSummaryAsync(string consultationId, CancellationToken cancellationToken);

    /// <summary>The summaries of several consultations at once; those without messages or receipts are left out.</summary>
    Task<IReadOnlyDictionary<string, ConversationSummary>> GetSummariesAsync(IReadOnlyCollection<string> consultationIds, CancellationToken cancellationToken);
}
