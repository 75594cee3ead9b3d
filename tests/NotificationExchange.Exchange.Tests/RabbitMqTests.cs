using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NotificationExchange.Exchange.Tests;

/// <summary>Several exchange instances on one store and one real RabbitMQ broker.</summary>
public class RabbitMqTests
{
    /// <summary>The exchange MassTransit publishes EventsRecorded (the relay's batches) to (its message type's name).</summary>
    private const string EventExchange = "NotificationExchange.IntegrationEvents:EventsRecorded";

    private string _broker = null!;
    private TestDatabase? _database;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void RequireBroker()
    {
        _broker = RabbitMqBroker.Require();
        _database = new TestDatabase();
    }

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database?.Dispose();
    }

    [Test]
    public async Task A_notification_filed_on_one_instance_reaches_a_subscriber_streaming_from_another()
    {
        var a = await StartInstance();
        var b = await StartInstance(settings: new() { ["Exchange:FanOut:GapCheckInterval"] = "00:10:00" });
        var filer = await a.NewOperatorAsync("filer-on-a");
        var watcherKey = await a.NewOperatorKeyAsync("watcher-on-b");
        var watcher = b.Client(watcherKey);
        var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        using var stream = StreamProbe.Open(watcher, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var received = await stream.ReadEventsAsync(1, TimeSpan.FromSeconds(5));

        // B checks the log's head only every ten minutes here, so the event came over the bus.
        Assert.That(received[0].Notification, Is.EqualTo(filed));
    }

    [Test]
    public async Task A_direct_line_proposed_on_one_instance_reaches_its_counterpart_streaming_from_another_and_nobody_else()
    {
        var a = await StartInstance();
        var b = await StartInstance(settings: new() { ["Exchange:FanOut:GapCheckInterval"] = "00:10:00" });
        var proposer = await a.NewOperatorAsync("proposer-on-a");
        var counterpart = b.Client(await a.NewOperatorKeyAsync("counterpart-on-b"));
        var bystander = b.Client(await a.NewOperatorKeyAsync("bystander-on-b"));
        var toCounterpart = await counterpart.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        var toBystander = await bystander.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        using var stream = StreamProbe.Open(counterpart, toCounterpart.Id);
        using var other = StreamProbe.Open(bystander, toBystander.Id);
        await stream.ReadUntilCaughtUpAsync();
        await other.ReadUntilCaughtUpAsync();

        var line = await proposer.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest
        {
            RequestId = "line-1", Counterpart = "counterpart-on-b", Purpose = "GEO slot coordination",
        });
        // B checks the log's head only every ten minutes here and nothing follows, so the event came over the bus.
        var received = await stream.ReadDirectLineEventsAsync(1, TimeSpan.FromSeconds(5));
        var filed = (await proposer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var after = await other.ReadEventsAsync(1, TimeSpan.FromSeconds(5));

        Assert.That((received[0].EventType, received[0].DirectLine), Is.EqualTo((DirectLineEventType.Proposed, line)));
        Assert.That(after[0].Notification, Is.EqualTo(filed));
        Assert.That(other.DirectLineEvents, Is.Empty, "the bystander's stream passed over the line's event to the next one");
    }

    [Test]
    public async Task Interleaved_filings_on_two_instances_reach_subscribers_on_both_complete_and_in_sequence_order()
    {
        var a = await StartInstance();
        var b = await StartInstance();
        var onA = await a.NewOperatorAsync("ops-a");
        var keyB = await a.NewOperatorKeyAsync("ops-b");
        var onB = b.Client(keyB);
        var subA = await onA.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var subB = await onB.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        using var streamA = StreamProbe.Open(onA, subA.Id);
        using var streamB = StreamProbe.Open(onB, subB.Id);
        await streamA.ReadUntilCaughtUpAsync();
        await streamB.ReadUntilCaughtUpAsync();

        const int perInstance = 60;
        var filings = Enumerable.Range(0, perInstance).SelectMany(i => new[]
        {
            onA.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(5000 + i)))).ResponseAsync,
            onB.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(6000 + i)))).ResponseAsync,
        });
        var filed = (await Task.WhenAll(filings)).Select(f => f.Notification).OrderBy(n => n.Sequence).ToList();
        var seenOnA = await streamA.ReadEventsAsync(2 * perInstance);
        var seenOnB = await streamB.ReadEventsAsync(2 * perInstance);

        Assert.That(filed.Select(n => n.Sequence), Is.EqualTo(Enumerable.Range((int)filed[0].Sequence, 2 * perInstance).Select(s => (ulong)s)),
            "sequence numbers are contiguous across instances");
        Assert.That(seenOnA.Select(e => e.Notification.Id), Is.EqualTo(filed.Select(n => n.Id)));
        Assert.That(seenOnB.Select(e => e.Notification.Id), Is.EqualTo(filed.Select(n => n.Id)));
    }

    [Test]
    public async Task An_event_stored_but_never_published_is_published_when_the_exchange_restarts()
    {
        // A crash between commit and publish leaves the event in the log and the outbox. Reproduce that state: an
        // instance whose bus publishes nothing files a notification and dies.
        var crashed = await StartInstance(services: s => s.AddSingleton<Filing.IIntegrationEventPublisher, NeverConfirmingPublisher>());
        var filer = await crashed.NewOperatorAsync("crash-ops");
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var pending = await crashed.Services.GetRequiredService<IOutbox>().CountPendingAsync(CancellationToken.None);
        await crashed.DisposeAsync();
        _hosts.Remove(crashed);
        Assert.That(pending, Is.EqualTo(1), "the notification was stored but its publication never confirmed");

        await using var listener = await BusListener.StartAsync(_broker);
        var restarted = await StartInstance();

        var message = await listener.NextAsync(filed.Sequence);
        Assert.That(message.GetProperty("notificationId").GetString(), Is.EqualTo(filed.Id));
        Assert.That(message.GetProperty("eventType").GetString(), Is.EqualTo("Filed"));
        await WaitUntil(async () => await restarted.Services.GetRequiredService<IOutbox>().CountPendingAsync(CancellationToken.None) == 0);
    }

    private async Task<ExchangeHost> StartInstance(Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = await ExchangeHost.StartAsync(_database!.Path, _broker, settings, services);
        _hosts.Add(host);
        return host;
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>A bus that takes messages and never confirms them: what a process that dies mid-publish leaves.</summary>
    private sealed class NeverConfirmingPublisher : Filing.IIntegrationEventPublisher
    {
        public Task PublishAsync(IReadOnlyList<Domain.Notifications.LogEntry> events, CancellationToken cancellationToken) =>
            Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>A plain RabbitMQ consumer on a queue of its own, bound to the events' exchange: what a worker sees.</summary>
    private sealed class BusListener : IAsyncDisposable
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private readonly System.Threading.Channels.Channel<JsonElement> _messages = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();

        private BusListener(IConnection connection, IChannel channel)
        {
            _connection = connection;
            _channel = channel;
        }

        public static async Task<BusListener> StartAsync(string broker)
        {
            var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(EventExchange, ExchangeType.Fanout, durable: true);
            var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue.QueueName, EventExchange, "");
            var listener = new BusListener(connection, channel);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                using var envelope = JsonDocument.Parse(delivery.Body);
                foreach (var notification in envelope.RootElement.GetProperty("message").GetProperty("notifications").EnumerateArray())
                {
                    listener._messages.Writer.TryWrite(notification.Clone());
                }
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
            return listener;
        }

        /// <summary>The next notification event with the given sequence, from any batch (others, from other tests' stores, are passed over).</summary>
        public async Task<JsonElement> NextAsync(ulong sequence)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(timeout.Token);
                if (message.GetProperty("sequence").GetUInt64() == sequence)
                {
                    return message;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
            _channel.Dispose();
            _connection.Dispose();
        }
    }
}
