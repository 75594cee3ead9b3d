using NotificationExchange.Domain.Notifications;
using NotificationExchange.Filing;

namespace NotificationExchange.Api.Extensions;

internal static class FilingExtensions
{
    /// <summary>Filing (validation, lifecycle, idempotency) and the outbox relay that publishes what was filed.</summary>
    public static IHostApplicationBuilder AddFiling(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Exchange:Outbox"));
        builder.Services.AddSingleton<NotificationValidator>();
        builder.Services.AddSingleton<NotificationLifecycle>();
        builder.Services.AddSingleton<FilingService>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
