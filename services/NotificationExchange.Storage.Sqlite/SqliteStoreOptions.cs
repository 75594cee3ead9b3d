namespace NotificationExchange.Storage.Sqlite;

/// <summary>The store's settings as configured (section Exchange:Store); <see cref="SqliteStoreSettings"/> resolves them.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file, relative to the working directory unless rooted; created with its folder when missing.</summary>
    public string Path { get; set; } = "data/notification-exchange.db";

    /// <summary>
    /// SQLite's synchronous setting for commits: FULL (the default) makes every acknowledged write survive a power cut;
    /// NORMAL survives a crash of the process but not of the machine.
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>The most writes committed together in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
