using NotificationExchange.Domain.Consultations.Conversation;

namespace NotificationExchange.Consultations.Conversations;

/// <summary>What a Converse stream carries to its party, in order.</summary>
public abstract record ConversationItem
{
    /// <summary>A message; each once, in sequence order. <see cref="Live"/> once the stream has caught up.</summary>
    public sealed record Message(ConversationMessage Stored, bool Live) : ConversationItem;

    /// <summary>Replay is over: every message up to <see cref="Sequence"/> has been sent; what follows is live.</summary>
    public sealed record CaughtUp(long Sequence) : ConversationItem;

    /// <summary>Another party's receipt moved (or, just after catching up, where it stands).</summary>
    public sealed record Receipt(ConversationReceipt Stored) : ConversationItem;
}
