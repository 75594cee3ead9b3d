using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NotificationExchange.Faults.Faults;
using NotificationExchange.Testing;

namespace NotificationExchange.Faults.Topology;

/// <summary>
/// The 3-node cluster of scripts/rabbitmq-cluster.sh (<see cref="RabbitMqCluster"/>), on ports and in a folder of its
/// own so that it meets neither the shared broker nor the tests' clusters. Its faults: one node stopped and started
/// again (in turn), and every node closing all its connections at once.
/// </summary>
public sealed class ClusterBroker(RabbitMqCluster cluster) : IFaultBroker
{
    public string ConnectionString => cluster.ConnectionString;

    public string Description => $"a 3-node RabbitMQ cluster (scripts/rabbitmq-cluster.sh, AMQP ports {cluster.NodeUri(1).Port}-{cluster.NodeUri(RabbitMqCluster.NodeCount).Port})";

    public static async Task<ClusterBroker> StartAsync(int firstPort, int epmdPort) =>
        new(await RabbitMqCluster.StartAsync(firstPort, epmdPort, Path.Combine(Path.GetTempPath(), $"nx-faults-cluster-{Environment.ProcessId}")));

    public IReadOnlyList<Fault> Faults(int round)
    {
        var node = round % RabbitMqCluster.NodeCount + 1;
        return
        [
            new($"cluster node {node} stop/start", async (note, cancellationToken) =>
            {
                await cluster.StopNodeAsync(node);
                note($"node {node} stopped");
                // The node is back when its port accepts connections; the script returns seconds later (its checks
                // run the command line tool).
                var starting = cluster.StartNodeAsync(node);
                DateTime? accepting = null;
                while (!starting.IsCompleted)
                {
                    if (accepting is null && PortOpen(cluster.NodeUri(node).Port))
                    {
                        accepting = DateTime.UtcNow;
                    }
                    await Task.WhenAny(starting, Task.Delay(100, cancellationToken));
                }
                await starting;
                accepting ??= DateTime.UtcNow;
                note($"node {node} accepting connections since {accepting:HH:mm:ss.fff}, running");
                return accepting.Value;
            }),
            new("close_all_connections", async (note, _) =>
            {
                // every node at once: the command line tool takes seconds, and one node after another would be
                // three faults
                var closed = await Task.WhenAll(Enumerable.Range(1, RabbitMqCluster.NodeCount).Select(async n =>
                {
                    var output = await cluster.CtlAsync(n, "eval",
                        "rabbit_networking:close_connections(rabbit_networking:local_connections(), \"fault injected by the soak\"), os:system_time(millisecond).");
                    return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture)).UtcDateTime;
                }));
                note($"the nodes closed every connection at {string.Join(", ", closed.Select(c => c.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
                return closed.Max();
            }),
        ];
    }

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
