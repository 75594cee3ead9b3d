using Microsoft.Data.Sqlite;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>
/// The store's settings resolved once, at start-up: the full path of the database (its folder created), the
/// connection strings of the pooled connections and of the writer's own, and the pragmas every connection runs. Every
/// part of the store opens its connections here, so that they all agree.
/// </summary>
public sealed class SqliteStoreSettings
{
    /// <summary>Where the exchange's configuration keeps the store's settings.</summary>
    public const string DefaultSection = "Exchange:Store";

    /// <summary>
    /// How long a statement waits for another connection's lock (SQLite's busy handler, which retries within
    /// milliseconds) before it fails: long enough for another instance's largest group commit.
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    // The provider's own timeout for a command, which also bounds its coarse retries of a busy lock.
    private const int CommandTimeoutSeconds = 30;

    private static readonly string[] SynchronousModes = ["OFF", "NORMAL", "FULL", "EXTRA"];

    private readonly string _connectionPragmas;

    private SqliteStoreSettings(string databasePath, string synchronous, int maxBatchSize)
    {
        DatabasePath = databasePath;
        Synchronous = synchronous;
        MaxBatchSize = maxBatchSize;
        PooledConnectionString = ConnectionString(databasePath, pooling: true);
        // The writer keeps its connection for the process's life: a pool would only hold a second handle to the file.
        WriterConnectionString = ConnectionString(databasePath, pooling: false);
        _connectionPragmas = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous};";
    }

    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; }

    /// <summary>FULL, NORMAL, OFF or EXTRA, upper case.</summary>
    public string Synchronous { get; }

    public int MaxBatchSize { get; }

    /// <summary>For readers and the rare writes outside the log writer; in WAL mode readers never wait for the writer.</summary>
    public string PooledConnectionString { get; }

    /// <summary>For the log writer's one connection.</summary>
    public string WriterConnectionString { get; }

    /// <summary>
    /// Checks and resolves configured settings; <paramref name="section"/> names them in the error when one is bad.
    /// Creates the database's folder.
    /// </summary>
    public static SqliteStoreSettings Resolve(SqliteStoreOptions options, string section = DefaultSection)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw Invalid(section, nameof(options.Path), options.Path, "a file path is required");
        }
        var synchronous = options.Synchronous?.Trim().ToUpperInvariant();
        if (synchronous is null || !SynchronousModes.Contains(synchronous))
        {
            throw Invalid(section, nameof(options.Synchronous), options.Synchronous, $"expected one of {string.Join(", ", SynchronousModes)}");
        }
        if (options.MaxBatchSize < 1)
        {
            throw Invalid(section, nameof(options.MaxBatchSize), options.MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected 1 or more");
        }
        string path;
        try
        {
            path = System.IO.Path.GetFullPath(options.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Invalid(section, nameof(options.Path), options.Path, $"its folder cannot be created ({e.Message})");
        }
        return new SqliteStoreSettings(path, synchronous, options.MaxBatchSize);
    }

    /// <summary>A pooled connection, open, with the store's pragmas set.</summary>
    public SqliteConnection OpenPooled() => Open(PooledConnectionString);

    /// <summary>The log writer's connection, open, with the store's pragmas set.</summary>
    public SqliteConnection OpenWriter() => Open(WriterConnectionString);

    private SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _connectionPragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string ConnectionString(string path, bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = pooling,
        DefaultTimeout = CommandTimeoutSeconds,
    }.ToString();

    private static InvalidOperationException Invalid(string section, string setting, string? value, string problem) =>
        new($"store setting {section}:{setting} is '{value}': {problem}");
}
