using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Alerts.Cdm;
using NotificationExchange.Alerts.Coordination;
using NotificationExchange.Alerts.Screening;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Alerts;

/// <summary>Registers the proximity-alert services: registry, catalogue, screening and coordination.</summary>
public static class AlertsRegistration
{
    /// <summary>
    /// Screening (settings from <see cref="ScreeningOptions.Section"/>): the universe of objects screened against, the
    /// notification screener, the worker that screens the log once across instances, and standing screening.
    /// Coordination (acknowledgements, the deadline service that escalates and closes, settings from
    /// <see cref="AlertDeadlineOptions.Section"/>) and the CDM export. The host supplies the store's ports and an
    /// <see cref="Domain.Storage.IEventRenderer"/>; deadlines run on the <see cref="DeadlineClock"/> consultations use.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExchangeCore();
        builder.Services.AddOptions<ScreeningOptions>().Bind(builder.Configuration.GetSection(ScreeningOptions.Section));
        builder.Services.AddSingleton<ScreeningUniverse>();
        builder.Services.AddSingleton<NotificationScreener>();
        builder.Services.AddHostedService<ScreeningWorker>();
        builder.Services.AddHostedService<StandingScreening>();
        builder.Services.AddOptions<AlertDeadlineOptions>()
            .Bind(builder.Configuration.GetSection(AlertDeadlineOptions.Section))
            .Validate(options => options.IsValid(), AlertDeadlineOptions.PollIntervalRange)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new DeadlineClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<AlertCoordination>();
        builder.Services.AddSingleton<AlertEscalation>();
        builder.Services.AddHostedService<AlertDeadlines>();
        builder.Services.AddSingleton<AlertCdmExporter>();
        return builder;
    }
}
