using Npgsql;
using NotificationExchange.Storage.Tests.Contract;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>The audit table refuses UPDATE, DELETE and TRUNCATE through PostgreSQL itself, whoever connects to the database.</summary>
public sealed class PostgresAuditAppendOnlyTests
{
    [TestCase("UPDATE audit_records SET outcome = 'OK' WHERE id = 1;", "never changed")]
    [TestCase("UPDATE audit_records SET organization_id = 'someone-else';", "never changed")]
    [TestCase("DELETE FROM audit_records WHERE id = 1;", "never removed")]
    [TestCase("DELETE FROM audit_records;", "never removed")]
    [TestCase("TRUNCATE audit_records;", "never removed")]
    public void Changing_or_removing_an_audit_record_through_PostgreSQL_fails(string sql, string reason)
    {
        using var storage = new PostgresStoreUnderTest();
        // opening the store creates the schema, the audit's table and triggers among it
        OpenedStore.Open(storage, "instance-a").Dispose();
        PostgresSql.Execute(storage.ConnectionString, """
            INSERT INTO audit_records (id, recorded_at, organization_id, rpc, action, target_kind, target_id, outcome)
            VALUES (1, 1, 'op-a', 'notification_exchange.v1.NotificationService/GetNotification', 5, 1, 'MNV-1', 'PERMISSION_DENIED');
            """);

        var refused = Assert.Throws<PostgresException>(() => PostgresSql.Execute(storage.ConnectionString, sql));

        Assert.That(refused!.MessageText, Does.Contain(reason));
        Assert.That(PostgresSql.Scalar(storage.ConnectionString, "SELECT COUNT(*) || ' ' || MIN(outcome) || ' ' || MIN(organization_id) FROM audit_records;"),
            Is.EqualTo("1 PERMISSION_DENIED op-a"), "the record is as it was written");
    }
}
