using MassTransit;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>Forgets credentials revoked on another instance, so that they stop working here too.</summary>
internal sealed class CredentialsRevokedConsumer(
    CredentialCache cache, INotificationLog log, ExchangeInstance instance, AuthenticationMetrics metrics, ILogger<CredentialsRevokedConsumer> logger)
    : IConsumer<CredentialsRevoked>
{
    public Task Consume(ConsumeContext<CredentialsRevoked> context)
    {
        var message = context.Message;
        if (message.StoreId != log.StoreId)
        {
            logger.LogWarning("Ignoring a revocation of store {StoreId}: this instance serves store {Own}", message.StoreId, log.StoreId);
        }
        else if (message.InstanceId != instance.Id)
        {
            cache.Forget(message.CredentialIds);
            metrics.RevocationsReceived(message.CredentialIds.Count);
        }
        return Task.CompletedTask;
    }
}
