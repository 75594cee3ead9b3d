using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NotificationExchange.Alerts.Cdm;
using NotificationExchange.Alerts.Coordination;
using NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Alerts;

/// <summary>Registers the proximity-alert services: registry, catalogue, screening and coordination.</summary>
public static class AlertsRegistration
{
    /// <summary>
    /// Coordination (acknowledgements, the deadline service that escalates and closes, settings from Exchange:Alerts
    /// once the host binds them) and the CDM export. The host supplies the store's ports and an
    /// <see cref="Domain.Storage.IEventRenderer"/>; deadlines run on the <see cref="DeadlineClock"/> consultations use.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertDeadlineOptions>()
            .Validate(options => options.IsValid(), AlertDeadlineOptions.PollIntervalRange)
            .ValidateOnStart();
        services.TryAddSingleton(sp => new DeadlineClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AlertCoordination>();
        services.AddSingleton<AlertEscalation>();
        services.AddHostedService<AlertDeadlines>();
        services.AddSingleton<AlertCdmExporter>();
        return services;
    }
}
