using System.Threading.Channels;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Subscriptions;

namespace NotificationExchange.FanOut;

/// <summary>The subscriber fell further behind than its stream's buffer allows.</summary>
public sealed class SubscriberTooSlowException(int capacity)
    : Exception($"the subscriber did not keep up: more than {capacity} events were waiting for it");

/// <summary>The subscription was deleted while its stream was open.</summary>
public sealed class SubscriptionDeletedException(string subscriptionId)
    : Exception($"subscription {subscriptionId} was deleted");

/// <summary>
/// One open stream's live buffer. The feed offers it every event; it keeps those its subscription matches, up to a
/// bound. Offering never blocks the feed: a full buffer ends the stream instead.
/// </summary>
internal sealed class SubscriberStream(string subscriptionId, SubscriptionFilter filter, int capacity) : IDisposable
{
    private readonly SubscriptionMatcher _matcher = filter.Compile();
    private readonly Channel<RecordedEvent> _buffer = Channel.CreateBounded<RecordedEvent>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _ended = new();
    private Exception? _endReason;
    private long _lastOffered;

    public string SubscriptionId { get; } = subscriptionId;

    public ChannelReader<RecordedEvent> Reader => _buffer.Reader;

    /// <summary>The objects this stream's filter names, by which the feed indexes it; empty when it names none.</summary>
    public IReadOnlyList<int> WatchedObjects => filter.NoradCatIds;

    public SubscriptionMatcher Matcher => _matcher;

    /// <summary>Fires when the stream must end at once (its subscriber fell behind, or its subscription was deleted).</summary>
    public CancellationToken Ended => _ended.Token;

    public Exception? EndReason => Volatile.Read(ref _endReason);

    /// <summary>Called by the feed only, in sequence order; an event offered twice (through two indexed objects) counts once.</summary>
    public void Offer(RecordedEvent recorded)
    {
        if (recorded.Sequence == _lastOffered)
        {
            return;
        }
        _lastOffered = recorded.Sequence;
        if (_matcher.Matches(recorded) && !_buffer.Writer.TryWrite(recorded))
        {
            End(new SubscriberTooSlowException(capacity));
        }
    }

    public void End(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _buffer.Writer.TryComplete(reason);
            _ended.Cancel();
        }
    }

    public void Dispose() => _ended.Dispose();
}
