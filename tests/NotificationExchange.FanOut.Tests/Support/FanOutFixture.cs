using Microsoft.Extensions.Logging.Abstractions;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Testing;

namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>
/// One exchange instance's fan-out, as the host wires it, over an in-memory store and a fake clock: the live feed
/// (started), the subscription manager, and the bus as a recorder.
/// </summary>
internal sealed class FanOutFixture : IAsyncDisposable
{
    public const string Owner = "watcher-ops";

    private FanOutFixture(FanOutOptions options)
    {
        Options = options;
        Meters = new TestMeters();
        Metrics = new ExchangeMetrics(Meters);
        var committed = new CommittedEvents();
        Store = new InMemoryExchangeStore(committed);
        Feed = new LiveFeed(Store, committed, Microsoft.Extensions.Options.Options.Create(options), Clock, NullLogger<LiveFeed>.Instance);
        Subscriptions = new SubscriptionManager(
            Store, Store, Store, Feed, Bus, Microsoft.Extensions.Options.Options.Create(options), Metrics, Clock, NullLogger<SubscriptionManager>.Instance);
    }

    /// <summary>
    /// Small buffers and pages. The intervals are distinct, so that a test can tell which timer was armed, and far
    /// longer than the hang guard, so that only the fake clock can make them pass.
    /// </summary>
    public static FanOutOptions DefaultOptions => new()
    {
        StreamBufferCapacity = 16,
        ReplayPageSize = 4,
        GapCheckInterval = TimeSpan.FromHours(1),
        HeartbeatInterval = TimeSpan.FromHours(2),
        EndingWriteGrace = TimeSpan.FromHours(3),
        AnnounceTimeout = TimeSpan.FromHours(4),
    };

    public FanOutOptions Options { get; }
    public ObservedClock Clock { get; } = new(Events.Epoch);
    public TestMeters Meters { get; }
    public ExchangeMetrics Metrics { get; }
    public InMemoryExchangeStore Store { get; }
    public LiveFeed Feed { get; }
    public SubscriptionManager Subscriptions { get; }
    public RecordingStreamOpenedPublisher Bus { get; } = new();

    /// <summary>Starts the feed on a store that already holds <paramref name="existing"/> events.</summary>
    public static async Task<FanOutFixture> StartAsync(int existing = 0, Action<FanOutOptions>? configure = null)
    {
        var options = DefaultOptions;
        configure?.Invoke(options);
        var fixture = new FanOutFixture(options);
        fixture.Store.CommitElsewhere(existing);
        await fixture.Feed.StartAsync(CancellationToken.None).Within();
        return fixture;
    }

    public Task<Subscription> CreateSubscriptionAsync(StartPosition start = StartPosition.Earliest, string owner = Owner) =>
        Subscriptions.CreateAsync(owner, "everything", SubscriptionFilter.Everything, start, [], CancellationToken.None);

    /// <summary>A stream attached to the feed directly, below any session: what the feed dispatches, in order.</summary>
    public SubscriberStream Probe()
    {
        var probe = new SubscriberStream(new Subscription("probe", Owner, "probe", SubscriptionFilter.Everything, 0, DateTime.UnixEpoch), 1024, Metrics);
        Feed.Attach(probe);
        return probe;
    }

    public async ValueTask DisposeAsync()
    {
        await Feed.StopAsync(CancellationToken.None).Within();
        Feed.Dispose();
        Meters.Dispose();
    }
}
