using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Testing;

namespace NotificationExchange.Storage.Tests.Sqlite;

/// <summary>The SQLite store on a temporary file, registered as the exchange registers it.</summary>
public sealed class SqliteStoreUnderTest : IStoreUnderTest
{
    public TestDatabase Database { get; } = new();

    public void AddTo(IHostApplicationBuilder builder)
    {
        builder.Configuration[$"{SqliteStoreSettings.DefaultSection}:Path"] = Database.Path;
        builder.AddSqliteExchangeStore();
    }

    public async Task OverwriteSnapshotAsync(long sequence, string snapshot)
    {
        await using var connection = Database.Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET snapshot = $snapshot WHERE sequence = $sequence;";
        command.Parameters.Add(new SqliteParameter("$snapshot", snapshot));
        command.Parameters.Add(new SqliteParameter("$sequence", sequence));
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"no event {sequence} to overwrite");
        }
    }

    public void Dispose() => Database.Dispose();
}
