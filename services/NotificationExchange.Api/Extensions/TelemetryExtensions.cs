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
    /// set (the standard OTEL_* variables configure the rest). Without an endpoint nothing is sampled and no metric is
    /// collected: the SDK would otherwise record every span and measurement (each call's, each bus message's, with
    /// their tags) for no reader, a cost on every filing (bench/README.md, "Why the RabbitMQ path cost what it did").
    /// The instrumentation stays registered, so that another listener (a test's, dotnet-trace) still gets the same
    /// spans, named as exported ones are.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeTelemetry(this IHostApplicationBuilder builder)
    {
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource(DiagnosticHeaders.DefaultListenerName)
                    .AddSource(ExchangeMetrics.ActivitySourceName)
                    // HttpClient's own spans (the webhooks' POSTs); .NET emits them without an instrumentation package
                    .AddSource(HttpClientTelemetry);
                if (!exported)
                {
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            });
        if (exported)
        {
            telemetry
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddMeter(ExchangeMetrics.MeterName)
                    .AddMeter(InstrumentationOptions.MeterName)
                    .AddMeter(HttpClientTelemetry))
                .UseOtlpExporter();
        }
        return builder;
    }
}
