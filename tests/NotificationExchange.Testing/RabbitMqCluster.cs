namespace NotificationExchange.Testing;

/// <summary>
/// A private 3-node RabbitMQ cluster started by scripts/rabbitmq-cluster.sh (which installs rabbitmq-server when it
/// is missing), on AMQP ports of its own (5691-5693 unless NX_TEST_RABBIT_CLUSTER_PORT says otherwise, epmd on 4391)
/// and a temporary folder, never the shared broker. Starting it takes tens of seconds: start one per fixture. Under
/// CI=true a cluster that does not start fails the test; elsewhere it is reported skipped.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    public const int NodeCount = 3;

    private readonly Dictionary<string, string> _environment;

    private RabbitMqCluster(Dictionary<string, string> environment, string connectionString)
    {
        _environment = environment;
        ConnectionString = connectionString;
    }

    /// <summary>ConnectionStrings:RabbitMq for the three nodes, as the script prints it.</summary>
    public string ConnectionString { get; }

    public static string Script => Path.Combine(SharedData.RepositoryRoot, "scripts", "rabbitmq-cluster.sh");

    public static Task<RabbitMqCluster> StartAsync() => StartAsync(
        Environment.GetEnvironmentVariable("NX_TEST_RABBIT_CLUSTER_PORT") is { Length: > 0 } port ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : 5691,
        4391,
        Path.Combine(Path.GetTempPath(), $"nx-rabbitmq-cluster-test-{Environment.ProcessId}"));

    /// <summary>A cluster on AMQP ports <paramref name="firstPort"/> to +2, its own epmd on <paramref name="epmdPort"/>
    /// and its data in <paramref name="folder"/> (the fault suite's soak runs beside the tests' clusters).</summary>
    public static async Task<RabbitMqCluster> StartAsync(int firstPort, int epmdPort, string folder)
    {
        var environment = new Dictionary<string, string>
        {
            ["NX_RABBIT_CLUSTER_DIR"] = folder,
            ["NX_RABBIT_CLUSTER_PORT"] = firstPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NX_RABBIT_CLUSTER_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await RabbitMqCtl.RunAsync(["bash", Script, "start"], environment, TimeSpan.FromMinutes(5));
        var connectionString = (await RabbitMqCtl.RunAsync(["bash", Script, "connection-string"], environment)).Trim();
        return new RabbitMqCluster(environment, connectionString);
    }

    /// <summary>Node N's own URI (the Nth entry of <see cref="ConnectionString"/>).</summary>
    public Uri NodeUri(int node) => new(ConnectionString.Split(',')[node - 1]);

    /// <summary>rabbit-nxN@localhost.</summary>
    public static string NodeName(int node) => $"rabbit-nx{node}@localhost";

    /// <summary>Stops node N (1-3) cleanly; its connections are closed and its exclusive queues go with them.</summary>
    public Task StopNodeAsync(int node) => RabbitMqCtl.RunAsync(["bash", Script, "stop-node", node.ToString()], _environment);

    /// <summary>SIGKILLs node N: its clients' sockets are reset without a close from the broker.</summary>
    public Task KillNodeAsync(int node) => RabbitMqCtl.RunAsync(["bash", Script, "kill-node", node.ToString()], _environment);

    /// <summary>Starts node N again and waits until it runs; it rejoins the cluster.</summary>
    public Task StartNodeAsync(int node) => RabbitMqCtl.RunAsync(["bash", Script, "start-node", node.ToString()], _environment, TimeSpan.FromMinutes(3));

    /// <summary>rabbitmqctl against node N (the script's `ctl N`); its standard output.</summary>
    public Task<string> CtlAsync(int node, params string[] arguments) =>
        RabbitMqCtl.RunAsync(["bash", Script, "ctl", node.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments], _environment);

    /// <summary>The queues whose process (a classic queue) or leader (a quorum queue) is on node N.</summary>
    public async Task<IReadOnlyList<BrokerQueue>> QueuesOnAsync(int node) =>
        RabbitMqCtl.ParseQueues(await RabbitMqCtl.RunAsync(["bash", Script, "ctl", node.ToString(), .. RabbitMqCtl.ListQueuesArguments, "--local"], _environment));

    public async ValueTask DisposeAsync() => await RabbitMqCtl.RunAsync(["bash", Script, "stop"], _environment);
}
