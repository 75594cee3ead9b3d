using MassTransit;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>Announces stored conversation messages and receipts to every instance, through MassTransit.</summary>
internal sealed class MassTransitConversationAnnouncer(IBus bus, INotificationLog log) : IConversationAnnouncer
{
    public Task MessagePostedAsync(ConversationMessage message, CancellationToken cancellationToken) => bus.Publish(new ConsultationMessagePosted
    {
        StoreId = log.StoreId,
        ConsultationId = message.ConsultationId,
        Sequence = message.Sequence,
    }, cancellationToken);

    public Task ReceiptMovedAsync(ConversationReceipt receipt, CancellationToken cancellationToken) => bus.Publish(new ConsultationReceiptMoved
    {
        StoreId = log.StoreId,
        ConsultationId = receipt.ConsultationId,
        OrganizationId = receipt.OrganizationId,
        DeliveredThrough = receipt.DeliveredThrough,
        ReadThrough = receipt.ReadThrough,
        UpdatedAt = receipt.UpdatedAt,
    }, cancellationToken);
}
