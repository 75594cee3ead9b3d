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
internal sealed class SubscriberStream(string subscriptionId, SubscriptionMatcher matcher, int capacity) : IDisposable
{
    private readonly Channel<RecordedEvent> _buffer = Channel.CreateBounded<RecordedEvent>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _ended = new();
    private Exception? _endReason;

    public string SubscriptionId { get; } = subscriptionId;

    public ChannelReader<RecordedEvent> Reader => _buffer.Reader;

    /// <summary>Fires when the stream must end at once (its subscriber fell behind, or its subscription was deleted).</summary>
    public CancellationToken Ended => _ended.Token;

    public Exception? EndReason => Volatile.Read(ref _endReason);

    public void Offer(RecordedEvent recorded)
    {
        if (matcher.Matches(recorded) && !_buffer.Writer.TryWrite(recorded))
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
