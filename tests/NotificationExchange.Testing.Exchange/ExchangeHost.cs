using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NotificationExchange.Api;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Testing.Exchange;

/// <summary>
/// A real exchange instance for a test: Kestrel on a free loopback port, its own or a shared store (the SQLite file at
/// the database path, or under NX_TEST_STORE=postgres the PostgreSQL database standing for it: <see cref="TestStore"/>),
/// the in-memory bus or RabbitMQ. Clients talk to it over real HTTP/2.
/// </summary>
public sealed class ExchangeHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];
    private bool _stopped;

    private ExchangeHost(WebApplication app, string address, string? secureAddress, string databasePath)
    {
        _app = app;
        Address = address;
        SecureAddress = secureAddress;
        DatabasePath = databasePath;
    }

    /// <summary>The endpoint (Kestrel:Endpoints:Grpc): the only one, or the plaintext one beside the mutual TLS one.</summary>
    public string Address { get; }

    /// <summary>The HTTPS endpoint, when the settings configure one (a TLS or mutual TLS endpoint); else null.</summary>
    public string? SecureAddress { get; }
    public string DatabasePath { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<ExchangeHost> StartAsync(
        string databasePath,
        string? rabbitMq = null,
        IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var args = new Dictionary<string, string>
        {
            ["environment"] = "Testing",
            ["Exchange:AdminApiKey"] = AdminKey,
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["ConnectionStrings:RabbitMq"] = rabbitMq ?? "",
            ["Exchange:FanOut:GapCheckInterval"] = "00:00:00.200",
            // Tests file thousands of notices as fast as they can from one organisation; those about rate limits turn
            // them on with limits of their own.
            ["Exchange:RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in (await TestStore.SettingsAsync(databasePath)).Concat(settings ?? new Dictionary<string, string>()))
        {
            args[key] = value;
        }
        var app = ExchangeApplication.Build(
            args.Select(a => $"--{a.Key}={a.Value}").ToArray(),
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        // one endpoint (plaintext or TLS), or the plaintext one beside a mutual TLS one
        var urls = app.Urls.ToArray();
        var secure = urls.SingleOrDefault(u => u.StartsWith("https://", StringComparison.Ordinal));
        return new ExchangeHost(app, urls.Length == 1 ? urls[0] : urls.Single(u => u != secure), secure, databasePath);
    }

    public ExchangeClient Client(string apiKey)
    {
        var channel = ApiKeyChannel(Address, apiKey);
        _channels.Add(channel);
        return new ExchangeClient(channel);
    }

    /// <summary>A plaintext channel whose calls all carry `authorization: Bearer &lt;apiKey&gt;`.</summary>
    public static GrpcChannel ApiKeyChannel(string address, string apiKey) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {apiKey}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    public GrpcChannel AnonymousChannel()
    {
        var channel = GrpcChannel.ForAddress(Address);
        _channels.Add(channel);
        return channel;
    }

    public ExchangeClient Admin() => Client(AdminKey);

    /// <summary>Creates an operator through the admin API and returns a client that calls as that operator.</summary>
    public async Task<ExchangeClient> NewOperatorAsync(string operatorId, bool administrator = false) =>
        Client(await NewOperatorKeyAsync(operatorId, administrator));

    /// <summary>Creates an operator through the admin API and returns its API key (to use on this or another instance).</summary>
    public async Task<string> NewOperatorKeyAsync(string operatorId, bool administrator = false) =>
        (await Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = operatorId,
            DisplayName = $"Operator {operatorId}",
            Administrator = administrator,
            Contact = new PointOfContact { Name = "Flight Dynamics", Email = $"fd@{operatorId}.example" },
        })).ApiKey;

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        await StopAsync();
        await _app.DisposeAsync();
    }
}
