namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The PostgreSQL store's settings as configured: the connection string (ConnectionStrings:Postgres, whose presence
/// selects this store) and, from the store's section (Exchange:Store), what the SQLite store also has.
/// </summary>
public sealed class PostgresStoreOptions
{
    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password, Maximum Pool Size...).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The most writes committed together in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
