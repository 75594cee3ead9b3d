using Npgsql;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>Direct SQL on a test database, on a connection of its own (unpooled, so that nothing outlives the call).</summary>
internal static class PostgresSql
{
    public static NpgsqlConnection Connect(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string connectionString, string sql)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    /// <summary>Every row of a query, each as its columns' text (NULL as null).</summary>
    public static IReadOnlyList<string?[]> Rows(string connectionString, string sql)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }
        return rows;
    }
}
