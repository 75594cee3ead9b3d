using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using NotificationExchange.Api.Extensions;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NotificationExchange.Exchange.Tests.Bus;

/// <summary>
/// Two exchange instances on a private 3-node RabbitMQ cluster (scripts/rabbitmq-cluster.sh, started once for the
/// fixture: it takes tens of seconds), connected with the three nodes' connection string.
/// </summary>
[NonParallelizable]
public class RabbitMqClusterTests
{
    private RabbitMqCluster? _cluster;

    [OneTimeSetUp]
    public async Task StartCluster() => _cluster = await RabbitMqCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public async Task Filing_and_delivery_go_on_when_the_node_the_instances_are_connected_to_stops()
    {
        var cluster = _cluster!;
        using var database = new TestDatabase();
        await using var a = await ExchangeHost.StartAsync(database.Path, cluster.ConnectionString);
        // B learns of A's filings only over the bus: its look at the log's head waits ten minutes, so a filing that
        // reaches B's stream came through B's queue (or was read from the log because a later one did).
        await using var b = await ExchangeHost.StartAsync(database.Path, cluster.ConnectionString,
            new Dictionary<string, string> { ["Exchange:FanOut:GapCheckInterval"] = "00:10:00" });
        string[] instanceQueues = [RabbitMqBusConfiguration.InstanceQueue(a.Services), RabbitMqBusConfiguration.InstanceQueue(b.Services)];
        var filer = await a.NewOperatorAsync("filer-on-a");
        var watcher = b.Client(await a.NewOperatorKeyAsync("watcher-on-b"));
        var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        using var stream = StreamProbe.Open(watcher, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();
        var home = await NodeOfAsync(cluster, instanceQueues[1], Enumerable.Range(1, RabbitMqCluster.NodeCount));

        var filed = new ConcurrentQueue<Notification>();
        var failures = new ConcurrentQueue<RpcException>();
        using var stopFiling = new CancellationTokenSource();
        var filing = Task.Run(async () =>
        {
            for (uint i = 0; !stopFiling.IsCancellationRequested; i++)
            {
                try
                {
                    filed.Enqueue((await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(7000 + i % 1000)))).Notification);
                }
                catch (RpcException e)
                {
                    failures.Enqueue(e);
                }
                await Task.Delay(20);
            }
        });
        try
        {
            await WaitUntilAsync(() => Task.FromResult(filed.Count >= 20), TimeSpan.FromSeconds(30), "20 filings before the fault");
            await cluster.StopNodeAsync(home);
            var stopped = Stopwatch.StartNew();
            var filedBeforeStop = filed.Count;
            var other = Enumerable.Range(1, RabbitMqCluster.NodeCount).First(n => n != home);
            // Both instances reconnect to another node and declare their queues there again.
            foreach (var queue in instanceQueues)
            {
                await WaitUntilAsync(() => ExclusiveQueueExistsAsync(cluster.NodeUri(other), queue), TimeSpan.FromSeconds(60), $"{queue} declared again");
            }
            var reconnected = stopped.Elapsed;
            var filedAtReconnect = filed.Count;
            await WaitUntilAsync(() => Task.FromResult(filed.Count >= filedAtReconnect + 30), TimeSpan.FromSeconds(30), "30 filings after the reconnection");
            await stopFiling.CancelAsync();
            await filing;
            TestContext.Out.WriteLine($"node {home} stopped: both instance queues declared again {reconnected.TotalSeconds:F1} s after the stop; " +
                $"{filedBeforeStop} filings before, {filed.Count - filedBeforeStop} after");

            var expected = filed.OrderBy(n => n.Sequence).ToList();
            var received = await stream.ReadEventsAsync(expected.Count, TimeSpan.FromSeconds(30));
            await stream.AssertNoEventWithinAsync(TimeSpan.FromSeconds(1));

            Assert.That(failures, Is.Empty, "no filing failed while a node was down");
            Assert.That(filed.Count, Is.GreaterThan(filedBeforeStop + 30), "filing went on");
            Assert.That(received.Select(e => e.Notification.Id), Is.EqualTo(expected.Select(n => n.Id)),
                "every filing reached B's subscriber once, in sequence order");
        }
        finally
        {
            await stopFiling.CancelAsync();
            await filing;
            await cluster.StartNodeAsync(home);
        }
    }

    /// <summary>The node among <paramref name="nodes"/> that holds <paramref name="queue"/>, waiting up to 60 s for it to appear.</summary>
    private static async Task<int> NodeOfAsync(RabbitMqCluster cluster, string queue, IEnumerable<int> nodes)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            foreach (var node in nodes)
            {
                if ((await cluster.QueuesOnAsync(node)).Any(q => q.Name == queue))
                {
                    return node;
                }
            }
            Assert.That(timeout.IsCancellationRequested, Is.False, $"{queue} is on none of the nodes {string.Join(", ", nodes)}");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Whether an exclusive queue exists anywhere in the cluster, asked through <paramref name="node"/>: a passive
    /// declare of another connection's exclusive queue is refused RESOURCE_LOCKED (405), of a missing one NOT_FOUND.
    /// </summary>
    private static async Task<bool> ExclusiveQueueExistsAsync(Uri node, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = node }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 405)
        {
            return e.ShutdownReason.ReplyCode == 405;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.That(watch.Elapsed, Is.LessThan(limit), $"waited {limit} for {what}");
            await Task.Delay(50);
        }
    }
}
