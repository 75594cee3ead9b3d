using NotificationExchange.Domain.Storage;
using NotificationExchange.Transparency.Heads;

namespace NotificationExchange.Api.Transparency;

/// <summary>Where the log's signing key comes from: configuration, or in development a key the store keeps.</summary>
internal static class TransparencyKeys
{
    /// <summary>
    /// The configured key (PEM text or a PEM file's path). Without one, Production refuses to start (a key made up at
    /// start would sign heads nobody can check after a restart); any other environment uses the key the store keeps
    /// (beside the SQLite file, or in the PostgreSQL database), generating it the first time, so that it survives
    /// restarts and is shared by the instances on the store.
    /// </summary>
    public static LogSigningKey Load(TransparencyOptions options, IHostEnvironment environment, IDevelopmentSigningKeyStore store)
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
        string stored;
        try
        {
            stored = store.GetOrAddDevelopmentSigningKey(() =>
            {
                using var generated = LogSigningKey.Generate();
                return generated.ExportPrivateKeyPem();
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{TransparencyOptions.Section}:SigningKey is not set, and the development key kept in {store.DevelopmentKeyLocation} cannot be read: {e.Message}", e);
        }
        try
        {
            return LogSigningKey.FromPem(stored);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"the development signing key kept in {store.DevelopmentKeyLocation} is not a key: {e.Message}", e);
        }
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
