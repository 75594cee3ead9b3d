using System.Globalization;
using Npgsql;
using NotificationExchange.Faults.Faults;
using NotificationExchange.Testing;
using NotificationExchange.Testing.Exchange;

namespace NotificationExchange.Faults.Topology;

/// <summary>
/// What a fault run runs against: a store (a private PostgreSQL cluster, or a shared SQLite file), a broker, and
/// exchange instances as processes of their own (SIGKILL and SIGSTOP reach them) on that store and broker.
/// </summary>
public sealed class FaultTopology : IAsyncDisposable
{
    private readonly string _folder;

    private FaultTopology(string folder, FaultStore store, PostgresCluster? postgres, IFaultBroker broker, IReadOnlyList<ExchangeServerProcess> instances)
    {
        _folder = folder;
        Store = store;
        Postgres = postgres;
        Broker = broker;
        Instances = instances;
    }

    public FaultStore Store { get; }
    public PostgresCluster? Postgres { get; }
    public IFaultBroker Broker { get; }
    public IReadOnlyList<ExchangeServerProcess> Instances { get; }

    public string Description => $"{Instances.Count} exchange instances on {(Store == FaultStore.Postgres ? $"a private PostgreSQL 15 cluster (port {Postgres!.Port})" : "one SQLite file")} and {Broker.Description}";

    /// <summary>Starts the store and <paramref name="instances"/> exchange processes on it and on
    /// <paramref name="broker"/> (which the topology then owns).</summary>
    public static async Task<FaultTopology> StartAsync(FaultStore store, IFaultBroker broker, int instances = 3)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nx-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        PostgresCluster? postgres = null;
        var started = new List<ExchangeServerProcess>();
        try
        {
            var settings = new Dictionary<string, string>
            {
                // quiet streams carry a heartbeat every 2 s, so that a subscriber notices a paused instance soon
                ["Exchange:FanOut:HeartbeatInterval"] = "00:00:02",
            };
            string? connectionString = null;
            if (store == FaultStore.Postgres)
            {
                postgres = await PostgresCluster.StartAsync();
                connectionString = await postgres.CreateDatabaseAsync("faults");
                settings["ConnectionStrings:Postgres"] = connectionString;
            }
            var database = Path.Combine(folder, "exchange.db");
            for (var i = 0; i < instances; i++)
            {
                var instanceSettings = new Dictionary<string, string>(settings) { ["Exchange:InstanceId"] = "faults-" + i.ToString(CultureInfo.InvariantCulture) };
                started.Add(await ExchangeServerProcess.StartAsync(database, broker.ConnectionString, instanceSettings));
            }
            if (connectionString is not null)
            {
                await RequirePostgresSchemaAsync(connectionString);
            }
            return new FaultTopology(folder, store, postgres, broker, started);
        }
        catch
        {
            foreach (var instance in started)
            {
                await instance.DisposeAsync();
            }
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>The faults of this topology, in the order a run injects them: the broker's, then an instance killed
    /// (SIGKILL) and started again, then PostgreSQL restarted, then (when asked) an instance paused. <paramref name="round"/>
    /// picks which instance or node is hit and whether PostgreSQL stops fast or immediate, so that a soak goes round.</summary>
    public IReadOnlyList<Fault> Faults(int round, TimeSpan? pause = null)
    {
        var faults = new List<Fault>(Broker.Faults(round));
        var victim = Instances[(round + 1) % Instances.Count];
        var victimNumber = (round + 1) % Instances.Count;
        faults.Add(Fault.Until($"SIGKILL instance {victimNumber} + restart", async (note, _) =>
        {
            victim.Kill();
            note($"instance {victimNumber} killed");
            await victim.RestartAsync();
            note($"instance {victimNumber} serving again");
        }));
        if (Postgres is { } postgres)
        {
            var mode = round % 2 == 0 ? "immediate" : "fast";
            faults.Add(Fault.Until($"PostgreSQL restart ({mode})", async (note, _) =>
            {
                await postgres.StopServerAsync(mode);
                note($"PostgreSQL stopped ({mode})");
                await postgres.StartServerAsync();
                note("PostgreSQL accepting connections");
            }));
        }
        if (pause is { } length)
        {
            var paused = Instances[round % Instances.Count];
            faults.Add(Fault.Until($"SIGSTOP instance {round % Instances.Count} {length.TotalSeconds:0} s", async (note, cancellationToken) =>
            {
                paused.Pause();
                note($"instance {round % Instances.Count} stopped (SIGSTOP)");
                try
                {
                    await Task.Delay(length, cancellationToken);
                }
                finally
                {
                    paused.Resume();
                }
            }));
        }
        return faults;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
        await Broker.DisposeAsync();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the system cleans its temporary folder later
        }
    }

    /// <summary>A build that does not know ConnectionStrings:Postgres would run on the SQLite file and the run would
    /// claim PostgreSQL: the exchange must have made its tables there.</summary>
    private static async Task RequirePostgresSchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        var tables = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (tables == 0)
        {
            throw new InvalidOperationException("the exchange made no tables in PostgreSQL: this build does not use ConnectionStrings:Postgres (it ran on SQLite)");
        }
    }
}
