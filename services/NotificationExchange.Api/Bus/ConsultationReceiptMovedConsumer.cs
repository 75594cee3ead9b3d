using MassTransit;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>Passes a receipt any instance stored to the other parties' streams on this instance.</summary>
internal sealed class ConsultationReceiptMovedConsumer(ConversationHub hub, INotificationLog log, ILogger<ConsultationReceiptMovedConsumer> logger)
    : IConsumer<ConsultationReceiptMoved>
{
    public Task Consume(ConsumeContext<ConsultationReceiptMoved> context)
    {
        var message = context.Message;
        if (message.StoreId != log.StoreId)
        {
            logger.LogWarning("Ignoring a receipt in {ConsultationId} of store {StoreId}: this instance serves store {Own}",
                message.ConsultationId, message.StoreId, log.StoreId);
        }
        else
        {
            hub.ReceiptMoved(new ConversationReceipt(
                message.ConsultationId, message.OrganizationId, message.DeliveredThrough, message.ReadThrough, DateTime.SpecifyKind(message.UpdatedAt, DateTimeKind.Utc)));
        }
        return Task.CompletedTask;
    }
}
