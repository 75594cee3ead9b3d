using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>The library's unary calls: deadlines, request ids kept across a retry, and registration through
/// dependency injection.</summary>
public sealed class UnaryCallTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _exchange = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = new TestDatabase();
        _exchange = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _exchange.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_call_to_an_exchange_that_never_answers_ends_at_the_call_timeout()
    {
        using var silent = SilentServer.Start();
        using var client = NxClient.Create(new NxClientOptions { Address = silent.Address, ApiKey = "k", CallTimeout = TimeSpan.FromMilliseconds(500) });

        var failed = await Assert.ThrowsAsync<NxException>(() => client.Operators.WhoAmIAsync(new WhoAmIRequest()).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.That(failed!.Error.Code, Is.EqualTo(StatusCode.DeadlineExceeded), failed.Message);
        Assert.That(failed.Error.Kind, Is.EqualTo(FailureKind.Unreachable));
        Assert.That(await silent.AcceptedAsync(), Is.True, "the call reached the listener, which never answered");
    }

    [Test]
    public async Task Filing_the_same_request_again_gets_the_first_answer_and_files_nothing_new()
    {
        using var client = NxClient.Create(new NxClientOptions { Address = new Uri(_exchange.Address), ApiKey = await _exchange.NewOperatorKeyAsync("retry-ops") });
        var request = Filings.Maneuver(8000);

        var first = await client.Notifications.FileNotificationAsync(request);
        var again = await client.Notifications.FileNotificationAsync(request);
        var other = await client.Notifications.FileNotificationAsync(Filings.Maneuver(8000));

        Assert.That(request.RequestId, Does.StartWith("nxc-"), "the library gave the request an id and kept it on the request");
        Assert.That(again.Notification.Id, Is.EqualTo(first.Notification.Id));
        Assert.That(again.Notification.Sequence, Is.EqualTo(first.Notification.Sequence));
        Assert.That(other.Notification.Id, Is.Not.EqualTo(first.Notification.Id), "a new request is a new filing");
    }

    [Test]
    public async Task A_host_registers_the_client_with_the_address_and_key_of_its_configuration()
    {
        var key = await _exchange.NewOperatorKeyAsync("hosted-ops");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NotificationExchange:Address"] = _exchange.Address,
            ["NotificationExchange:ApiKey"] = key,
            ["NotificationExchange:CallTimeout"] = "00:00:20",
        });
        builder.Services.AddNotificationExchangeClient(builder.Configuration);
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<NxClient>();
        var me = await client.Operators.WhoAmIAsync(new WhoAmIRequest());

        Assert.That(me.Id, Is.EqualTo("hosted-ops"));
    }

    [Test]
    public async Task A_registered_client_keeps_the_call_timeout_too()
    {
        using var silent = SilentServer.Start();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddNotificationExchangeClient(options =>
        {
            options.Address = silent.Address;
            options.ApiKey = "k";
            options.CallTimeout = TimeSpan.FromMilliseconds(500);
        });
        using var host = builder.Build();

        var failed = await Assert.ThrowsAsync<NxException>(() =>
            host.Services.GetRequiredService<NxClient>().Operators.WhoAmIAsync(new WhoAmIRequest()).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.That(failed!.Error.Code, Is.EqualTo(StatusCode.DeadlineExceeded), failed.Message);
        Assert.That(await silent.AcceptedAsync(), Is.True);
    }

    /// <summary>A TCP listener that accepts connections and never says a word: no HTTP/2 settings, no response.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _accepted = [];
        private readonly TaskCompletionSource<bool> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private SilentServer()
        {
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _ = AcceptAsync();
        }

        public Uri Address { get; }

        public static SilentServer Start() => new();

        public Task<bool> AcceptedAsync() => _first.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public void Dispose()
        {
            _listener.Stop();
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    _accepted.Add(await _listener.AcceptSocketAsync());
                    _first.TrySetResult(true);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // stopped
            }
        }
    }
}
