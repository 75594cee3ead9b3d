namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// The answer to a message said: the message as stored, and whether it was stored before (the sender repeated its
/// client message id, after a reconnect for example; nothing new was stored or relayed).
/// </summary>
public sealed record PostedMessage(ConversationMessage Message, bool Replayed);
