using System.Threading.Channels;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.FanOut;

/// <summary>
/// One open stream's live buffer. The feed offers it every entry; it keeps those its subscription matches. Offering
/// never blocks the feed: a stream that would hold more than its capacity is ended instead.
/// </summary>
/// <remarks>
/// Invariant: <c>_held</c> counts every live entry this stream has taken and not yet seen flushed to its
/// response: those in the buffer, and those read from it and written to the response without a flush. It never
/// exceeds the capacity. Counting only the buffer would let a writer that defers flushes (to send several messages in
/// one go) move a slow subscriber's backlog out of the buffer into the unflushed response, where nothing bounds it.
/// </remarks>
internal sealed class SubscriberStream(Subscription subscription, int capacity, ExchangeMetrics metrics) : IDisposable
{
    private readonly SubscriptionMatcher _matcher = subscription.Filter.Compile(subscription.OwnerOperatorId);
    // Unbounded as a channel: the bound is _held, which also covers entries already read from it.
    private readonly Channel<LogEntry> _buffer = Channel.CreateUnbounded<LogEntry>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _ended = new();
    private StreamEndedException? _endReason;
    private long _lastOffered;
    private int _held;

    public ChannelReader<LogEntry> Reader => _buffer.Reader;

    /// <summary>The objects this stream's filter names, by which the feed indexes it; empty when it names none.</summary>
    public IReadOnlyList<int> WatchedObjects => subscription.Filter.NoradCatIds;

    public SubscriptionMatcher Matcher => _matcher;

    public int Capacity => capacity;

    /// <summary>Fires when the stream must end at once: its subscriber fell behind, its subscription was deleted or taken over.</summary>
    public CancellationToken Ended => _ended.Token;

    public StreamEndedException? EndReason => Volatile.Read(ref _endReason);

    /// <summary>Called by the feed only, in sequence order; an entry offered twice (through two indexed objects) counts once.</summary>
    public void Offer(LogEntry entry)
    {
        if (entry.Sequence == _lastOffered)
        {
            return;
        }
        _lastOffered = entry.Sequence;
        if (!_matcher.Matches(entry) || EndReason is not null)
        {
            return;
        }
        if (Interlocked.Increment(ref _held) > capacity)
        {
            Interlocked.Decrement(ref _held);
            End(new SubscriberTooSlowException(capacity));
            return;
        }
        metrics.StreamHeld(1);
        _buffer.Writer.TryWrite(entry);
    }

    /// <summary>The writer has seen <paramref name="count"/> more entries of this stream flushed to its response.</summary>
    public void Release(int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _held, -count);
            metrics.StreamHeld(-count);
        }
    }

    public void End(StreamEndedException reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _ended.Cancel();
            _buffer.Writer.TryComplete(reason);
        }
    }

    /// <summary>
    /// Releases whatever is still held: the stream is gone, and so is what it held. The token source is not disposed:
    /// without a timer it holds nothing to release, and an End racing with the stream's close (a subscription deleted
    /// as its stream ends) must not find it disposed.
    /// </summary>
    public void Dispose()
    {
        var rest = Interlocked.Exchange(ref _held, 0);
        if (rest > 0)
        {
            metrics.StreamHeld(-rest);
        }
    }
}
