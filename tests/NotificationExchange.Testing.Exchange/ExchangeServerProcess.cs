using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace NotificationExchange.Testing.Exchange;

/// <summary>
/// The exchange's own executable as a process of its own on a free loopback port (the in-memory bus unless a broker is
/// given), for tests that kill it (SIGKILL) and start it again on the same store, at the same address.
/// </summary>
public sealed class ExchangeServerProcess : IAsyncDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    // Every start runs with the same arguments: same port, same store, same settings, so that clients reconnect to
    // the address they had.
    private readonly string[] _arguments;
    private Process _process;

    private ExchangeServerProcess(Process process, string address, string[] arguments)
    {
        _process = process;
        _arguments = arguments;
        Address = address;
        Admin = Client(ExchangeHost.AdminKey);
    }

    public string Address { get; }

    public ExchangeClient Admin { get; }

    /// <summary>Starts the exchange on <paramref name="databasePath"/> (its SQLite file, or the PostgreSQL database
    /// standing for it under NX_TEST_STORE=postgres: <see cref="TestStore"/>), with <paramref name="settings"/> as extra
    /// configuration (e.g. Exchange:FanOut:StreamBufferCapacity), and waits until its health service says SERVING.</summary>
    public static async Task<ExchangeServerProcess> StartAsync(string databasePath, string? rabbitMq = null, IDictionary<string, string>? settings = null)
    {
        var address = $"http://127.0.0.1:{ExchangeProcess.FreePort()}";
        string[] arguments =
        [
            $"--Kestrel:Endpoints:Grpc:Url={address}",
            .. (await TestStore.SettingsAsync(databasePath)).Select(s => $"--{s.Key}={s.Value}"),
            $"--Exchange:AdminApiKey={ExchangeHost.AdminKey}",
            $"--ConnectionStrings:RabbitMq={rabbitMq ?? ""}",
            "--Logging:LogLevel:Default=Warning",
            // As ExchangeHost: tests file as fast as they can from one organisation; a test about limits sets its own.
            .. (settings is not null && settings.ContainsKey("Exchange:RateLimits:Enabled") ? Array.Empty<string>() : new[] { "--Exchange:RateLimits:Enabled=false" }),
            .. (settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"),
        ];
        var server = new ExchangeServerProcess(Launch(arguments), address, arguments);
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>A client whose calls carry <paramref name="apiKey"/>.</summary>
    public ExchangeClient Client(string apiKey)
    {
        var channel = ExchangeHost.ApiKeyChannel(Address, apiKey);
        _channels.Add(channel);
        return new ExchangeClient(channel);
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGSTOP: the process stops where it is, its connections open and silent, until <see cref="Resume"/>.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT: a paused process goes on from where it stopped.</summary>
    public void Resume() => Signal("CONT");

    /// <summary>Kills the process (SIGKILL) if it still runs, waits until it is gone, and starts the exchange again on
    /// the same store and port; returns once it says SERVING.</summary>
    public async Task RestartAsync()
    {
        await StopProcessAsync();
        _process.Dispose();
        _process = Launch(_arguments);
        await WaitUntilServingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        await StopProcessAsync();
        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} exited {kill.ExitCode}");
        }
    }

    private static Process Launch(string[] arguments) =>
        ExchangeProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Testing" }, arguments);

    private async Task StopProcessAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilServingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var channel = GrpcChannel.ForAddress(Address);
        while (true)
        {
            try
            {
                var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: timeout.Token);
                if (health.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (!timeout.IsCancellationRequested && !_process.HasExited)
            {
            }
            await Task.Delay(100, timeout.Token);
        }
    }
}
