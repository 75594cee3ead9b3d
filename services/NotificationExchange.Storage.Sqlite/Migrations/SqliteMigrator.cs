using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace NotificationExchange.Storage.Sqlite.Migrations;

/// <summary>
/// Brings a database to the last of its migrations. Several processes may share the file and start at once: the steps
/// run under SQLite's write lock (BEGIN IMMEDIATE), after reading the version again inside it, so one process applies
/// them and the others wait, then find nothing to do. A database newer than the migrations know is refused, never
/// downgraded.
/// </summary>
internal static class SqliteMigrator
{
    /// <summary>Applies what is missing; returns the version the database is now at.</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, string databasePath, ILogger logger)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migration {migrations[i]} is at position {i + 1}: versions must run 1, 2, 3... without gaps");
            }
        }
        var latest = migrations.Count;
        // WAL is a property of the file, kept once set; it cannot change inside a transaction.
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        // The common case, a database already current, takes no write lock.
        if (CheckedVersion(connection, null, latest, databasePath) == latest)
        {
            return latest;
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        var found = CheckedVersion(connection, transaction, latest, databasePath);
        var current = found == 0 ? RecogniseUnversioned(connection, transaction, migrations, databasePath) : found;
        foreach (var migration in migrations.Skip(current))
        {
            Execute(connection, transaction, migration.Sql);
        }
        // Recorded in the same transaction as the steps: a crash leaves either all of them or none.
        Execute(connection, transaction, $"PRAGMA user_version = {latest.ToString(CultureInfo.InvariantCulture)};");
        transaction.Commit();
        if (current == 0)
        {
            logger.LogInformation("Store: schema of {Path} created at version {To}", databasePath, latest);
        }
        else if (current < latest)
        {
            logger.LogInformation("Store: schema of {Path} upgraded from version {From} to {To} ({Migrations})",
                databasePath, current, latest, string.Join(", ", migrations.Skip(current)));
        }
        return latest;
    }

    private static int CheckedVersion(SqliteConnection connection, SqliteTransaction? transaction, int latest, string databasePath)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return version <= latest
            ? version
            : throw new InvalidOperationException(
                $"the database {databasePath} has schema version {version}, newer than this build knows (up to {latest}); "
                + "a database is never downgraded: run the build that upgraded it, or a newer one");
    }

    /// <summary>
    /// A database with tables but no version was made by a build before migrations, whose schema is version 1, or
    /// by something else: checked by shape, not assumed. An empty file is version 0.
    /// </summary>
    private static int RecogniseUnversioned(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SqliteMigration> migrations, string databasePath)
    {
        var shape = SqliteSchemaShape.Read(connection, transaction);
        if (shape.IsEmpty)
        {
            return 0;
        }
        var differences = shape.DifferencesFrom(SqliteSchemaShape.After(migrations.Take(1)));
        return differences.Count == 0
            ? 1
            : throw new InvalidOperationException(
                $"the database {databasePath} has tables but no schema version, and they are not those of schema version 1 "
                + $"({string.Join("; ", differences)}); it is left untouched");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
