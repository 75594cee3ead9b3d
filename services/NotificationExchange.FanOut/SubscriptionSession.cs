using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.FanOut;

/// <summary>What a subscriber stream carries, in order.</summary>
public abstract record StreamItem
{
    public sealed record Event(RecordedEvent Recorded, bool Live) : StreamItem;

    /// <summary>Replay is over; from here on the stream is live. <see cref="Sequence"/> is the position reached.</summary>
    public sealed record CaughtUp(long Sequence) : StreamItem;

    public sealed record Heartbeat(DateTime ServerTime, long HeadSequence) : StreamItem;
}

/// <summary>Opens subscriber streams on this instance.</summary>
public sealed class SubscriptionStreams(
    LiveFeed feed, INotificationLog log, IOptions<FanOutOptions> options, ExchangeMetrics metrics, TimeProvider clock)
{
    public SubscriptionSession Open(Subscription subscription, long resumeAfter) =>
        new(feed, log, options.Value, metrics, clock, subscription, resumeAfter);
}

/// <summary>
/// One subscriber stream: replay from the log after the resume position, then live events from the feed, with no
/// gap and no duplicate. Replay runs first without holding a live buffer, so a long absence costs log reads, not
/// memory; only when replay has reached the log's head does the stream attach to the feed, then replays from the log
/// the few events between where it got to and the feed's position.
/// </summary>
public sealed class SubscriptionSession : IDisposable
{
    private readonly LiveFeed _feed;
    private readonly INotificationLog _log;
    private readonly FanOutOptions _options;
    private readonly ExchangeMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly Subscription _subscription;
    private readonly SubscriptionMatcher _matcher;
    private readonly SubscriberStream _stream;
    private long _position;

    internal SubscriptionSession(
        LiveFeed feed, INotificationLog log, FanOutOptions options, ExchangeMetrics metrics, TimeProvider clock, Subscription subscription, long resumeAfter)
    {
        _feed = feed;
        _log = log;
        _options = options;
        _metrics = metrics;
        _clock = clock;
        _subscription = subscription;
        _stream = new SubscriberStream(subscription.Id, subscription.Filter, options.StreamBufferCapacity);
        _matcher = _stream.Matcher;
        _stream.Ended.Register(() =>
        {
            if (_stream.EndReason is SubscriberTooSlowException)
            {
                _metrics.StreamOverrun();
            }
        });
        _position = resumeAfter;
    }

    /// <summary>Fires when the stream must end at once; <see cref="EndReason"/> says why.</summary>
    public CancellationToken Ended => _stream.Ended;

    /// <summary><see cref="SubscriberTooSlowException"/> or <see cref="SubscriptionDeletedException"/>.</summary>
    public Exception? EndReason => _stream.EndReason;

    /// <summary>True when more live events are already waiting (a writer may then delay flushing).</summary>
    public bool MoreWaiting => _stream.Reader.TryPeek(out _);

    public async IAsyncEnumerable<StreamItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _feed.Started.WaitAsync(cancellationToken);

        // 1. Replay from the log up to its head, page by page.
        while (true)
        {
            var page = await _log.ReadAfterAsync(_position, _options.ReplayPageSize, cancellationToken);
            foreach (var recorded in Matching(page))
            {
                yield return new StreamItem.Event(recorded, Live: false);
            }
            if (page.Count < _options.ReplayPageSize)
            {
                break;
            }
        }

        // 2. Attach: from now on the feed offers this stream every event after attachedAt.
        var attachedAt = _feed.Attach(_stream);
        _metrics.StreamOpened();
        try
        {
            // 3. Events between the replayed position and the feed's, from the log. (The log may also be ahead of
            //    the feed; then the feed's copies of what was replayed are skipped below.)
            while (_position < attachedAt)
            {
                var page = await _log.ReadRangeAsync(_position + 1, Math.Min(attachedAt, _position + _options.ReplayPageSize), cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }
                foreach (var recorded in Matching(page))
                {
                    yield return new StreamItem.Event(recorded, Live: true);
                }
            }
            yield return new StreamItem.CaughtUp(_position);

            // 4. Live.
            while (true)
            {
                var next = await ReadNextAsync(cancellationToken);
                if (next is null)
                {
                    yield return new StreamItem.Heartbeat(_clock.GetUtcNow().UtcDateTime, _feed.Position);
                }
                else if (next.Sequence > _position)
                {
                    _position = next.Sequence;
                    yield return new StreamItem.Event(next, Live: true);
                }
            }
        }
        finally
        {
            _feed.Detach(_stream);
            _metrics.StreamClosed();
        }
    }

    public void Dispose() => _stream.Dispose();

    private IEnumerable<RecordedEvent> Matching(IReadOnlyList<RecordedEvent> page)
    {
        foreach (var recorded in page)
        {
            _position = recorded.Sequence;
            if (_matcher.Matches(recorded))
            {
                yield return recorded;
            }
        }
    }

    /// <summary>The next live event, or null when none came within the heartbeat interval.</summary>
    private async Task<RecordedEvent?> ReadNextAsync(CancellationToken cancellationToken)
    {
        var reader = _stream.Reader;
        if (reader.TryRead(out var ready))
        {
            return ready;
        }
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quiet.CancelAfter(_options.HeartbeatInterval);
        try
        {
            if (await reader.WaitToReadAsync(quiet.Token) && reader.TryRead(out var recorded))
            {
                return recorded;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        throw _stream.EndReason ?? new InvalidOperationException("the subscriber stream was closed");
    }
}
