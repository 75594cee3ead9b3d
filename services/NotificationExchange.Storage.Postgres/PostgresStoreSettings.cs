using Npgsql;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The store's settings resolved once, at start-up: the pooled data source of the readers (and the rare writes outside
/// the log writer), the connection string of the log writer's own unpooled connection, and the batch size. Every part
/// of the store opens its connections here, so that they all agree.
/// </summary>
public sealed class PostgresStoreSettings : IDisposable
{
    /// <summary>The connection string's name (ConnectionStrings:Postgres): when it is set, the host runs on PostgreSQL.</summary>
    public const string ConnectionStringName = "Postgres";

    /// <summary>Where the exchange's configuration keeps the store's other settings (shared with the SQLite store).</summary>
    public const string DefaultSection = "Exchange:Store";

    /// <summary>
    /// Statements Npgsql prepares on each connection once they have run a few times: the writer's and the readers' are
    /// few and repeated, so every one of them ends up prepared. Used unless the connection string says otherwise.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 128;

    private readonly NpgsqlDataSource _pooled;

    private PostgresStoreSettings(NpgsqlConnectionStringBuilder pooled, NpgsqlConnectionStringBuilder writer, int maxBatchSize)
    {
        _pooled = NpgsqlDataSource.Create(pooled);
        PooledConnectionString = pooled.ConnectionString;
        WriterConnectionString = writer.ConnectionString;
        MaxBatchSize = maxBatchSize;
        Database = pooled.Database ?? pooled.Username ?? "postgres";
        Server = $"{pooled.Host}:{pooled.Port}";
    }

    public int MaxBatchSize { get; }

    /// <summary>The database's name, for the log.</summary>
    public string Database { get; }

    /// <summary>Host and port, for the log (never the password).</summary>
    public string Server { get; }

    /// <summary>For readers and the rare writes outside the log writer: pooled.</summary>
    public string PooledConnectionString { get; }

    /// <summary>For the log writer's one connection, unpooled: after a failure the writer opens a new one.</summary>
    public string WriterConnectionString { get; }

    /// <summary>
    /// Checks and resolves configured settings; <paramref name="connectionSetting"/> and <paramref name="section"/> name
    /// them in the error when one is bad.
    /// </summary>
    public static PostgresStoreSettings Resolve(PostgresStoreOptions options, string connectionSetting = "ConnectionStrings:" + ConnectionStringName, string section = DefaultSection)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"store setting {connectionSetting} is not set: the PostgreSQL store needs a connection string");
        }
        NpgsqlConnectionStringBuilder pooled;
        try
        {
            pooled = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // the value is not repeated: it may hold a password
            throw new InvalidOperationException($"store setting {connectionSetting} is not a valid Npgsql connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(pooled.Host))
        {
            throw new InvalidOperationException($"store setting {connectionSetting} names no Host");
        }
        if (options.MaxBatchSize < 1)
        {
            throw new InvalidOperationException(
                $"store setting {section}:MaxBatchSize is '{options.MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}': expected 1 or more");
        }
        if (pooled.MaxAutoPrepare == 0)
        {
            pooled.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        if (string.IsNullOrEmpty(pooled.ApplicationName))
        {
            pooled.ApplicationName = "notification-exchange";
        }
        var writer = new NpgsqlConnectionStringBuilder(pooled.ConnectionString) { Pooling = false };
        writer.ApplicationName = pooled.ApplicationName + " log writer";
        return new PostgresStoreSettings(pooled, writer, options.MaxBatchSize);
    }

    /// <summary>A pooled connection, open.</summary>
    public NpgsqlConnection OpenPooled() => _pooled.OpenConnection();

    /// <summary>A pooled connection, open.</summary>
    public ValueTask<NpgsqlConnection> OpenPooledAsync(CancellationToken cancellationToken) => _pooled.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Forgets the pool's idle connections: after the server restarted or a connection dropped they are all dead, and
    /// each would fail its next reader once.
    /// </summary>
    public void ClearPool() => _pooled.Clear();

    /// <summary>The log writer's connection, open (a new one each time: the writer keeps it until it fails).</summary>
    public NpgsqlConnection OpenWriter()
    {
        var connection = new NpgsqlConnection(WriterConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _pooled.Dispose();
}
