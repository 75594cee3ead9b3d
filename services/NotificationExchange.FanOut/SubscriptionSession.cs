using System.Runtime.CompilerServices;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.FanOut;

/// <summary>
/// One subscriber stream: replay from the log after the resume position, then live events from the feed, with no
/// gap and no duplicate. Replay runs first without holding a live buffer, so a long absence costs log reads, not
/// memory; only when replay has reached the log's head does the stream attach to the feed, then replays from the log
/// the few events between where it got to and the feed's position.
/// </summary>
/// <remarks>
/// The writer of the items asks the session whether it may defer a flush (<see cref="MayDeferFlush"/>) and tells it
/// when what it wrote has been flushed (<see cref="Flushed"/>): live events count against the stream's capacity until
/// then, so that deferring flushes never takes a backlog out of the bound.
/// </remarks>
public sealed class SubscriptionSession : IDisposable
{
    private readonly LiveFeed _feed;
    private readonly INotificationLog _log;
    private readonly FanOutOptions _options;
    private readonly ExchangeMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly SubscriptionMatcher _matcher;
    private readonly SubscriberStream _stream;
    private readonly Action<SubscriptionSession> _closed;
    // Fires EndingWriteGrace after the stream must end; the timer is the clock's, so that a fake clock drives it.
    private readonly CancellationTokenSource _graceOver;
    private readonly CancellationTokenRegistration _onEnded;
    private long _position;
    // Items handed to the writer since its last flush, and how many of them were live entries taken from the buffer.
    private int _unflushedItems;
    private int _unflushedLive;

    internal SubscriptionSession(
        LiveFeed feed,
        INotificationLog log,
        FanOutOptions options,
        ExchangeMetrics metrics,
        TimeProvider clock,
        Subscription subscription,
        long resumeAfter,
        OpenedStream opened,
        Action<SubscriptionSession> closed)
    {
        _feed = feed;
        _log = log;
        _options = options;
        _metrics = metrics;
        _clock = clock;
        _closed = closed;
        Opened = opened;
        _stream = new SubscriberStream(subscription, options.StreamBufferCapacity, metrics);
        _matcher = _stream.Matcher;
        _graceOver = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        _onEnded = _stream.Ended.Register(() =>
        {
            if (_stream.EndReason is SubscriberTooSlowException)
            {
                _metrics.StreamOverrun();
            }
            _graceOver.CancelAfter(_options.EndingWriteGrace);
        });
        _position = resumeAfter;
    }

    /// <summary>This stream, as the takeover rule compares it with others of its subscription.</summary>
    public OpenedStream Opened { get; }

    /// <summary>Fires when the stream must end at once; <see cref="EndReason"/> says why.</summary>
    public CancellationToken Ended => _stream.Ended;

    /// <summary>Why the stream must end: a <see cref="StreamEndedException"/>.</summary>
    public StreamEndedException? EndReason => _stream.EndReason;

    /// <summary>
    /// Fires <see cref="FanOutOptions.EndingWriteGrace"/> after <see cref="Ended"/>: a write to the subscriber still under
    /// way by then is given up, since a subscriber that reads nothing must not hold the stream open.
    /// </summary>
    public CancellationToken EndingWriteGraceOver => _graceOver.Token;

    /// <summary>
    /// Whether the writer may write the item it was just handed without flushing: only while more live events are
    /// already waiting (a burst goes out in fewer flushes), and for at most an eighth of the capacity (at most 64)
    /// items in a row: small enough that a reader keeping up is never cut off for what merely waits for a flush.
    /// </summary>
    public bool MayDeferFlush => _unflushedItems < Math.Clamp(_stream.Capacity / 8, 1, 64) && _stream.Reader.TryPeek(out _);

    /// <summary>Everything written so far has been flushed to the response: it no longer counts against the capacity.</summary>
    public void Flushed()
    {
        _stream.Release(_unflushedLive);
        _unflushedLive = 0;
        _unflushedItems = 0;
    }

    /// <summary>
    /// The stream's items in order; each is counted as unflushed once handed to the writer. Once the stream must end,
    /// reading stops at once, in replay as in live, and throws <see cref="EndReason"/>.
    /// </summary>
    public async IAsyncEnumerable<StreamItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stream.Ended);
        await using var items = ItemsAsync(reading.Token).GetAsyncEnumerator(reading.Token);
        while (true)
        {
            try
            {
                // Replay yields a page read earlier without awaiting anything: check before each item, not only on waits.
                reading.Token.ThrowIfCancellationRequested();
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && EndReason is { } reason)
            {
                throw reason;
            }
            _unflushedItems++;
            yield return items.Current;
        }
    }

    private async IAsyncEnumerable<StreamItem> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _feed.Started.WaitAsync(cancellationToken);

        // 1. Replay from the log up to its head, page by page.
        while (true)
        {
            var page = await _log.ReadAfterAsync(_position, _options.ReplayPageSize, cancellationToken);
            foreach (var item in Matching(page, live: false))
            {
                yield return item;
            }
            if (page.Count < _options.ReplayPageSize)
            {
                break;
            }
        }

        // 2. Attach: from now on the feed offers this stream every entry after attachedAt.
        var attachedAt = _feed.Attach(_stream);
        _metrics.StreamOpened();
        try
        {
            // 3. Entries between the replayed position and the feed's, from the log. (The log may also be ahead of
            //    the feed; then the feed's copies of what was replayed are skipped below.)
            while (_position < attachedAt)
            {
                var page = await _log.ReadRangeAsync(_position + 1, Math.Min(attachedAt, _position + _options.ReplayPageSize), cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }
                foreach (var item in Matching(page, live: true))
                {
                    yield return item;
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
                    continue;
                }
                if (next.Sequence <= _position)
                {
                    _stream.Release(1); // already sent during catch-up: nothing to write
                    continue;
                }
                _position = next.Sequence;
                _unflushedLive++;
                yield return Item(next, live: true);
            }
        }
        finally
        {
            _feed.Detach(_stream);
            _metrics.StreamClosed();
        }
    }

    /// <summary>Ends the stream at once (see <see cref="Ended"/>); the first reason given is the one kept.</summary>
    internal void End(StreamEndedException reason) => _stream.End(reason);

    /// <summary>
    /// Releases what the stream holds. The registration goes first (its disposal waits for a callback under way), so
    /// that an End racing with the close never touches the disposed grace timer.
    /// </summary>
    public void Dispose()
    {
        _closed(this);
        _onEnded.Dispose();
        _graceOver.Dispose();
        _stream.Dispose();
    }

    private IEnumerable<StreamItem> Matching(IReadOnlyList<LogEntry> page, bool live)
    {
        foreach (var entry in page)
        {
            _position = entry.Sequence;
            if (_matcher.Matches(entry))
            {
                yield return Item(entry, live);
            }
        }
    }

    private static StreamItem Item(LogEntry entry, bool live) =>
        entry.IsReadable ? new StreamItem.Event(entry, live) : new StreamItem.Unreadable(entry);

    /// <summary>
    /// The next live entry, or null when none came within the heartbeat interval. Once the stream must end, nothing
    /// more is read: what is still buffered is dropped (the subscriber replays it from the log when it resumes), so
    /// that the ending status follows at once what is already on its way.
    /// </summary>
    private async Task<LogEntry?> ReadNextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reader = _stream.Reader;
        if (reader.TryRead(out var ready))
        {
            return ready;
        }
        using var heartbeatDue = new CancellationTokenSource(_options.HeartbeatInterval, _clock);
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeatDue.Token);
        try
        {
            if (await reader.WaitToReadAsync(quiet.Token) && reader.TryRead(out var entry))
            {
                return entry;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        throw (Exception?)_stream.EndReason ?? new InvalidOperationException("the subscriber stream was closed");
    }
}
