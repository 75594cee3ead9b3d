using Microsoft.Data.Sqlite;
using NotificationExchange.Storage.Sqlite;

namespace NotificationExchange.Storage.Tests.Sqlite;

/// <summary>A SQLite file in a temporary folder of its own, removed with the folder afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nx-storage-tests", Guid.NewGuid().ToString("N"));

    public TemporaryDatabase() => Directory.CreateDirectory(_folder);

    public string Path => System.IO.Path.Combine(_folder, "exchange.db");

    /// <summary>A connection of its own, opened as the store opens its writer's.</summary>
    public SqliteConnection Connect() => SqliteStoreSettings.Resolve(new SqliteStoreOptions { Path = Path }).OpenWriter();

    public void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public long UserVersion => (long)Scalar("PRAGMA user_version;")!;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a store still closing its file; the system cleans its temporary folder later
        }
    }
}
