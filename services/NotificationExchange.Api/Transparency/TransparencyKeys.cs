using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Transparency.Heads;

namespace NotificationExchange.Api.Transparency;

/// <summary>Where the log's signing key comes from: configuration, or in development a key kept beside the store.</summary>
internal static class TransparencyKeys
{
    public const string DevelopmentKeyFileName = "transparency-signing-key.pem";

    /// <summary>
    /// The configured key (PEM text or a PEM file's path). Without one, Production refuses to start (a key made up at
    /// start would sign heads nobody can check after a restart); any other environment uses the key beside the store,
    /// generating it the first time, so that it survives restarts and is shared by instances on the store.
    /// </summary>
    public static LogSigningKey Load(TransparencyOptions options, IHostEnvironment environment, SqliteStoreSettings store)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            var pem = configured.Contains("-----BEGIN", StringComparison.Ordinal) ? configured : ReadKeyFile(configured);
            try
            {
                return LogSigningKey.FromPem(pem);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{TransparencyOptions.Section}:SigningKey: {e.Message}", e);
            }
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{TransparencyOptions.Section}:SigningKey is not set: in Production the transparency log needs its ECDSA P-256 signing key "
                + $"(PEM, or the path of a PEM file), or set {TransparencyOptions.Section}:Enabled to false");
        }
        var path = Path.Combine(Path.GetDirectoryName(store.DatabasePath)!, DevelopmentKeyFileName);
        if (!File.Exists(path))
        {
            using var generated = LogSigningKey.Generate();
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
                writer.Write(generated.ExportPrivateKeyPem());
            }
            catch (IOException) when (File.Exists(path))
            {
                // another instance made it first
            }
        }
        return LogSigningKey.FromPem(ReadKeyFile(path));
    }

    private static string ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{TransparencyOptions.Section}:SigningKey: cannot read the key file {path}: {e.Message}", e);
        }
    }
}
