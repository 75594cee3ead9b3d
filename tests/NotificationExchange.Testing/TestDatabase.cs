using Microsoft.Data.Sqlite;

namespace NotificationExchange.Testing;

/// <summary>A fresh SQLite file in a temporary folder of its own, removed with the folder afterwards; under
/// NX_TEST_STORE=postgres the path stands for a database of its own (<see cref="TestStore"/>), dropped with it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nx-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase() => Directory.CreateDirectory(_folder);

    public string Path => System.IO.Path.Combine(_folder, "exchange.db");

    public void Dispose()
    {
        TestStore.Forget(Path);
        // pooled connections keep the file open; the store's own are closed with its host
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a host still closing its file; the system cleans its temporary folder later
        }
    }
}
