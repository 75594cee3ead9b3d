using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Alerts.Screening;
using NotificationExchange.Domain;

namespace NotificationExchange.Alerts;

/// <summary>Registers the proximity-alert services: registry, catalogue, screening and coordination.</summary>
public static class AlertsRegistration
{
    /// <summary>
    /// Screening (settings from <see cref="ScreeningOptions.Section"/>): the universe of objects screened against, the
    /// notification screener, and the worker that screens the log once across instances. The host supplies the store's
    /// ports and an <see cref="Domain.Storage.IEventRenderer"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExchangeCore();
        builder.Services.AddOptions<ScreeningOptions>().Bind(builder.Configuration.GetSection(ScreeningOptions.Section));
        builder.Services.AddSingleton<ScreeningUniverse>();
        builder.Services.AddSingleton<NotificationScreener>();
        builder.Services.AddHostedService<ScreeningWorker>();
        builder.Services.AddHostedService<StandingScreening>();
        return builder;
    }
}
