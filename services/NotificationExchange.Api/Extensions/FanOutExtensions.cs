using NotificationExchange.FanOut;

namespace NotificationExchange.Api.Extensions;

internal static class FanOutExtensions
{
    /// <summary>The live feed, subscriber streams and subscription management.</summary>
    public static IHostApplicationBuilder AddFanOut(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FanOutOptions>(builder.Configuration.GetSection("Exchange:FanOut"));
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        builder.Services.AddSingleton<SubscriptionManager>();
        return builder;
    }
}
