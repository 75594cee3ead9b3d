using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing;

public static class FilingRegistration
{
    /// <summary>
    /// Filing (validation, lifecycle, idempotency) and the outbox relay that publishes what was filed; outbox settings
    /// from Exchange:Outbox. The host supplies the store's ports, an <see cref="Domain.Storage.IEventRenderer"/> and an
    /// <see cref="IIntegrationEventPublisher"/>.
    /// </summary>
    public static IHostApplicationBuilder AddFiling(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Exchange:Outbox"));
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton<NotificationValidator>();
        builder.Services.AddSingleton<NotificationLifecycle>();
        builder.Services.AddSingleton<FilingService>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
