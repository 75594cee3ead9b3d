using System.Diagnostics;
using System.Globalization;
using NotificationExchange.Faults.Faults;

namespace NotificationExchange.Faults.Topology;

/// <summary>
/// The 3-node cluster of scripts/rabbitmq-cluster.sh, run in a folder and on ports of its own (NX_RABBIT_CLUSTER_DIR,
/// NX_RABBIT_CLUSTER_PORT, NX_RABBIT_CLUSTER_EPMD_PORT), so that it meets neither the shared broker nor a cluster
/// someone else started with the script's defaults. Its faults: one node stopped and started again (in turn), and
/// every node closing all its connections.
/// </summary>
public sealed class ScriptedRabbitMqCluster : IFaultBroker
{
    private const int Nodes = 3;
    private readonly string _script;
    private readonly Dictionary<string, string> _environment;

    private ScriptedRabbitMqCluster(string script, string folder, int firstPort, int epmdPort, string connectionString)
    {
        _script = script;
        _environment = Environment(folder, firstPort, epmdPort);
        ConnectionString = connectionString;
        FirstPort = firstPort;
    }

    public string ConnectionString { get; }

    public int FirstPort { get; }

    public string Description => $"a 3-node RabbitMQ cluster (scripts/rabbitmq-cluster.sh, AMQP ports {FirstPort}-{FirstPort + Nodes - 1})";

    /// <summary>Starts a fresh cluster with the script under <paramref name="repositoryRoot"/>.</summary>
    public static async Task<ScriptedRabbitMqCluster> StartAsync(string repositoryRoot, string folder, int firstPort, int epmdPort)
    {
        var script = Path.Combine(repositoryRoot, "scripts", "rabbitmq-cluster.sh");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: the cluster script comes with the rabbit work (merge it first)");
        }
        var environment = Environment(folder, firstPort, epmdPort);
        await RunAsync(script, environment, "stop");
        await RunAsync(script, environment, "start");
        var connection = (await RunAsync(script, environment, "connection-string")).Trim();
        return new ScriptedRabbitMqCluster(script, folder, firstPort, epmdPort, connection);
    }

    public IReadOnlyList<Fault> Faults(int round)
    {
        var node = round % Nodes + 1;
        return
        [
            new($"cluster node {node} stop/start", async (note, cancellationToken) =>
            {
                await RunAsync(_script, _environment, "stop-node", node.ToString(CultureInfo.InvariantCulture));
                note($"node {node} stopped");
                // The node is back when its port accepts connections; the script returns seconds later (its checks
                // run the command line tool).
                var starting = RunAsync(_script, _environment, "start-node", node.ToString(CultureInfo.InvariantCulture));
                DateTime? accepting = null;
                while (!starting.IsCompleted)
                {
                    if (accepting is null && PortOpen(FirstPort + node - 1))
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
                var closed = await Task.WhenAll(Enumerable.Range(1, Nodes).Select(async n =>
                {
                    var output = await RunAsync(_script, _environment, "ctl", n.ToString(CultureInfo.InvariantCulture), "eval",
                        "rabbit_networking:close_connections(rabbit_networking:local_connections(), \"fault injected by the soak\"), os:system_time(millisecond).");
                    return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture)).UtcDateTime;
                }));
                note($"the nodes closed every connection at {string.Join(", ", closed.Select(c => c.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
                return closed.Max();
            }),
        ];
    }

    public async ValueTask DisposeAsync() => await RunAsync(_script, _environment, "stop");

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static Dictionary<string, string> Environment(string folder, int firstPort, int epmdPort) => new()
    {
        ["NX_RABBIT_CLUSTER_DIR"] = folder,
        ["NX_RABBIT_CLUSTER_PORT"] = firstPort.ToString(CultureInfo.InvariantCulture),
        ["NX_RABBIT_CLUSTER_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<string> RunAsync(string script, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq-cluster.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
        return await output;
    }
}
