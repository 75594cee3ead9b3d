using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Alerts.CatalogueLoading;
using NotificationExchange.Alerts.Registry;
using NotificationExchange.Domain;

namespace NotificationExchange.Alerts;

/// <summary>Registers the proximity-alert services: registry, catalogue, screening and coordination.</summary>
public static class AlertsRegistration
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddExchangeCore();
        services.AddSingleton<ObjectRegistry>();
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section);
        services.AddSingleton<CatalogueLoader>();
        services.AddHostedService<CatalogueStartupLoad>();
        return services;
    }
}
