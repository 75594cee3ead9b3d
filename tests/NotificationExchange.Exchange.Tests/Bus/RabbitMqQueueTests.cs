using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Api.Extensions;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NotificationExchange.Exchange.Tests.Bus;

/// <summary>
/// The queues two instances declare on the shared broker, as rabbitmqctl shows them, and what happens to a message
/// an instance cannot consume: it is parked in the one parking queue and the instance's queue goes on.
/// </summary>
public class RabbitMqQueueTests
{
    private const string EnvelopeType = "application/vnd.masstransit+json";

    private string _broker = null!;
    private TestDatabase? _database;
    private string? _parkingQueue;
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
        if (_parkingQueue is not null)
        {
            // a queue and exchange of this test's own: the deployment's nx-parked is never touched
            await using var connection = await new ConnectionFactory { Uri = new Uri(_broker) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(_parkingQueue);
            await channel.ExchangeDeleteAsync(_parkingQueue);
            _parkingQueue = null;
        }
    }

    [Test]
    public async Task Each_instance_has_an_exclusive_transient_queue_and_no_error_queue_of_its_own()
    {
        var a = await StartInstance();
        var b = await StartInstance();
        string[] instanceQueues = [RabbitMqBusConfiguration.InstanceQueue(a.Services), RabbitMqBusConfiguration.InstanceQueue(b.Services)];

        var queues = await RabbitMqCtl.ListQueuesAsync();

        foreach (var name in instanceQueues)
        {
            var queue = queues.SingleOrDefault(q => q.Name == name);
            Assert.That(queue, Is.Not.Null, $"{name} is declared");
            Assert.That((queue!.Type, queue.Durable, queue.Exclusive, queue.AutoDelete), Is.EqualTo(("classic", false, true, true)), name);
            Assert.That(queues.Select(q => q.Name), Has.None.StartsWith(name + "_"), "no per-instance _error or _skipped queue");
        }
        // Exclusive: another connection may not even look at it (RESOURCE_LOCKED), let alone consume from it.
        await using var connection = await new ConnectionFactory { Uri = new Uri(_broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var locked = (await Assert.ThrowsAsync<OperationInterruptedException>(async () => await channel.QueueDeclarePassiveAsync(instanceQueues[0])))!;
        Assert.That(locked.ShutdownReason?.ReplyCode, Is.EqualTo(405));
    }

    [Test]
    public async Task Messages_an_instance_cannot_consume_are_parked_counted_and_do_not_hold_back_the_next()
    {
        _parkingQueue = $"nx-parked-test-{Guid.NewGuid():N}";
        using var meter = new BusParkingMeter();
        // A hears of other instances' events only over the bus here: its look at the log's head waits ten minutes.
        var a = await StartInstance(new() { ["Exchange:Bus:ParkingQueue"] = _parkingQueue, ["Exchange:FanOut:GapCheckInterval"] = "00:10:00" });
        var b = await StartInstance(new() { ["Exchange:Bus:ParkingQueue"] = _parkingQueue });
        var watcher = a.Client(await a.NewOperatorKeyAsync("watcher-on-a"));
        var filer = b.Client(await a.NewOperatorKeyAsync("filer-on-b"));
        var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        using var stream = StreamProbe.Open(watcher, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();
        var marker = Guid.NewGuid().ToString("N");
        var storeId = a.Services.GetRequiredService<Domain.Storage.INotificationLog>().StoreId;
        // Three messages straight into A's queue, each a way a message can be poison:
        byte[][] poison =
        [
            // a body that is not a MassTransit envelope at all
            Encoding.UTF8.GetBytes($"not an envelope {marker}"),
            // an envelope whose event lacks what every NotificationEventRecorded has (its snapshot, its notification...)
            Encoding.UTF8.GetBytes($$$"""{"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:NotificationExchange.IntegrationEvents:NotificationEventRecorded"],"message":{"storeId":"{{{storeId}}}","sequence":999999,"notificationId":"{{{marker}}}"}}"""),
            // an envelope of a type nothing on the queue consumes
            Encoding.UTF8.GetBytes($$$"""{"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:Elsewhere:NobodyConsumesThis"],"message":{"marker":"{{{marker}}}"}}"""),
        ];
        await using (var connection = await new ConnectionFactory { Uri = new Uri(_broker) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            foreach (var body in poison)
            {
                await channel.BasicPublishAsync("", RabbitMqBusConfiguration.InstanceQueue(a.Services), mandatory: true,
                    new BasicProperties { ContentType = EnvelopeType, MessageId = Guid.NewGuid().ToString() }, body);
            }
        }

        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
        var received = await stream.ReadEventsAsync(1, TimeSpan.FromSeconds(15));
        var parked = await ReadParkedAsync(poison.Length);

        Assert.That(received[0].Notification, Is.EqualTo(filed), "the filing after the poison came over A's queue");
        Assert.That(parked.Select(p => p.Body), Is.EquivalentTo(poison.Select(Encoding.UTF8.GetString)), "each poison message is parked as it was sent");
        Assert.That(parked.Select(p => p.Reason), Is.EquivalentTo(new[] { "fault", "fault", "dead-letter" }));
        Assert.That(meter.Counts, Is.EquivalentTo(new Dictionary<(string, string), long>
        {
            [("unknown", "faulted")] = 1,
            [("NotificationEventRecorded", "faulted")] = 1,
            [("unknown", "skipped")] = 1,
        }));
        var queues = await RabbitMqCtl.ListQueuesAsync();
        foreach (var listed in queues.Where(q => q.Name == _parkingQueue || q.Name.StartsWith("nx-instance-", StringComparison.Ordinal)))
        {
            TestContext.Out.WriteLine(listed);
        }
        var queue = queues.Single(q => q.Name == _parkingQueue);
        Assert.That((queue.Type, queue.Durable, queue.Exclusive, queue.AutoDelete), Is.EqualTo(("quorum", true, false, false)));
    }

    /// <summary>Takes <paramref name="count"/> messages off the parking queue as they arrive (the first parked message declares it).</summary>
    private async Task<List<(string Body, string? Reason)>> ReadParkedAsync(int count)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_broker) }.CreateConnectionAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var parked = new List<(string Body, string? Reason)>();
        IChannel? channel = null;
        try
        {
            while (parked.Count < count)
            {
                channel ??= await connection.CreateChannelAsync(cancellationToken: timeout.Token);
                BasicGetResult? message;
                try
                {
                    message = await channel.BasicGetAsync(_parkingQueue!, autoAck: true, timeout.Token);
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
                {
                    // not declared yet; the 404 closed the channel
                    await channel.DisposeAsync();
                    channel = null;
                    message = null;
                }
                if (message is null)
                {
                    await Task.Delay(100, timeout.Token);
                    continue;
                }
                var reason = message.BasicProperties.Headers?.TryGetValue("MT-Reason", out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
                parked.Add((Encoding.UTF8.GetString(message.Body.Span), reason));
            }
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }
        return parked;
    }

    private async Task<ExchangeHost> StartInstance(Dictionary<string, string>? settings = null)
    {
        var host = await ExchangeHost.StartAsync(_database!.Path, _broker, settings);
        _hosts.Add(host);
        return host;
    }
}
