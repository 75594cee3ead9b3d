using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Domain;

public static class ExchangeCoreRegistration
{
    /// <summary>
    /// What the exchange's libraries share: the clock, the commit listeners, the signal of queued webhooks and the meters. Each library's registration
    /// calls this, so any one of them works on its own; whichever registers first provides them, and a host that
    /// registers its own first (a fake clock in tests) keeps it.
    /// </summary>
    public static IServiceCollection AddExchangeCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CommittedEvents>();
        services.TryAddSingleton<WebhookQueueSignal>();
        services.TryAddSingleton<ExchangeMetrics>();
        return services;
    }
}
