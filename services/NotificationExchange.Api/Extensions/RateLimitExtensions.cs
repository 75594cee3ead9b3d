using NotificationExchange.Api.RateLimiting;

namespace NotificationExchange.Api.Extensions;

internal static class RateLimitExtensions
{
    /// <summary>Per-organisation and per-address rate limits (Exchange:RateLimits; docs/rate-limits.md).</summary>
    public static IHostApplicationBuilder AddExchangeRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<CallerRateLimiter>();
        return builder;
    }

    /// <summary>Between authentication (calls count against their organisation) and authorization (calls without a
    /// valid credential are limited by address before they are refused).</summary>
    public static WebApplication UseExchangeRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseMiddleware<RateLimitMiddleware>();
        }
        return app;
    }
}
