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
    public async Task Filing_and_delivery_go_on_when_the_node_the_instances_are_connected_to_stops_and_then_when_the_next_one_is_killed()
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
        var down = new List<int>();
        try
        {
            await WaitUntilAsync(() => Task.FromResult(filed.Count >= 20), TimeSpan.FromSeconds(30), "20 filings before the first fault");
            foreach (var kill in new[] { false, true })
            {
                // the node B's queue is on (A's is on the same one: both took the first node that answered)
                var home = await NodeOfAsync(cluster, instanceQueues[1], Enumerable.Range(1, RabbitMqCluster.NodeCount));
                if (kill)
                {
                    await cluster.KillNodeAsync(home);
                }
                else
                {
                    await cluster.StopNodeAsync(home);
                }
                down.Add(home);
                var faulted = Stopwatch.StartNew();
                var filedAtFault = filed.Count;
                var other = Enumerable.Range(1, RabbitMqCluster.NodeCount).First(n => n != home);
                // Both instances reconnect to another node and declare their queues there again.
                foreach (var queue in instanceQueues)
                {
                    await WaitUntilAsync(() => ExclusiveQueueExistsAsync(cluster.NodeUri(other), queue), TimeSpan.FromSeconds(60), $"{queue} declared again");
                }
                var reconnected = faulted.Elapsed;
                // Right after a kill the cluster may still hold the dead node's queue records (a passive declare then
                // answers RESOURCE_LOCKED too): rabbitmqctl says where each queue is.
                var survivors = Enumerable.Range(1, RabbitMqCluster.NodeCount).Where(n => n != home).ToArray();
                foreach (var queue in instanceQueues)
                {
                    Assert.That(survivors, Does.Contain(await NodeOfAsync(cluster, queue, survivors)));
                }
                var relocated = faulted.Elapsed;
                var filedAtReconnect = filed.Count;
                await WaitUntilAsync(() => Task.FromResult(filed.Count >= filedAtReconnect + 30), TimeSpan.FromSeconds(30), "30 filings after the reconnection");
                TestContext.Out.WriteLine($"node {home} {(kill ? "killed" : "stopped")}: both instance queues declared again {reconnected.TotalSeconds:F1} s later " +
                    $"(seen on the other nodes by rabbitmqctl within {relocated.TotalSeconds:F1} s); " +
                    $"{filed.Count - filedAtFault} filings since");
                if (!kill)
                {
                    // back before the next fault, so that two nodes of three run while the next one is down
                    await cluster.StartNodeAsync(home);
                    down.Remove(home);
                }
            }
            await stopFiling.CancelAsync();
            await filing;

            var expected = filed.OrderBy(n => n.Sequence).ToList();
            var received = await stream.ReadEventsAsync(expected.Count, TimeSpan.FromSeconds(30));
            await stream.AssertNoEventWithinAsync(TimeSpan.FromSeconds(1));

            Assert.That(failures, Is.Empty, "no filing failed while a node was down");
            Assert.That(received.Select(e => e.Notification.Id), Is.EqualTo(expected.Select(n => n.Id)),
                "every filing reached B's subscriber once, in sequence order");
        }
        finally
        {
            await stopFiling.CancelAsync();
            await filing;
            foreach (var node in down)
            {
                await cluster.StartNodeAsync(node);
            }
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
