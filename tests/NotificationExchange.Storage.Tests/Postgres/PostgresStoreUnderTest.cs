using Microsoft.Extensions.Hosting;
using Npgsql;
using NotificationExchange.Storage.Postgres;
using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Testing;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL store on a fresh database of its own, on the test run's shared private cluster (or on
/// <paramref name="cluster"/>), registered as the exchange registers it: through ConnectionStrings:Postgres.
/// </summary>
public sealed class PostgresStoreUnderTest(PostgresCluster? cluster = null) : IStoreUnderTest
{
    public string ConnectionString { get; } = (cluster ?? PostgresCluster.Shared.GetAwaiter().GetResult()).CreateDatabaseAsync("store").GetAwaiter().GetResult();

    public void AddTo(IHostApplicationBuilder builder)
    {
        builder.Configuration[$"ConnectionStrings:{PostgresStoreSettings.ConnectionStringName}"] = ConnectionString;
        builder.AddPostgresExchangeStore();
    }

    public async Task OverwriteSnapshotAsync(long sequence, string snapshot)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE events SET snapshot = @snapshot WHERE sequence = @sequence;", connection);
        command.Parameters.AddWithValue("snapshot", snapshot);
        command.Parameters.AddWithValue("sequence", sequence);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"no event {sequence} to overwrite");
        }
    }

    /// <summary>Drops the database (a test run makes hundreds of them), closing whatever connections are left on it.</summary>
    public void Dispose()
    {
        var database = new NpgsqlConnectionStringBuilder(ConnectionString);
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Database}\" WITH (FORCE);", connection);
        drop.ExecuteNonQuery();
    }
}
