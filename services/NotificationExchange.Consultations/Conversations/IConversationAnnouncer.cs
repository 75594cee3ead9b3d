using NotificationExchange.Domain.Consultations.Conversation;

namespace NotificationExchange.Consultations.Conversations;

/// <summary>
/// Tells the other exchange instances, once it is stored, that a consultation has a new message or a party's receipt
/// moved, so that their hubs pass it to the streams they serve. Nothing durable: the store holds the message, and an
/// announcement lost with the bus is made up for by the next one, or by the hub's periodic look at the store.
/// </summary>
public interface IConversationAnnouncer
{
    Task MessagePostedAsync(ConversationMessage message, CancellationToken cancellationToken);

    Task ReceiptMovedAsync(ConversationReceipt receipt, CancellationToken cancellationToken);
}
