namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>A fresh SQLite file in a temporary folder, removed with the folder afterwards.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nx-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase() => Directory.CreateDirectory(_folder);

    public string Path => System.IO.Path.Combine(_folder, "exchange.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a host still closing its file; the temporary folder is cleaned by the system later
        }
    }
}
