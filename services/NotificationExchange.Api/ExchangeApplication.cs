using NotificationExchange.Alerts;
using NotificationExchange.Api.Extensions;
using NotificationExchange.Consultations;
using NotificationExchange.Domain;
using NotificationExchange.FanOut;
using NotificationExchange.Filing;
using NotificationExchange.Webhooks;

namespace NotificationExchange.Api;

/// <summary>Builds the exchange's host; Program runs it, tests and benchmarks build it with their own settings.</summary>
public static class ExchangeApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files live beside the assembly, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddSimulationClock();
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton(builder.Configuration["Exchange:InstanceId"] is { Length: > 0 } id
            ? new ExchangeInstance(id)
            : ExchangeInstance.CreateUnique());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Subscriber streams are long-lived HTTP/2 streams: allow many per connection, and ping idle
            // connections so that dead peers are noticed.
            kestrel.Limits.Http2.MaxStreamsPerConnection = builder.Configuration.GetValue("Exchange:MaxStreamsPerConnection", 1000);
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(60);
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));

        builder.AddExchangeTelemetry();
        builder.AddExchangeStore();
        builder.AddFanOut();
        builder.AddFiling();
        builder.AddConsultations();
        builder.AddAlerts();
        builder.AddWebhooks();
        builder.AddTransparencyLog();
        builder.AddExchangeBus();
        builder.AddExchangeAuthentication();
        builder.AddExchangeAudit();
        builder.AddExchangeRateLimits();
        builder.AddExchangeGrpc();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseExchangeRateLimits();
        app.UseAuthorization();
        app.MapExchangeGrpc();
        return app;
    }
}
