using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.FanOut;

/// <summary>
/// This instance's view of the log, in strict sequence order, without gaps or duplicates. Events arrive from this
/// instance's log writer and, for other instances' filings, from the bus, in whatever order; the feed dispatches
/// sequence N only after N-1. A later event than expected means something is missing (another instance's event whose
/// bus message has not come, or never will): since sequences follow commit order, the missing ones are already in
/// the log, and the feed reads them from there. A periodic look at the log's head covers a missing last event.
/// </summary>
public sealed class LiveFeed : BackgroundService, ICommittedEventListener
{
    private readonly Channel<FeedInput> _inputs = Channel.CreateUnbounded<FeedInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _streamsLock = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Guarded by _streamsLock. Streams whose filter names objects are found through the objects an event concerns;
    // the others see every event. With a thousand streams watching fleets, an event is offered to a few, not all.
    private readonly List<SubscriberStream> _unindexed = [];
    private readonly Dictionary<int, List<SubscriberStream>> _byObject = [];
    private readonly List<SubscriberStream> _all = [];
    private readonly INotificationLog _log;
    private readonly FanOutOptions _options;
    private readonly ILogger<LiveFeed> _logger;
    private readonly TimeProvider _clock;
    private long _position;

    public LiveFeed(INotificationLog log, CommittedEvents committed, IOptions<FanOutOptions> options, TimeProvider clock, ILogger<LiveFeed> logger)
    {
        _log = log;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        committed.Subscribe(this);
    }

    /// <summary>The last sequence dispatched; every event up to it has been offered to every attached stream.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Completes once the feed knows its starting position.</summary>
    public Task Started => _started.Task;

    public void OnCommitted(IReadOnlyList<LogEntry> events)
    {
        foreach (var recorded in events)
        {
            _inputs.Writer.TryWrite(new FeedInput(recorded, 0));
        }
    }

    /// <summary>An event another instance recorded, as the bus brought it.</summary>
    public void Offer(LogEntry recorded) => _inputs.Writer.TryWrite(new FeedInput(recorded, 0));

    /// <summary>True when an event with this sequence would be dropped as already dispatched (saves decoding it).</summary>
    public bool AlreadyDispatched(long sequence) => sequence <= Position;

    /// <summary>
    /// Attaches a stream: every event after the returned position will be offered to it, in order. Events up to that
    /// position are the caller's to replay from the log.
    /// </summary>
    internal long Attach(SubscriberStream stream)
    {
        lock (_streamsLock)
        {
            _all.Add(stream);
            if (stream.WatchedObjects.Count == 0)
            {
                _unindexed.Add(stream);
            }
            foreach (var norad in stream.WatchedObjects)
            {
                if (!_byObject.TryGetValue(norad, out var watchers))
                {
                    _byObject[norad] = watchers = [];
                }
                watchers.Add(stream);
            }
            return _position;
        }
    }

    internal void Detach(SubscriberStream stream)
    {
        lock (_streamsLock)
        {
            _all.Remove(stream);
            _unindexed.Remove(stream);
            foreach (var norad in stream.WatchedObjects)
            {
                if (_byObject.TryGetValue(norad, out var watchers) && watchers.Remove(stream) && watchers.Count == 0)
                {
                    _byObject.Remove(norad);
                }
            }
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _position = await _log.GetHeadSequenceAsync(cancellationToken);
        _started.TrySetResult();
        _logger.LogInformation("Live feed starts after sequence {Position}", _position);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var gapCheck = new PeriodicTimer(_options.GapCheckInterval, _clock);
        var ticking = TickAsync(gapCheck, stoppingToken);
        try
        {
            await foreach (var input in _inputs.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(input, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Reading the log failed; the next event or tick retries the same gap.
                    _logger.LogWarning(e, "Live feed could not fill up to sequence {Sequence} from the log", input.FillTo);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ticking;
    }

    private async Task TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var head = await _log.GetHeadSequenceAsync(stoppingToken);
                if (head > Position)
                {
                    _inputs.Writer.TryWrite(new FeedInput(null, head));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Live feed stopped checking the log's head");
        }
    }

    private async Task HandleAsync(FeedInput input, CancellationToken cancellationToken)
    {
        var target = input.Entry?.Sequence ?? input.FillTo;
        if (target <= _position)
        {
            return;
        }
        var missingThrough = input.Entry is null ? target : target - 1;
        if (missingThrough > _position)
        {
            foreach (var filled in await _log.ReadRangeAsync(_position + 1, missingThrough, cancellationToken))
            {
                Dispatch(filled);
            }
            if (_position < missingThrough)
            {
                _logger.LogError("The log has no events {From} to {To}; skipping them", _position + 1, missingThrough);
                _position = missingThrough;
            }
        }
        if (input.Entry is not null)
        {
            Dispatch(input.Entry);
        }
    }

    private void Dispatch(LogEntry entry)
    {
        if (entry.Sequence <= _position)
        {
            return;
        }
        lock (_streamsLock)
        {
            Volatile.Write(ref _position, entry.Sequence);
            if (entry.MatchKeys is not { } keys)
            {
                // a consultation's event, or an unreadable entry without readable keys: every stream decides (the
                // audience first) whether it receives it. Consultation events are few next to notifications.
                foreach (var stream in _all)
                {
                    stream.Offer(entry);
                }
                return;
            }
            foreach (var stream in _unindexed)
            {
                stream.Offer(entry);
            }
            foreach (var norad in keys.NoradCatIds)
            {
                if (_byObject.TryGetValue(norad, out var watchers))
                {
                    foreach (var stream in watchers)
                    {
                        stream.Offer(entry);
                    }
                }
            }
        }
    }

    private readonly record struct FeedInput(LogEntry? Entry, long FillTo);
}
