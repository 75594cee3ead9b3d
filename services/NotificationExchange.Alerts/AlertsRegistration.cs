using Microsoft.Extensions.DependencyInjection;

namespace NotificationExchange.Alerts;

/// <summary>Registers the proximity-alert services: registry, catalogue, screening and coordination.</summary>
public static class AlertsRegistration
{
    public static IServiceCollection AddAlerts(this IServiceCollection services) => services;
}
