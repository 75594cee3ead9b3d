using Microsoft.Extensions.Diagnostics.HealthChecks;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Services;

/// <summary>Healthy while the store answers a read.</summary>
internal sealed class StoreHealthCheck(INotificationLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await log.GetHeadSequenceAsync(cancellationToken);
            return HealthCheckResult.Healthy($"log head at sequence {head}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", e);
        }
    }
}
