using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NotificationExchange.Storage.Sqlite.Migrations;

/// <summary>
/// A database's tables, indexes, views and triggers, each as SQLite keeps its definition (whitespace collapsed), by
/// name. Two databases with the same shape accept the same statements.
/// </summary>
internal sealed partial class SqliteSchemaShape
{
    private readonly SortedDictionary<string, string> _objects;

    private SqliteSchemaShape(SortedDictionary<string, string> objects) => _objects = objects;

    public bool IsEmpty => _objects.Count == 0;

    public static SqliteSchemaShape Read(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // SQLite's own objects (sqlite_autoindex_*, sqlite_sequence, sqlite_stat*) follow from the rest.
        command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\';";
        using var reader = command.ExecuteReader();
        var objects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            objects[$"{reader.GetString(0)} {reader.GetString(1)}"] = reader.IsDBNull(2) ? "" : Whitespace().Replace(reader.GetString(2), " ");
        }
        return new SqliteSchemaShape(objects);
    }

    /// <summary>The shape a new, empty database has after <paramref name="migrations"/>.</summary>
    public static SqliteSchemaShape After(IEnumerable<SqliteMigration> migrations)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var migration in migrations)
        {
            using var command = connection.CreateCommand();
            command.CommandText = migration.Sql;
            command.ExecuteNonQuery();
        }
        return Read(connection, null);
    }

    /// <summary>What this database has that <paramref name="expected"/> has not, and the reverse; empty when they agree.</summary>
    public IReadOnlyList<string> DifferencesFrom(SqliteSchemaShape expected)
    {
        var differences = new List<string>();
        foreach (var (name, definition) in expected._objects)
        {
            if (!_objects.TryGetValue(name, out var found))
            {
                differences.Add($"{name} is missing");
            }
            else if (found != definition)
            {
                differences.Add($"{name} is defined as \"{found}\", expected \"{definition}\"");
            }
        }
        differences.AddRange(_objects.Keys.Where(name => !expected._objects.ContainsKey(name)).Select(name => $"{name} is not expected"));
        return differences;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
