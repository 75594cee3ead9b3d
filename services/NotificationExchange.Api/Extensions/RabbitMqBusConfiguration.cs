using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;
using NotificationExchange.Api.Bus;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Api.Extensions;

/// <summary>
/// The exchange's bus on RabbitMQ: the broker's nodes, this instance's queue and what happens to a message it cannot
/// consume. docs/architecture.md ("The bus on RabbitMQ") says why each choice.
/// </summary>
internal static class RabbitMqBusConfiguration
{
    public const string ParkingQueueSetting = "Exchange:Bus:ParkingQueue";
    public const string DefaultParkingQueue = "nx-parked";

    /// <summary>
    /// In-memory retries of a message whose consumer threw (the consumers only hand events to the feed, so a failure
    /// that a retry can cure is brief); a message that cannot be read is not retried. Retries hold the queue (one
    /// message at a time keeps its order), so they stay short: 0.75 s in all.
    /// </summary>
    private static readonly TimeSpan[] RetryIntervals = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)];

    /// <summary>The parking queue's name from <see cref="ParkingQueueSetting"/>, checked at start-up.</summary>
    public static string ParkingQueue(IConfiguration configuration)
    {
        var name = configuration[ParkingQueueSetting] is { Length: > 0 } configured ? configured : DefaultParkingQueue;
        if (name.Length > 200 || name.StartsWith("amq.", StringComparison.Ordinal) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new InvalidOperationException(
                $"{ParkingQueueSetting}: '{name}' is not a queue name this exchange uses; expected up to 200 letters, digits, '-', '_' or '.', not starting with 'amq.'");
        }
        return name;
    }

    public static void Configure(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg, RabbitMqHosts hosts, string parkingQueue)
    {
        cfg.Host(hosts.Primary, host =>
        {
            if (hosts.IsCluster)
            {
                // Connections go to the nodes in turn: when the node of the current one goes down, MassTransit
                // reconnects to the next, declares this instance's queue there again and binds it.
                host.UseCluster(cluster =>
                {
                    foreach (var node in hosts.Nodes)
                    {
                        cluster.Node(node.ToString());
                    }
                });
            }
        });
        // Back within 2 s of the broker, not MassTransit's 3-30 s (RabbitMqReconnect says why).
        if (!RabbitMqReconnect.TryQuicken(cfg, TimeSpan.FromSeconds(2), out var failure))
        {
            context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RabbitMqReconnect)).LogWarning("Reconnecting on MassTransit's own schedule (3-30 s): {Failure}", failure);
        }
        // The bus's own temporary queue (replies) lives and dies with this connection, as the instance queue does.
        cfg.Exclusive = true;
        // Every endpoint's error and dead-letter messages go to one durable quorum queue for the whole deployment.
        var parking = new ParkingQueueName(parkingQueue);
        cfg.SendTopology.ErrorQueueNameFormatter = parking;
        cfg.SendTopology.DeadLetterQueueNameFormatter = parking;
        cfg.SendTopology.ConfigureErrorSettings = DurableQuorum;
        cfg.SendTopology.ConfigureDeadLetterSettings = DurableQuorum;

        var metrics = context.GetRequiredService<ExchangeMetrics>();
        var logger = context.GetRequiredService<ILoggerFactory>().CreateLogger("NotificationExchange.Api.Bus.Parking");
        cfg.ReceiveEndpoint(InstanceQueue(context), endpoint =>
        {
            // The queue lives as long as the instance's connection: the log, not the queue, keeps what it misses.
            // Exclusive as well as transient: RabbitMQ 3.13 deprecates transient queues that are not exclusive.
            endpoint.Durable = false;
            endpoint.AutoDelete = true;
            endpoint.Exclusive = true;
            endpoint.PrefetchCount = 1024;
            // One at a time keeps the queue's order; the consumer only hands events to the feed.
            endpoint.ConcurrentMessageLimit = 1;
            // Nothing consumes Fault<T>: publishing them would only declare exchanges nobody reads.
            endpoint.PublishFaults = false;
            endpoint.UseMessageRetry(retry =>
            {
                retry.Ignore<JsonException>();
                retry.Ignore<SerializationException>();
                retry.Intervals(RetryIntervals);
            });
            endpoint.ConfigureError(error =>
            {
                error.UseFilter(new ParkingFilter<ExceptionReceiveContext>(metrics, logger, parkingQueue));
                // Marks the message faulted (a message that could not even be read is not yet), else the dead-letter
                // filter would park it a second time as unconsumed; with PublishFaults off it publishes nothing.
                error.UseFilter(new GenerateFaultFilter());
                error.UseFilter(new ErrorTransportFilter());
            });
            endpoint.ConfigureDeadLetter(deadLetter =>
            {
                deadLetter.UseFilter(new ParkingFilter<ReceiveContext>(metrics, logger, parkingQueue));
                deadLetter.UseFilter(new DeadLetterTransportFilter());
            });
            endpoint.ConfigureConsumer<EventsRecordedConsumer>(context);
            // single events: what instances before EventsRecorded publish, during a rolling upgrade
            endpoint.ConfigureConsumer<NotificationEventRecordedConsumer>(context);
            endpoint.ConfigureConsumer<ConsultationEventRecordedConsumer>(context);
            endpoint.ConfigureConsumer<DirectLineEventRecordedConsumer>(context);
            endpoint.ConfigureConsumer<AlertEventRecordedConsumer>(context);
            endpoint.ConfigureConsumer<SubscriptionStreamOpenedConsumer>(context);
            endpoint.ConfigureConsumer<ConsultationMessagePostedConsumer>(context);
            endpoint.ConfigureConsumer<ConsultationReceiptMovedConsumer>(context);
            endpoint.ConfigureConsumer<CredentialsRevokedConsumer>(context);
        });
    }

    /// <summary>The queue name of this instance's fan-out queue.</summary>
    public static string InstanceQueue(IServiceProvider services) => $"nx-instance-{services.GetRequiredService<ExchangeInstance>().Id}";

    /// <summary>
    /// Parked messages wait for an operator, across instances and broker restarts: durable, kept when empty, and a
    /// quorum queue so that they survive the loss of a node.
    /// </summary>
    private static void DurableQuorum(IRabbitMqQueueBindingConfigurator queue)
    {
        queue.Durable = true;
        queue.AutoDelete = false;
        queue.SetQuorumQueue();
    }
}
