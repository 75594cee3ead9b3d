using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NotificationExchange.Testing;

/// <summary>
/// The store the exchanges of a test run use, picked by NX_TEST_STORE: unset or <c>sqlite</c>, the SQLite file at the
/// database path a test gives (the embedded default); <c>postgres</c>, a database of its own on the shared private
/// PostgreSQL cluster (<see cref="PostgresCluster.Shared"/>) for each distinct path, so that exchanges given one path
/// share one database as they would share one SQLite file. Tests reach the store behind the exchange's back (to damage
/// it, to copy it) through the same path with <see cref="ExecuteAsync"/>, <see cref="ScalarAsync"/> and
/// <see cref="CopyAsync"/>, whichever store it is.
/// </summary>
public static class TestStore
{
    public const string Variable = "NX_TEST_STORE";

    private static readonly Lock DropsLock = new();
    private static Task _drops = Task.CompletedTask;

    /// <summary>The development signing key the SQLite store keeps beside its file (the PostgreSQL store keeps it in
    /// the database, so a copy of either store signs with its original's key).</summary>
    public const string SigningKeyFileName = "transparency-signing-key.pem";

    // database path (full) -> the connection string of its database, created on first use
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Databases = new(StringComparer.Ordinal);
    private static int _copies;

    /// <summary>True when NX_TEST_STORE=postgres; an unknown value fails every test that starts an exchange, naming it.</summary>
    public static bool OnPostgres => (Environment.GetEnvironmentVariable(Variable) ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "sqlite" => false,
        "postgres" or "postgresql" => true,
        var other => throw new InvalidOperationException($"{Variable}={other}: expected sqlite (the default) or postgres"),
    };

    /// <summary>The name of the store the run uses, for messages.</summary>
    public static string Name => OnPostgres ? "postgres" : "sqlite";

    /// <summary>
    /// The exchange's settings that put it on the store of <paramref name="databasePath"/>: Exchange:Store:Path, or
    /// ConnectionStrings:Postgres (the database made for that path).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettingsAsync(string databasePath)
    {
        if (!OnPostgres)
        {
            return new Dictionary<string, string> { ["Exchange:Store:Path"] = databasePath };
        }
        return new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = await ConnectionStringAsync(databasePath) };
    }

    /// <summary>The connection string of the PostgreSQL database that stands for <paramref name="databasePath"/>,
    /// created (empty) on the shared cluster the first time the path is asked for.</summary>
    public static Task<string> ConnectionStringAsync(string databasePath) =>
        Databases.GetOrAdd(Key(databasePath), _ => new Lazy<Task<string>>(CreateDatabaseAsync)).Value;

    /// <summary>Runs <paramref name="sql"/> (one or more statements; parameters as @name) on the store of
    /// <paramref name="databasePath"/> with no exchange in between; the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(string databasePath, string sql, IReadOnlyDictionary<string, object>? parameters = null)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row <paramref name="sql"/> returns on the store of <paramref name="databasePath"/>.</summary>
    public static async Task<long> ScalarAsync(string databasePath, string sql, IReadOnlyDictionary<string, object>? parameters = null)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A byte string as an SQL literal of the store: x'..' (SQLite) or '\x..'::bytea (PostgreSQL).</summary>
    public static string BlobLiteral(ReadOnlySpan<byte> bytes) =>
        OnPostgres ? $"'\\x{Convert.ToHexString(bytes)}'::bytea" : $"x'{Convert.ToHexString(bytes)}'";

    /// <summary>
    /// Copies the store of <paramref name="fromPath"/> (no exchange may be running on it: stopped instances' pooled
    /// connections are closed first) to be the store of <paramref name="toPath"/>, which must not have been used yet:
    /// VACUUM INTO (and the development signing key beside the file), or CREATE DATABASE ... TEMPLATE.
    /// </summary>
    public static async Task CopyAsync(string fromPath, string toPath)
    {
        var key = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(fromPath))!, SigningKeyFileName);
        if (!OnPostgres)
        {
            await ExecuteAsync(fromPath, $"VACUUM INTO '{toPath.Replace("'", "''", StringComparison.Ordinal)}';");
        }
        else
        {
            var source = new NpgsqlConnectionStringBuilder(await ConnectionStringAsync(fromPath)).Database!;
            var copy = new Lazy<Task<string>>(() => CreateDatabaseAsync(source));
            if (!Databases.TryAdd(Key(toPath), copy))
            {
                throw new InvalidOperationException($"{toPath} already has a store: a copy goes to a path not used yet");
            }
            NpgsqlConnection.ClearAllPools();
            await copy.Value;
        }
        if (!OnPostgres && File.Exists(key))
        {
            File.Copy(key, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(toPath))!, SigningKeyFileName), overwrite: true);
        }
    }

    /// <summary>Drops the database that stood for <paramref name="databasePath"/>, if one was made (TestDatabase's
    /// disposal: a run makes hundreds; the cluster should not keep them all). The drop runs behind the test, one at a
    /// time in the order asked: a test's teardown need not wait for the checkpoint a drop forces, and the name is never
    /// given again.</summary>
    public static void Forget(string databasePath)
    {
        if (!Databases.TryRemove(Key(databasePath), out var made) || !made.IsValueCreated || !made.Value.IsCompletedSuccessfully)
        {
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(made.Value.Result).Database!;
        lock (DropsLock)
        {
            _drops = _drops.ContinueWith(_ => Drop(name), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private static void Drop(string name)
    {
        try
        {
            using var connection = new NpgsqlConnection(PostgresCluster.Shared.GetAwaiter().GetResult().ConnectionString());
            connection.Open();
            // FORCE: an instance a test left running (or a pooled connection) must not keep it
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);", connection);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // the cluster is going away with the test process: its folder goes with it
        }
    }

    private static string Key(string databasePath) => Path.GetFullPath(databasePath);

    private static async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.Shared).CreateDatabaseAsync("nx_store");

    /// <summary>A new database as a copy of <paramref name="template"/> (which nobody may be connected to).</summary>
    private static async Task<string> CreateDatabaseAsync(string template)
    {
        var cluster = await PostgresCluster.Shared;
        var name = $"nx_copy_{Environment.ProcessId}_{Interlocked.Increment(ref _copies)}";
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\";", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return cluster.ConnectionString(name);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // a stopped instance's server processes are still leaving ("source database is being accessed by
                // other users")
                await Task.Delay(100);
            }
        }
    }

    private static async Task<DbConnection> OpenAsync(string databasePath)
    {
        if (!OnPostgres)
        {
            // a stopped in-process instance's pooled connections are closed, as they would be with its process
            SqliteConnection.ClearAllPools();
        }
        DbConnection connection = OnPostgres
            ? new NpgsqlConnection(await ConnectionStringAsync(databasePath))
            : new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object>? parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
