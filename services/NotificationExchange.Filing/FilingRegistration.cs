using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Filing.Embargoes;

namespace NotificationExchange.Filing;

public static class FilingRegistration
{
    /// <summary>
    /// Filing (validation, lifecycle, idempotency), the outbox relay that publishes what was filed (settings from
    /// Exchange:Outbox) and the release of embargoes when they end (Exchange:Embargoes, on the <see cref="DeadlineClock"/>). The host supplies the store's ports, an <see cref="Domain.Storage.IEventRenderer"/> and an
    /// <see cref="IIntegrationEventPublisher"/>.
    /// </summary>
    public static IHostApplicationBuilder AddFiling(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Exchange:Outbox"));
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton<NotificationValidator>();
        builder.Services.AddSingleton<NotificationLifecycle>();
        builder.Services.AddSingleton<FilingService>();
        // the transport, when it can, reports its connection's loss and return here (the host's bus registration)
        builder.Services.TryAddSingleton<BusConnectivity>();
        builder.Services.AddHostedService<OutboxRelay>();
        // Embargoes end on the deadline clock (as consultations' and alerts' deadlines do), so that a test moves them alone.
        builder.Services.AddOptions<EmbargoReleaseOptions>()
            .Bind(builder.Configuration.GetSection(EmbargoReleaseOptions.Section))
            .Validate(options => options.IsValid(), EmbargoReleaseOptions.PollIntervalRange)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new DeadlineClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<EmbargoReleases>();
        return builder;
    }
}
