using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>The transparency log's development signing key, kept in a file beside the database (readable by its owner only).</summary>
public sealed partial class SqliteExchangeStore : IDevelopmentSigningKeyStore
{
    public const string DevelopmentKeyFileName = "transparency-signing-key.pem";

    public string DevelopmentKeyLocation => Path.Combine(Path.GetDirectoryName(Settings.DatabasePath)!, DevelopmentKeyFileName);

    public string GetOrAddDevelopmentSigningKey(Func<string> generatePem)
    {
        var path = DevelopmentKeyLocation;
        if (!File.Exists(path))
        {
            try
            {
                // CreateNew: of two instances starting on one store, one writes the key and the other reads it.
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    // readable by the exchange's user only
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var file = new FileStream(path, create);
                using var writer = new StreamWriter(file);
                writer.Write(generatePem());
            }
            catch (IOException) when (File.Exists(path))
            {
                // another instance made it first
            }
        }
        return File.ReadAllText(path);
    }
}
