using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Alerts.CatalogueLoading;
using NotificationExchange.Alerts.Cdm;
using NotificationExchange.Alerts.Coordination;
using NotificationExchange.Alerts.Registry;
using NotificationExchange.Alerts.Screening;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Alerts;

/// <summary>Registers the proximity-alert services: registry, catalogue, screening and coordination.</summary>
public static class AlertsRegistration
{
    /// <summary>
    /// The object registry; the reference catalogue's loader and its start-up load (settings from
    /// <see cref="CatalogueOptions.Section"/>). Screening (settings from <see cref="ScreeningOptions.Section"/>): the
    /// universe of objects screened against, the notification screener, the worker that screens the log once across
    /// instances, and standing screening, which a catalogue load wakes. Coordination (acknowledgements, the deadline
    /// service that escalates and closes, settings from <see cref="AlertDeadlineOptions.Section"/>) and the CDM export.
    /// The host supplies the store's ports and an <see cref="Domain.Storage.IEventRenderer"/>; deadlines run on the
    /// <see cref="DeadlineClock"/> consultations use.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddExchangeCore();
        services.AddSingleton<ObjectRegistry>();
        services.AddOptions<CatalogueOptions>().Bind(builder.Configuration.GetSection(CatalogueOptions.Section));
        services.AddSingleton<CatalogueLoader>();
        services.AddHostedService<CatalogueStartupLoad>();

        services.AddOptions<ScreeningOptions>().Bind(builder.Configuration.GetSection(ScreeningOptions.Section));
        services.AddSingleton<ScreeningUniverse>();
        services.AddSingleton<NotificationScreener>();
        services.AddHostedService<ScreeningWorker>();
        services.AddSingleton<StandingScreening>();
        services.AddHostedService(sp => sp.GetRequiredService<StandingScreening>());
        services.AddSingleton<ICatalogueChanged>(sp => sp.GetRequiredService<StandingScreening>());

        services.AddOptions<AlertDeadlineOptions>()
            .Bind(builder.Configuration.GetSection(AlertDeadlineOptions.Section))
            .Validate(options => options.IsValid(), AlertDeadlineOptions.PollIntervalRange)
            .ValidateOnStart();
        services.TryAddSingleton(sp => new DeadlineClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AlertCoordination>();
        services.AddSingleton<AlertEscalation>();
        services.AddHostedService<AlertDeadlines>();
        services.AddSingleton<AlertCdmExporter>();
        return builder;
    }
}
