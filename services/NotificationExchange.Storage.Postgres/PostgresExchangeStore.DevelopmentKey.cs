using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The transparency log's development signing key, kept in the database (a <c>store_info</c> row) so that every
/// instance on it, on whatever machine, signs with the same key. Production never comes here: it requires a configured key.
/// </summary>
public sealed partial class PostgresExchangeStore : IDevelopmentSigningKeyStore
{
    private const string DevelopmentKeyRow = "transparency_development_signing_key";

    public string DevelopmentKeyLocation => $"the store_info row '{DevelopmentKeyRow}' of PostgreSQL database {Settings.Database}";

    public string GetOrAddDevelopmentSigningKey(Func<string> generatePem)
    {
        var stored = ReadKey();
        if (stored is not null)
        {
            return stored;
        }
        // Of instances starting at once, the first insert wins and the others' do nothing; all read the winner's.
        using (var connection = Settings.OpenPooled())
        using (var insert = Command(connection, "INSERT INTO store_info (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING;",
            [("@key", DevelopmentKeyRow), ("@value", generatePem())]))
        {
            insert.ExecuteNonQuery();
        }
        return ReadKey() ?? throw new InvalidOperationException($"the development signing key was stored in {DevelopmentKeyLocation} but is not there");
    }

    private string? ReadKey()
    {
        using var connection = Settings.OpenPooled();
        using var select = Command(connection, "SELECT value FROM store_info WHERE key = @key;", [("@key", DevelopmentKeyRow)]);
        return select.ExecuteScalar() as string;
    }
}
