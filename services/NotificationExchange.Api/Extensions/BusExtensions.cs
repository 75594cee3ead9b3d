using MassTransit;
using NotificationExchange.Api.Bus;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.Domain;
using NotificationExchange.FanOut;
using NotificationExchange.Filing;

namespace NotificationExchange.Api.Extensions;

internal static class BusExtensions
{
    public const string RabbitMqConnectionName = "RabbitMq";

    /// <summary>
    /// MassTransit on RabbitMQ when ConnectionStrings:RabbitMq is set (amqp://user:password@host:5672/vhost), else
    /// on its in-memory transport. On RabbitMQ each instance consumes every event through a queue of its own, bound
    /// before the host accepts calls, and feeds it to its live feed; through the same queue it learns of subscriber
    /// streams opened on other instances, and ends its own older stream of the same subscription, of conversation
    /// messages and receipts stored by other instances, for its own Converse streams, and of credentials revoked on
    /// other instances, which it forgets.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeBus(this IHostApplicationBuilder builder)
    {
        var rabbitMq = builder.Configuration.GetConnectionString(RabbitMqConnectionName);
        builder.Services.AddSingleton<IIntegrationEventPublisher, MassTransitEventPublisher>();
        builder.Services.AddSingleton<IStreamOpenedPublisher, MassTransitStreamOpenedPublisher>();
        builder.Services.AddSingleton<IConversationAnnouncer, MassTransitConversationAnnouncer>();
        // tells the outbox relay when the connection goes and comes back (its receive endpoint's faults and readiness)
        builder.Services.AddHostedService<ReceiveEndpointConnectivity>();
        builder.Services.AddMassTransit(bus =>
        {
            if (string.IsNullOrWhiteSpace(rabbitMq))
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
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitMq));
                    // issue 13: back within 2 s of the broker, not MassTransit's 3-30 s (RabbitMqReconnect says why)
                    if (!RabbitMqReconnect.TryQuicken(cfg, TimeSpan.FromSeconds(2), out var failure))
                    {
                        context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RabbitMqReconnect)).LogWarning("Reconnecting on MassTransit's own schedule (3-30 s): {Failure}", failure);
                    }
                    cfg.ReceiveEndpoint(InstanceQueue(context), endpoint =>
                    {
                        // The queue lives as long as the instance: the log, not the queue, keeps what it misses.
                        endpoint.Durable = false;
                        endpoint.AutoDelete = true;
                        endpoint.PrefetchCount = 1024;
                        // One at a time keeps the queue's order; the consumer only hands events to the feed.
                        endpoint.ConcurrentMessageLimit = 1;
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
                });
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

    private static string InstanceQueue(IBusRegistrationContext context) =>
        $"nx-instance-{context.GetRequiredService<ExchangeInstance>().Id}";
}
