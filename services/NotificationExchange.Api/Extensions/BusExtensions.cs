using MassTransit;
using NotificationExchange.Api.Bus;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.FanOut;
using NotificationExchange.Filing;

namespace NotificationExchange.Api.Extensions;

internal static class BusExtensions
{
    public const string RabbitMqConnectionName = "RabbitMq";

    /// <summary>
    /// MassTransit on RabbitMQ when ConnectionStrings:RabbitMq is set (amqp://user:password@host:5672/vhost, or several
    /// such URIs separated by commas for the nodes of a cluster: <see cref="RabbitMqHosts"/>), else on its in-memory
    /// transport. On RabbitMQ (<see cref="RabbitMqBusConfiguration"/>) each instance consumes every event through a
    /// queue of its own, bound before the host accepts calls, and feeds it to its live feed; through the same queue it
    /// learns of subscriber streams opened on other instances, and ends its own older stream of the same subscription,
    /// of conversation messages and receipts stored by other instances, for its own Converse streams, and of
    /// credentials revoked on other instances, which it forgets.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeBus(this IHostApplicationBuilder builder)
    {
        var rabbitMq = builder.Configuration.GetConnectionString(RabbitMqConnectionName);
        // Read and checked here, so that a bad setting stops the start naming it.
        var hosts = string.IsNullOrWhiteSpace(rabbitMq) ? null : RabbitMqHosts.Parse(rabbitMq);
        var parkingQueue = RabbitMqBusConfiguration.ParkingQueue(builder.Configuration);
        builder.Services.AddSingleton<IIntegrationEventPublisher, MassTransitEventPublisher>();
        builder.Services.AddSingleton<IStreamOpenedPublisher, MassTransitStreamOpenedPublisher>();
        builder.Services.AddSingleton<IConversationAnnouncer, MassTransitConversationAnnouncer>();
        // tells the outbox relay when the connection goes and comes back (its receive endpoint's faults and readiness)
        builder.Services.AddHostedService<ReceiveEndpointConnectivity>();
        builder.Services.AddMassTransit(bus =>
        {
            if (hosts is null)
            {
                // In memory there is only this instance, whose feed already has every event from its own log
                // writer and whose streams it takes over itself: nothing to consume here. Events are still
                // published, for in-process workers.
                bus.UsingInMemory();
            }
            else
            {
                bus.AddConsumer<EventsRecordedConsumer>();
                bus.AddConsumer<NotificationEventRecordedConsumer>();
                bus.AddConsumer<ConsultationEventRecordedConsumer>();
                bus.AddConsumer<DirectLineEventRecordedConsumer>();
                bus.AddConsumer<AlertEventRecordedConsumer>();
                bus.AddConsumer<SubscriptionStreamOpenedConsumer>();
                bus.AddConsumer<ConsultationMessagePostedConsumer>();
                bus.AddConsumer<ConsultationReceiptMovedConsumer>();
                bus.AddConsumer<CredentialsRevokedConsumer>();
                bus.UsingRabbitMq((context, cfg) => RabbitMqBusConfiguration.Configure(context, cfg, hosts, parkingQueue));
            }
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
