using System.Diagnostics.Metrics;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc watch --output json --count N through what ends a stream: the exchange killed (SIGKILL) and started again on
/// the same store and port, and a slow-subscriber cut-off (RESOURCE_EXHAUSTED). The sequences it printed must be
/// exactly those filed, in order: nothing lost, nothing repeated.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WatchResilienceTests
{
    private string _config = null!;

    [SetUp]
    public void NewConfig() => _config = Directory.CreateTempSubdirectory("nxc-watch-").FullName;

    [TearDown]
    public void RemoveConfig() => Directory.Delete(_config, recursive: true);

    [Test]
    public async Task Watch_goes_on_through_a_restart_of_the_exchange_without_losing_or_repeating_an_event()
    {
        using var database = new TestDatabase();
        await using var server = await ExchangeServerProcess.StartAsync(database.Path);
        var key = (await server.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "restart-ops",
            DisplayName = "Restart Ops",
            Contact = new PointOfContact { Name = "FDO", Email = "fdo@restart.example" },
        })).ApiKey;
        var subscription = await server.Client(key).Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "restart" });
        const int before = 15;
        const int after = 15;

        using var watch = new Nxc(_config).With(("NX_ADDRESS", server.Address), ("NX_API_KEY", key)).Start(["watch", subscription.Id, "-o", "json", "--count", $"{before + after}"]);
        await watch.Out.WaitForAsync(l => l.Any(IsCaughtUp), TimeSpan.FromSeconds(30), "catching up");
        // nxc's stdout stalls, so that what is filed is still in flight when the exchange is killed: received by
        // nxc but not printed, or sent but not received.
        watch.Out.Hold();
        var filed = await FileAsync(server.Client(key), before);
        server.Kill();
        await server.RestartAsync();
        watch.Out.Release();
        filed.AddRange(await FileAsync(server.Client(key), after));
        var exit = await watch.ExitAsync(TimeSpan.FromSeconds(90));

        TestContext.Out.WriteLine(watch.Error.Text);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), watch.ToString());
        Assert.That(Printed(watch), Is.EqualTo(filed), "every event once, in order");
        Assert.That(watch.Error.Text, Does.Contain("nxc: reconnecting"), "it did lose the stream");
    }

    [Test]
    public async Task Watch_goes_on_after_the_exchange_cuts_it_off_as_too_slow_without_losing_or_repeating_an_event()
    {
        using var database = new TestDatabase();
        await using var exchange = await ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:FanOut:StreamBufferCapacity"] = "16",
        });
        using var overruns = new Overruns(exchange.Services.GetRequiredService<IMeterFactory>());
        var key = await exchange.NewOperatorKeyAsync("slow-ops");
        var client = exchange.Client(key);
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "slow" });
        const int filings = 400;

        using var watch = new Nxc(_config).With(("NX_ADDRESS", exchange.Address), ("NX_API_KEY", key)).Start(["watch", subscription.Id, "-o", "json", "--count", $"{filings}"]);
        await watch.Out.WaitForAsync(l => l.Any(IsCaughtUp), TimeSpan.FromSeconds(30), "catching up");
        // nxc's stdout stops being read, as a pipe into a stalled program: nxc stops reading the stream, and the
        // exchange cuts it off once more events wait for it than the stream may hold.
        watch.Out.Hold();
        var filed = new List<ulong>();
        foreach (var batch in Enumerable.Range(0, filings).Chunk(20))
        {
            var answers = await Task.WhenAll(batch.Select(i => client.Notifications.FileNotificationAsync(Request((uint)(1000 + i))).ResponseAsync));
            filed.AddRange(answers.Select(a => a.Notification.Sequence));
        }
        await overruns.WaitAsync(TimeSpan.FromSeconds(60));
        watch.Out.Release();
        var exit = await watch.ExitAsync(TimeSpan.FromSeconds(90));

        TestContext.Out.WriteLine(watch.Error.Text);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), watch.ToString());
        Assert.That(Printed(watch), Is.EqualTo(filed.Order()), "every event once, in sequence order");
        Assert.That(watch.Error.Text, Does.Contain("nxc: reconnecting"), "it did lose the stream");
    }

    private static bool IsCaughtUp(string line) => line.Contains("\"caughtUp\"", StringComparison.Ordinal);

    private static bool IsEvent(string line) => line.Contains("\"event\"", StringComparison.Ordinal);

    private static List<ulong> Printed(RunningNxc watch) =>
        watch.Out.Lines.Select(l => JsonParser.Default.Parse<SubscriptionMessage>(l))
            .Where(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.Event).Select(m => m.Event.Sequence).ToList();

    private static async Task<List<ulong>> FileAsync(ExchangeClient client, int count)
    {
        var sequences = new List<ulong>();
        for (var i = 0; i < count; i++)
        {
            sequences.Add((await client.Notifications.FileNotificationAsync(Request((uint)(2000 + i)))).Notification.Sequence);
        }
        return sequences;
    }

    private static FileNotificationRequest Request(uint norad) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Maneuver = new ManeuverNotice
        {
            Object = new SpaceObject { NoradCatId = norad },
            ExecutionWindow = new TimeWindow
            {
                Start = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(6)),
                End = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(7)),
            },
            Purpose = ManeuverPurpose.StationKeeping,
            PlannedDeltaV = new DeltaV { MagnitudeMps = 0.1 },
            Contact = new PointOfContact { Name = "FDO", Email = "fdo@example.org" },
        },
    };

    /// <summary>Streams this exchange cut off as too slow (its nx.streams.overrun counter).</summary>
    private sealed class Overruns : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public Overruns(IMeterFactory exchangeMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "nx.streams.overrun" && instrument.Meter.Scope == exchangeMeters)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public async Task WaitAsync(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Interlocked.Read(ref _count) == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the exchange did not cut the stream off within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
                }
                await Task.Delay(20);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
