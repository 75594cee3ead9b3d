using MassTransit.Logging;
using MassTransit.Monitoring;
using NotificationExchange.Domain.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NotificationExchange.Api.Extensions;

internal static class TelemetryExtensions
{
    /// <summary>
    /// Traces of incoming gRPC calls, the log's group commits and MassTransit's publish and consume; the exchange's
    /// metrics (filed, delivered, delivery lag, open streams). Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
    /// is set (the standard OTEL_* variables configure the rest).
    /// </summary>
    public static IHostApplicationBuilder AddExchangeTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(ExchangeMetrics.ActivitySourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(ExchangeMetrics.MeterName)
                .AddMeter(InstrumentationOptions.MeterName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
