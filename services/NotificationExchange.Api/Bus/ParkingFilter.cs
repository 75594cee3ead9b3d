using System.Collections.Frozen;
using System.Text.Json;
using MassTransit;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Counts and logs a message on its way to the parking queue, before MassTransit's own filter moves it there: a
/// message that faulted after its retries (the error pipe, <see cref="ExceptionReceiveContext"/>), or one this
/// endpoint has no consumer for (the dead-letter pipe). The message is then acknowledged on the instance queue, so the
/// next one is consumed.
/// </summary>
internal sealed class ParkingFilter<TContext>(ExchangeMetrics metrics, ILogger logger, string parkingQueue) : IFilter<TContext>
    where TContext : class, ReceiveContext
{
    private const string EventUrnPrefix = "urn:message:NotificationExchange.IntegrationEvents:";

    /// <summary>The tag values the metric may take besides "unknown": the integration events' type names.</summary>
    private static readonly FrozenSet<string> KnownTypes = typeof(NotificationEventRecorded).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(NotificationEventRecorded).Namespace)
        .Select(t => t.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    public async Task Send(TContext context, IPipe<TContext> next)
    {
        var messageType = MessageType(context);
        if (context is ExceptionReceiveContext faulted)
        {
            metrics.BusMessageParked(messageType, "faulted");
            logger.LogError(faulted.Exception, "Parking a {MessageType} message ({MessageId}) from {InputAddress} in {ParkingQueue}: its consumer failed after its retries",
                messageType, context.GetMessageId(), context.InputAddress, parkingQueue);
        }
        else
        {
            metrics.BusMessageParked(messageType, "skipped");
            logger.LogError("Parking a {MessageType} message ({MessageId}) from {InputAddress} in {ParkingQueue}: nothing on this queue consumes it",
                messageType, context.GetMessageId(), context.InputAddress, parkingQueue);
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("park");

    /// <summary>
    /// The type the MassTransit envelope says it carries, when it is one of the integration events; "unknown" for
    /// anything else (another type, a body that is not an envelope), which keeps the metric's tags few.
    /// </summary>
    private static string MessageType(ReceiveContext context)
    {
        try
        {
            using var envelope = JsonDocument.Parse(context.Body.GetBytes());
            if (envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array)
            {
                foreach (var type in types.EnumerateArray())
                {
                    if (type.ValueKind == JsonValueKind.String && type.GetString() is { } urn && urn.StartsWith(EventUrnPrefix, StringComparison.Ordinal)
                        && KnownTypes.Contains(urn[EventUrnPrefix.Length..]))
                    {
                        return urn[EventUrnPrefix.Length..];
                    }
                }
            }
        }
        catch (JsonException)
        {
        }
        return "unknown";
    }
}
