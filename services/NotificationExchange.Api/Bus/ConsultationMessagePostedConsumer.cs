using MassTransit;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.Domain.Storage;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Tells this instance's hub of a conversation message any instance stored; its streams of that consultation read what
/// they lack from the store (this instance's own messages were offered to them already, and change nothing here).
/// </summary>
internal sealed class ConsultationMessagePostedConsumer(ConversationHub hub, INotificationLog log, ILogger<ConsultationMessagePostedConsumer> logger)
    : IConsumer<ConsultationMessagePosted>
{
    public Task Consume(ConsumeContext<ConsultationMessagePosted> context)
    {
        var message = context.Message;
        if (message.StoreId != log.StoreId)
        {
            logger.LogWarning("Ignoring message {Sequence} of {ConsultationId} of store {StoreId}: this instance serves store {Own}",
                message.Sequence, message.ConsultationId, message.StoreId, log.StoreId);
        }
        else
        {
            hub.Learned(message.ConsultationId, message.Sequence);
        }
        return Task.CompletedTask;
    }
}
