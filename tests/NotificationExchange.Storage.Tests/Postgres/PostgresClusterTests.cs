using Npgsql;
using NUnit.Framework;
using NotificationExchange.Testing;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>The private cluster the PostgreSQL store's tests run on: it starts, keeps what was committed across a
/// crash (an immediate stop) and a restart, and its databases are apart.</summary>
public sealed class PostgresClusterTests
{
    [Test]
    public async Task A_committed_row_survives_an_immediate_stop_and_a_restart()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var database = await cluster.CreateDatabaseAsync("cluster_test");
        await ExecuteAsync(database, "CREATE TABLE kept (id int PRIMARY KEY); INSERT INTO kept VALUES (7);");

        await cluster.StopServerAsync("immediate");
        NpgsqlConnection.ClearAllPools();
        await cluster.StartServerAsync();

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id FROM kept;", connection);
        Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo(7));
    }

    [Test]
    public async Task Databases_created_on_the_shared_cluster_are_apart()
    {
        var cluster = await PostgresCluster.Shared;
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();
        await ExecuteAsync(first, "CREATE TABLE only_here (id int);");

        Assert.That(first, Is.Not.EqualTo(second));
        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT to_regclass('only_here') IS NULL;", connection);
        Assert.That(await read.ExecuteScalarAsync(), Is.True);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
