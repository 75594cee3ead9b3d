using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using NUnit.Framework;

namespace NotificationExchange.Testing;

/// <summary>
/// A private PostgreSQL 15 cluster, run as processes: initdb into a temporary folder, then pg_ctl on a free port of
/// 127.0.0.1 (and a socket in the same folder), so that it never meets another test's cluster or a system one. The
/// binaries come from NX_TEST_PG_BIN, else /usr/lib/postgresql/15/bin (scripts/postgres.sh installs them). When they
/// are missing a test fails under CI=true and elsewhere reports itself skipped, saying how to install them.
/// PostgreSQL refuses to run as root: as root, the folder is given to the <c>postgres</c> user and every command is
/// run as that user (runuser).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string User = "nx";
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(() => StartSharedAsync());
    private static int _databases;

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgres;
    private bool _disposed;

    private PostgresCluster(string bin, string folder, int port, bool asPostgres)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgres = asPostgres;
    }

    public int Port { get; }

    /// <summary>The data directory: where pg_ctl, pg_basebackup and a test's damage find the cluster.</summary>
    public string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>The folder the binaries (initdb, pg_ctl, pg_dump, pg_restore...) are in.</summary>
    public string BinDirectory => _bin;

    /// <summary>The server's log, for a failure's message.</summary>
    public string LogPath => Path.Combine(_folder, "server.log");

    /// <summary>
    /// One cluster for the whole test run (the test process), started on first use and stopped when the process ends.
    /// Tests share it through databases of their own (<see cref="CreateDatabaseAsync"/>); a test that stops,
    /// restarts or damages a cluster starts its own with <see cref="StartAsync"/> instead.
    /// </summary>
    public static Task<PostgresCluster> Shared => SharedCluster.Value;

    /// <summary>Starts a new cluster. <paramref name="settings"/> are extra server settings (-c name=value).</summary>
    public static async Task<PostgresCluster> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var bin = RequireBinaries();
        RemoveAbandoned();
        var folder = Path.Combine(Path.GetTempPath(), "nx-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var asPostgres = Environment.UserName == "root";
        var cluster = new PostgresCluster(bin, folder, FreePort(), asPostgres);
        try
        {
            if (asPostgres)
            {
                await cluster.RunAsync("/usr/bin/chown", ["-R", "postgres", folder], asPostgres: false);
            }
            // --no-sync: a test cluster's initdb need not wait for the disk; the server itself keeps fsync on, so
            // that a restart or a kill loses only what was never committed, as in production.
            await cluster.RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster.DataDirectory, "-A", "trust", "-U", User, "-E", "UTF8", "--no-sync", "--locale=C"]);
            var options = new Dictionary<string, string>
            {
                ["listen_addresses"] = "127.0.0.1",
                // Every exchange a test starts keeps a pool; hundreds of tests' hosts come and go.
                ["max_connections"] = "400",
                ["shared_buffers"] = "64MB",
            };
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                options[name] = value;
            }
            await File.AppendAllLinesAsync(Path.Combine(cluster.DataDirectory, "postgresql.conf"),
                [$"port = {cluster.Port}", $"unix_socket_directories = '{folder}'", .. options.Select(o => $"{o.Key} = '{o.Value}'")]);
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database }.ConnectionString;

    /// <summary>Creates an empty database of a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "nx"}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server: "fast" (clients are disconnected, a clean shutdown) or "immediate" (as a crash: the
    /// next start recovers from the WAL).</summary>
    public Task StopServerAsync(string mode = "fast") =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", mode, "-w", "stop"]);

    public Task StartServerAsync() =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-l", LogPath, "-w", "-t", "60", "start"]);

    /// <summary>Runs one of the cluster's tools (pg_dump, pg_restore, pg_basebackup...) as the cluster's owner;
    /// its standard output.</summary>
    public Task<string> RunToolAsync(string tool, params string[] arguments) => RunAsync(Path.Combine(_bin, tool), arguments);

    /// <summary>A folder the cluster's owner may write (for a dump or a base backup), inside this cluster's own.</summary>
    public async Task<string> CreateScratchFolderAsync(string name)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(path);
        if (_asPostgres)
        {
            await RunAsync("/usr/bin/chown", ["-R", "postgres", path], asPostgres: false);
        }
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await StopServerAsync("immediate");
            }
            catch (InvalidOperationException)
            {
                // already stopped
            }
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

    /// <summary>
    /// The shared cluster is never stopped, killed or restarted while tests use it (those that do start their own, with
    /// production's settings), so nothing it holds depends on reaching the disk: without fsync a commit is as visible
    /// and as lasting to the tests, and neither the commits nor the checkpoint that each dropped database forces
    /// (hundreds a run) wait for the disk. The exchange suite's test time on PostgreSQL fell from 440 s to 397 s with
    /// this and background drops (228 s on SQLite); what is left is mostly each exchange's start on a fresh database.
    /// </summary>
    private static async Task<PostgresCluster> StartSharedAsync()
    {
        var cluster = await StartAsync(new Dictionary<string, string> { ["fsync"] = "off", ["full_page_writes"] = "off" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return cluster;
    }

    /// <summary>
    /// Removes the folders of clusters that no longer run (no postmaster.pid) and were made over an hour ago: a test
    /// process that ends has little time for its exit handlers, and its shared cluster's folder may outlive it.
    /// </summary>
    private static void RemoveAbandoned()
    {
        var root = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "nx-pg"));
        if (!root.Exists)
        {
            return;
        }
        foreach (var folder in root.EnumerateDirectories())
        {
            if (folder.CreationTimeUtc < DateTime.UtcNow.AddHours(-1) && !File.Exists(Path.Combine(folder.FullName, "data", "postmaster.pid")))
            {
                try
                {
                    folder.Delete(recursive: true);
                }
                catch (IOException)
                {
                    // another test process is removing it too
                }
                catch (UnauthorizedAccessException)
                {
                    // not ours to remove
                }
            }
        }
    }

    private static string RequireBinaries()
    {
        var bin = Environment.GetEnvironmentVariable("NX_TEST_PG_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";
        if (File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            return bin;
        }
        var message = $"PostgreSQL 15 is not installed in {bin} (no initdb or pg_ctl); run scripts/test.sh, or scripts/postgres.sh, which install it";
        if (SharedData.RunningInCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message);
        throw new InvalidOperationException(message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<string> RunAsync(string program, IReadOnlyList<string> arguments) => RunAsync(program, arguments, _asPostgres);

    private async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "/usr/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // the cluster's owner cannot enter root's working folder
            WorkingDirectory = _folder,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}{(log.Length > 0 ? "\nserver log:\n" + log[^Math.Min(log.Length, 4000)..] : "")}");
        }
        return await output;
    }
}
