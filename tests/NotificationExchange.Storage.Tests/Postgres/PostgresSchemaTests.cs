using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NotificationExchange.Storage.Sqlite.Migrations;
using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Storage.Tests.Sqlite;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL schema is the SQLite schema, table for table, column for column (in order, of the corresponding
/// type), index for index and trigger for trigger, so that a step added to both stores finds the same tables.
/// </summary>
public sealed class PostgresSchemaTests
{
    // SQLite's implicit rowid, which PostgreSQL has as a column of its own; and PostgreSQL's record of migrations,
    // which SQLite keeps in PRAGMA user_version.
    private static readonly string[] OnlyOnPostgres = ["webhook_deliveries.rowid bigint", "schema_migrations"];

    [Test]
    public void Tables_columns_indexes_and_triggers_are_those_of_the_SQLite_schema()
    {
        using var sqlite = new TestDatabase();
        using (var connection = sqlite.Connect())
        {
            SqliteMigrator.Migrate(connection, SqliteMigrations.All, sqlite.Path, NullLogger.Instance);
        }
        using var storage = new PostgresStoreUnderTest();
        OpenedStore.Open(storage, "instance-a").Dispose();

        Assert.That(PostgresShape(storage.ConnectionString).Except(OnlyOnPostgres), Is.EqualTo(SqliteShape(sqlite)));
    }

    /// <summary>Each table, each of its columns in order with its type as PostgreSQL names it, and the names of indexes and triggers.</summary>
    private static IEnumerable<string> SqliteShape(TestDatabase database)
    {
        using var connection = database.Connect();
        var tables = Read(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;").Select(r => r[0]).ToArray();
        var shape = new List<string>();
        foreach (var table in tables)
        {
            shape.Add(table);
            shape.AddRange(Read(connection, $"SELECT name, type FROM pragma_table_info('{table}') ORDER BY cid;")
                .Select(c => $"{table}.{c[0]} {c[1] switch { "INTEGER" => "bigint", "TEXT" => "text", "BLOB" => "bytea", var other => other }}"));
        }
        shape.AddRange(Read(connection, "SELECT 'index ' || name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%';").Select(r => r[0]));
        shape.AddRange(Read(connection, "SELECT 'trigger ' || name FROM sqlite_master WHERE type = 'trigger';").Select(r => r[0]));
        return shape.Order(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> PostgresShape(string database)
    {
        var shape = new List<string>();
        shape.AddRange(PostgresSql.Rows(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema();").Select(r => r[0]!));
        shape.AddRange(PostgresSql.Rows(database, """
            SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position;
            """).Select(r => r[0]!));
        // the indexes of primary keys and UNIQUE constraints are SQLite's autoindexes
        shape.AddRange(PostgresSql.Rows(database, """
            SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = current_schema()
            AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'));
            """).Select(r => r[0]!));
        // TRUNCATE, which SQLite does not have, is refused too
        shape.AddRange(PostgresSql.Rows(database, """
            SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname <> 'audit_records_never_truncated';
            """).Select(r => r[0]!));
        return shape.Order(StringComparer.Ordinal).ToArray();
    }

    private static List<string[]> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }
}
