using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Domain;

namespace NotificationExchange.FanOut;

public static class FanOutRegistration
{
    /// <summary>
    /// The live feed, subscriber streams and subscription management; settings from Exchange:FanOut. The host supplies
    /// the store's ports.
    /// </summary>
    public static IHostApplicationBuilder AddFanOut(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FanOutOptions>(builder.Configuration.GetSection("Exchange:FanOut"));
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        builder.Services.AddSingleton<SubscriptionManager>();
        return builder;
    }
}
