using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Sqlite;

/// <summary>The audit table refuses UPDATE and DELETE through SQLite itself, whoever connects to the file.</summary>
public sealed class SqliteAuditAppendOnlyTests
{
    [TestCase("UPDATE audit_records SET outcome = 'OK' WHERE id = 1;", "never changed")]
    [TestCase("UPDATE audit_records SET organization_id = 'someone-else';", "never changed")]
    [TestCase("DELETE FROM audit_records WHERE id = 1;", "never removed")]
    [TestCase("DELETE FROM audit_records;", "never removed")]
    public async Task Changing_or_removing_an_audit_record_through_SQLite_fails(string sql, string reason)
    {
        using var database = new TestDatabase();
        // opening the store creates the schema, the audit's table and triggers among it
        _ = new SqliteExchangeStore(SqliteStoreSettings.Resolve(new SqliteStoreOptions { Path = database.Path }), NullLogger<SqliteExchangeStore>.Instance);
        await using var connection = database.Connect();
        await Execute(connection, """
            INSERT INTO audit_records (recorded_at, organization_id, rpc, action, target_kind, target_id, outcome)
            VALUES (1, 'op-a', 'notification_exchange.v1.NotificationService/GetNotification', 5, 1, 'MNV-1', 'PERMISSION_DENIED');
            """);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, sql));
        Assert.That(refused!.Message, Does.Contain(reason));
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) || ' ' || outcome || ' ' || organization_id FROM audit_records;";
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo("1 PERMISSION_DENIED op-a"), "the record is as it was written");
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
