using MassTransit;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Makes revoked credentials stop working: at once on this instance, and on the others through the bus
/// (<see cref="CredentialsRevoked"/>, consumed by <see cref="CredentialsRevokedConsumer"/>). Called after the
/// revocation is committed. A publish that fails or hangs (the bus is down) is logged, not thrown: the revocation is
/// stored, and the other instances' cache lifetime bounds how long they keep accepting the credential.
/// </summary>
internal sealed class CredentialRevocations(
    CredentialCache cache, IBus bus, INotificationLog log, ExchangeInstance instance, TimeProvider clock, ILogger<CredentialRevocations> logger)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    public async Task AnnounceAsync(IReadOnlyList<string> credentialIds, DateTime revokedAt)
    {
        if (credentialIds.Count == 0)
        {
            return;
        }
        cache.Forget(credentialIds);
        // not the call's token: a caller that hangs up after the commit must not keep the other instances from knowing
        using var timeout = new CancellationTokenSource(PublishTimeout, clock);
        try
        {
            await bus.Publish(new CredentialsRevoked
            {
                StoreId = log.StoreId,
                InstanceId = instance.Id,
                CredentialIds = credentialIds,
                RevokedAt = revokedAt,
            }, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not announce the revocation of {Credentials} to the other instances; they stop accepting it within {Lifetime}",
                string.Join(", ", credentialIds), cache.Lifetime);
        }
    }
}
