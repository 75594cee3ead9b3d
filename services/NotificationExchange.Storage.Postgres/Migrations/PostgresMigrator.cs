using Microsoft.Extensions.Logging;
using Npgsql;

namespace NotificationExchange.Storage.Postgres.Migrations;

/// <summary>
/// Brings a database to the last of its migrations. Several instances, on several machines, may start at once: the
/// migrator holds a session advisory lock for the whole run and reads the version again under it, so one instance
/// applies the steps and the others wait, then find nothing to do. Each step runs in a transaction of its own that also
/// records its version in <c>schema_migrations</c>: a crash leaves the database at the last step that committed. A
/// database newer than the migrations know is refused, never downgraded; one with tables but no
/// <c>schema_migrations</c> was not made by this store and is refused, untouched.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key the migrator holds (another than the log writer's).</summary>
    public const long LockKey = 0x4E58_4D49_4752; // "NXMIGR"

    /// <summary>Applies what is missing; returns the version the database is now at.</summary>
    public static int Migrate(NpgsqlConnection connection, IReadOnlyList<PostgresMigration> migrations, string database, ILogger logger)
    {
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("there are no migrations");
        }
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version != migrations[i - 1].Version + 1)
            {
                throw new InvalidOperationException($"migration {migrations[i]} follows {migrations[i - 1]}: versions must follow each other without gaps");
            }
        }
        var latest = migrations[^1].Version;
        // The common case, a database already current, takes no lock.
        if (Version(connection, database, latest) == latest)
        {
            return latest;
        }
        Execute(connection, $"SELECT pg_advisory_lock({LockKey});");
        try
        {
            var current = Version(connection, database, latest);
            if (current is null)
            {
                RefuseForeignTables(connection, database);
                Execute(connection, """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version integer PRIMARY KEY,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    );
                    """);
            }
            var from = current ?? 0;
            var applied = migrations.Where(m => m.Version > from).ToArray();
            if (from > 0 && from < migrations[0].Version - 1)
            {
                throw new InvalidOperationException($"the database {database} is at schema version {from}, older than this build's first step {migrations[0]}");
            }
            foreach (var migration in applied)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, migration.Sql);
                using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name);", connection))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("name", migration.Name);
                    record.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            if (current is null)
            {
                logger.LogInformation("Store: schema of PostgreSQL database {Database} created at version {To}", database, latest);
            }
            else if (applied.Length > 0)
            {
                logger.LogInformation("Store: schema of PostgreSQL database {Database} upgraded from version {From} to {To} ({Migrations})",
                    database, current, latest, string.Join(", ", applied.Select(m => m.ToString())));
            }
            return latest;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                Execute(connection, $"SELECT pg_advisory_unlock({LockKey});");
            }
        }
    }

    /// <summary>The last step applied; null when the database has no <c>schema_migrations</c> table yet.</summary>
    private static int? Version(NpgsqlConnection connection, string database, int latest)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection);
        if (!(bool)exists.ExecuteScalar()!)
        {
            return null;
        }
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", connection);
        var version = (int)command.ExecuteScalar()!;
        return version <= latest
            ? version
            : throw new InvalidOperationException(
                $"the database {database} has schema version {version}, newer than this build knows (up to {latest}); "
                + "a database is never downgraded: run the build that upgraded it, or a newer one");
    }

    /// <summary>A database with tables of its own but no migrations was not made by this store: left untouched.</summary>
    private static void RefuseForeignTables(NpgsqlConnection connection, string database)
    {
        using var command = new NpgsqlCommand("""
            SELECT string_agg(table_name, ', ' ORDER BY table_name) FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name <> 'schema_migrations';
            """, connection);
        if (command.ExecuteScalar() is string tables)
        {
            throw new InvalidOperationException(
                $"the database {database} has tables ({tables}) but no schema_migrations: it was not made by the exchange's PostgreSQL store, and is left untouched");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
