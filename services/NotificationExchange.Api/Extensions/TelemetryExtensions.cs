using MassTransit.Logging;
using MassTransit.Monitoring;
using NotificationExchange.Domain.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NotificationExchange.Api.Extensions;

internal static class TelemetryExtensions
{
    // the name of HttpClient's activity source and meter
    private const string HttpClientTelemetry = "System.Net.Http";

    /// <summary>
    /// Traces of incoming gRPC calls, the log's group commits, MassTransit's publish and consume, and webhook POSTs
    /// (the exchange's "webhook delivery" span around HttpClient's own); the exchange's metrics (filed, delivered,
    /// delivery lag, open streams, webhooks) and HttpClient's. Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is
    /// set (the standard OTEL_* variables configure the rest).
    /// </summary>
    public static IHostApplicationBuilder AddExchangeTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(ExchangeMetrics.ActivitySourceName)
                // HttpClient's own spans (the webhooks' POSTs); .NET emits them without an instrumentation package
                .AddSource(HttpClientTelemetry))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(ExchangeMetrics.MeterName)
                .AddMeter(InstrumentationOptions.MeterName)
                .AddMeter(HttpClientTelemetry));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
