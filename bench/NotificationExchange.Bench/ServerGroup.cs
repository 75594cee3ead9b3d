namespace NotificationExchange.Bench;

/// <summary>
/// The exchange processes of one repeat: a fresh store in a temporary folder of its own, shared by <c>count</c>
/// processes (on RabbitMQ when a broker is given). Disposing stops them and removes the folder.
/// </summary>
internal sealed class ServerGroup : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef";

    private readonly string _folder;

    private ServerGroup(string folder) => _folder = folder;

    public List<ServerProcess> Servers { get; } = [];

    public IReadOnlyList<string> Addresses => Servers.Select(s => s.Address).ToList();

    public static async Task<ServerGroup> StartAsync(
        string serverDll, int count, string? broker, string name, IEnumerable<string>? settings = null, Action<string>? output = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nx-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var group = new ServerGroup(folder);
        // The servers run in Production, which needs the transparency log's signing key: one per store, as an
        // operator would provide it (settings given later override it).
        var keyPath = Path.Combine(folder, "transparency-signing-key.pem");
        using (var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        }
        settings = [$"--Exchange:Transparency:SigningKey={keyPath}", .. settings ?? []];
        try
        {
            for (var i = 0; i < count; i++)
            {
                group.Servers.Add(await ServerProcess.StartAsync(serverDll, Path.Combine(folder, "exchange.db"), AdminKey, broker, $"{name}-{i}", settings, output));
            }
            return group;
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
