namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// Where one party has got to in a consultation's conversation: every message up to <see cref="DeliveredThrough"/>
/// reached it, and it has read every message up to <see cref="ReadThrough"/>. Both only move forward; reading a
/// message implies it was delivered, so the stored delivery position is never below the read one.
/// </summary>
public sealed record ConversationReceipt(string ConsultationId, string OrganizationId, long DeliveredThrough, long ReadThrough, DateTime UpdatedAt)
{
    /// <summary>Whether this receipt says more than <paramref name="earlier"/> (null: nothing was said before).</summary>
    public bool IsAhead(ConversationReceipt? earlier) =>
        earlier is null || DeliveredThrough > earlier.DeliveredThrough || ReadThrough > earlier.ReadThrough;
}
