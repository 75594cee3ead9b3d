using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.FanOut;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// At the default stream buffer, what the server holds for a stream (buffered, or written to the response and not yet
/// flushed) stays within the buffer's capacity, whatever the subscriber does; and what the subscriber then sees is what
/// the README and the proto say. The bound is checked from outside the accounting that enforces it: by what reaches
/// the subscriber, and by what the server writes to the response, after the subscriber stopped keeping up.
/// </summary>
public class StreamBoundTests
{
    private static readonly int _capacity = new FanOutOptions().StreamBufferCapacity;

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private StreamMeters _meters = null!;
    private ExchangeClient _filer = null!;
    private ExchangeClient _subscriber = null!;
    private Subscription _subscription = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _meters = new StreamMeters();
        _database = new TestDatabase();
        // The default buffer. The grace of a cut-off stream's last write is the silent reader's test's subject; the
        // slow reader reads at once, but a long grace keeps a loaded machine from turning its read into a reset.
        var grace = TestContext.CurrentContext.Test.Name.Contains("slow_reader", StringComparison.Ordinal) ? "00:01:00" : new FanOutOptions().EndingWriteGrace.ToString();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string> { ["Exchange:FanOut:EndingWriteGrace"] = grace });
        _filer = await _host.NewOperatorAsync("bulk-filer");
        _subscriber = await _host.NewOperatorAsync("lagging-ops");
        _subscription = await _subscriber.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
        _meters.Dispose();
    }

    [Test]
    public async Task A_slow_reader_is_cut_off_with_resource_exhausted_and_the_server_never_holds_more_than_the_buffer()
    {
        using var stream = StreamProbe.Open(_subscriber, _subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        // The subscriber reads 5 events for every 200 filed until the exchange cuts it off.
        var filed = await _meters.FileUntilCutOffAsync(_filer, () => stream.ReadEventsAsync(stream.Events.Count + 5));

        var receivedAtCutOff = stream.Events.Count;
        var ended = await stream.ReadUntilEndedAsync(TimeSpan.FromSeconds(60));
        // What reaches the reader after the cut-off is what was already on its way: at most the writes not yet flushed
        // and what the transport holds (the response buffer, the HTTP/2 window), a few hundred events here. Had the
        // server moved its backlog into the response unflushed, the reader would get thousands more (it did: 3,015).
        Assert.That(stream.Events.Count - receivedAtCutOff, Is.LessThan(_capacity / 8),
            "after the cut-off the server sent only what was already on its way, not its backlog");
        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted), ended.Status.Detail);
        Assert.That(ended.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason, Is.EqualTo("SUBSCRIBER_TOO_SLOW"));
        var lastProcessed = stream.Events[^1].Sequence;
        Assert.That(ended.Trailers.GetValue("nx-resume-after"), Is.EqualTo(lastProcessed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "a reader that read everything up to the status received all the server sent");
        Assert.That(stream.Events, Has.Count.LessThan(filed.Count), "it was cut off before the end");
        await EventuallyAsync(() => _meters.Open == 0 && _meters.Held == 0, "the stream closed and released what it held");

        await AssertResumingFromOwnPositionGivesTheRestAsync(stream.Events, lastProcessed, filed);
    }

    [Test]
    public async Task A_reader_that_reads_nothing_is_reset_after_the_grace_and_the_server_never_holds_more_than_the_buffer()
    {
        using var stream = StreamProbe.Open(_subscriber, _subscription.Id);
        await stream.ReadUntilCaughtUpAsync();
        var writtenBefore = _meters.Delivered;

        var filed = await _meters.FileUntilCutOffAsync(_filer);

        // The status cannot pass the unread messages before it; after the grace the server gives the stream up.
        await EventuallyAsync(() => _meters.Open == 0 && _meters.Held == 0, "the stream closed and released what it held",
            new FanOutOptions().EndingWriteGrace + TimeSpan.FromSeconds(20));
        // All the server wrote to the response of a reader that read nothing: what the transport could take (the
        // HTTP/2 window, Kestrel's response buffer) and at most an eighth of the buffer unflushed, a few hundred events.
        // Had it moved its backlog into the unflushed response, it would have written thousands.
        Assert.That(_meters.Delivered - writtenBefore, Is.LessThan(_capacity / 8), "the server wrote only what the transport could take");
        var ended = await stream.ReadUntilEndedAsync(TimeSpan.FromSeconds(60));
        Assert.That(ended.StatusCode, Is.AnyOf(StatusCode.Cancelled, StatusCode.Internal), $"a reset, as documented: {ended.Status}");
        Assert.That(ended.Trailers.GetValue("nx-resume-after"), Is.Null, "a reset carries no trailers");

        var lastProcessed = stream.Events.Count == 0 ? stream.CaughtUpAt!.Value : stream.Events[^1].Sequence;
        await AssertResumingFromOwnPositionGivesTheRestAsync(stream.Events, lastProcessed, filed);
    }

    private async Task AssertResumingFromOwnPositionGivesTheRestAsync(IReadOnlyList<NotificationEvent> processed, ulong lastProcessed, IReadOnlyList<string> filed)
    {
        using var resumed = StreamProbe.Open(_subscriber, _subscription.Id, lastProcessed);
        var rest = await resumed.ReadUntilCaughtUpAsync(TimeSpan.FromSeconds(60));
        var all = processed.Concat(rest).ToList();
        Assert.That(all.Select(e => e.Sequence), Is.Ordered.And.Unique, "in order, no duplicate");
        Assert.That(all.Select(e => e.Notification.Id), Is.EquivalentTo(filed), "nothing lost");
    }

    /// <summary>Waits, bounded, for the server to reach a state the test cannot be told of directly.</summary>
    private static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"not reached in time: {what}");
            }
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
