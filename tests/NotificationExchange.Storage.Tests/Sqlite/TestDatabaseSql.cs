using Microsoft.Data.Sqlite;
using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Testing;

namespace NotificationExchange.Storage.Tests.Sqlite;

/// <summary>Direct SQL on a test database, through connections opened as the store opens its writer's.</summary>
internal static class TestDatabaseSql
{
    public static SqliteConnection Connect(this TestDatabase database) =>
        SqliteStoreSettings.Resolve(new SqliteStoreOptions { Path = database.Path }).OpenWriter();

    public static void Execute(this TestDatabase database, string sql)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(this TestDatabase database, string sql)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static long UserVersion(this TestDatabase database) => (long)database.Scalar("PRAGMA user_version;")!;
}
