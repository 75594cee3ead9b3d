using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Filing;

public sealed class OutboxOptions
{
    /// <summary>How long one publish may wait for the bus's confirms before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest wait between tries after a failed publish (the wait doubles from 200 ms up to it). A report that
    /// the bus is ready again ends the wait at once (<see cref="BusConnectivity"/>).
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the outbox table is swept for events that live publishing missed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Pending events another instance wrote this long ago are taken over (their writer may have crashed).</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxBatchSize { get; set; } = 256;
}

/// <summary>
/// Publishes every committed event to the bus once, with confirms, then removes it from the outbox. Live events come
/// straight from the log writer; whatever they miss (a failed or timed-out publish, a crash between commit and
/// publish, another instance's crash) stays in the outbox table and is found by a sweep, at start and periodically.
/// Consumers tell events apart by sequence, so a duplicate publish is harmless; a lost one is not possible.
/// </summary>
public sealed class OutboxRelay : BackgroundService, ICommittedEventListener
{
    private readonly Channel<Committed> _committed = Channel.CreateUnbounded<Committed>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IIntegrationEventPublisher _publisher;
    private readonly BusConnectivity _connectivity;
    private readonly ILogWriter _writer;
    private readonly IOutbox _outbox;
    private readonly ExchangeInstance _instance;
    private readonly OutboxOptions _options;
    private readonly ExchangeMetrics _metrics;
    private readonly ILogger<OutboxRelay> _logger;
    private readonly TimeProvider _clock;
    private readonly DateTime _startedAt;
    private long _sweptThrough;
    private bool _sweptOnce;
    private Task _pendingRemoval = Task.CompletedTask;

    public OutboxRelay(
        IIntegrationEventPublisher publisher,
        BusConnectivity connectivity,
        ILogWriter writer,
        IOutbox outbox,
        CommittedEvents committed,
        ExchangeInstance instance,
        IOptions<OutboxOptions> options,
        ExchangeMetrics metrics,
        TimeProvider clock,
        ILogger<OutboxRelay> logger)
    {
        _publisher = publisher;
        _connectivity = connectivity;
        _writer = writer;
        _outbox = outbox;
        _instance = instance;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _clock = clock;
        _startedAt = Now();
        committed.Subscribe(this);
    }

    public void OnCommitted(IReadOnlyList<LogEntry> events)
    {
        // Called inside the commit's span: remember it, so that the publish (and MassTransit's spans under it)
        // continue the trace that filed the event.
        var commit = Activity.Current?.Context;
        foreach (var recorded in events)
        {
            _committed.Writer.TryWrite(new Committed(recorded, commit));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var needSweep = true;
        var nextSweep = Now();
        var backoff = TimeSpan.FromMilliseconds(200);
        var batch = new List<LogEntry>(_options.MaxBatchSize);
        var traces = new HashSet<ActivityContext>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (needSweep || Now() >= nextSweep)
                {
                    await SweepAsync(stoppingToken);
                    needSweep = false;
                    nextSweep = Now() + _options.SweepInterval;
                }
                var untilSweep = nextSweep - Now();
                if (untilSweep <= TimeSpan.Zero)
                {
                    continue; // the sweep took longer than its interval: sweep again before waiting
                }
                using (var sweepDue = new CancellationTokenSource(untilSweep, _clock))
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, sweepDue.Token))
                {
                    try
                    {
                        await _committed.Reader.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        continue; // time to sweep
                    }
                }
                batch.Clear();
                traces.Clear();
                while (batch.Count < _options.MaxBatchSize && _committed.Reader.TryRead(out var committed))
                {
                    if (committed.Event.Sequence > _sweptThrough)
                    {
                        batch.Add(committed.Event);
                        if (committed.Commit is { } commit)
                        {
                            traces.Add(commit);
                        }
                    }
                }
                if (batch.Count > 0)
                {
                    await PublishAsync(batch, traces, stoppingToken);
                }
                backoff = TimeSpan.FromMilliseconds(200);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // What failed is still in the outbox table; drop the in-memory copies and let a sweep publish in order.
                _metrics.PublishFailed();
                _logger.LogWarning(e, "Publishing to the bus failed; retrying from the outbox in {Backoff}", backoff);
                while (_committed.Reader.TryRead(out _))
                {
                }
                needSweep = true;
                var ready = _connectivity.NextReady;
                try
                {
                    // the bus reported ready again (it reconnected) ends the wait at once
                    await Task.WhenAny(Task.Delay(backoff, _clock, stoppingToken), ready);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                backoff = ready.IsCompleted
                    ? TimeSpan.FromMilliseconds(200)
                    : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await _pendingRemoval;
        while (true)
        {
            // The first sweep takes over everything written before this process started: no one else may be
            // publishing it (a restarted instance comes back under a new id). Later sweeps take over only what has
            // waited longer than OrphanAge, so a live but slow instance is rarely duplicated.
            var takeOverBefore = _sweptOnce ? Now() - _options.OrphanAge : _startedAt;
            var pending = await _outbox.ReadPendingAsync(_instance.Id, takeOverBefore, _options.MaxBatchSize, cancellationToken);
            if (pending.Count == 0)
            {
                _sweptOnce = true;
                return;
            }
            var readable = pending.Where(e => e.IsReadable).ToArray();
            if (readable.Length > 0)
            {
                await PublishAsync(readable, [], cancellationToken);
            }
            if (readable.Length < pending.Count)
            {
                // An entry that cannot be read back cannot be published; it stays in the log, where every instance's
                // feed finds it by sequence and passes it on as unreadable. Take it off the outbox.
                var unreadable = pending.Where(e => !e.IsReadable).ToArray();
                foreach (var entry in unreadable)
                {
                    _logger.LogError("Outbox entry {Sequence} is not published: {Entry}", entry.Sequence, entry);
                }
                await RemoveAsync(unreadable, cancellationToken);
            }
            _sweptThrough = Math.Max(_sweptThrough, pending[^1].Sequence);
            if (pending.Count < _options.MaxBatchSize)
            {
                _sweptOnce = true;
                return;
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<LogEntry> batch, IReadOnlyCollection<ActivityContext> commits, CancellationToken cancellationToken)
    {
        // One span for the batch: child of the first commit it carries, linked to the others.
        using var activity = ExchangeMetrics.ActivitySource.StartActivity(
            "outbox publish", ActivityKind.Producer, commits.FirstOrDefault(), links: commits.Skip(1).Select(c => new ActivityLink(c)));
        activity?.SetTag("nx.batch_size", batch.Count);
        activity?.SetTag("nx.first_sequence", batch[0].Sequence);
        using (var timedOut = new CancellationTokenSource(_options.PublishTimeout, _clock))
        using (var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timedOut.Token, _connectivity.NextLoss))
        {
            // WaitAsync as well as the token: a publish waiting for confirms after a broker restart may not observe it.
            // A reported loss of the connection abandons it at once (its confirm went with the connection), so that
            // the relay does not sit out the timeout while the bus is already back.
            await _publisher.PublishAsync(batch, abandon.Token).WaitAsync(abandon.Token);
        }
        _metrics.Published(batch.Count);

        await RemoveAsync(batch, cancellationToken);
    }

    /// <summary>
    /// Takes entries off the outbox. The removal rides on the next group commit; the relay goes on publishing meanwhile,
    /// with at most one removal outstanding. Should it fail, the rows stay and are published again: a harmless duplicate.
    /// </summary>
    private async Task RemoveAsync(IEnumerable<LogEntry> entries, CancellationToken cancellationToken)
    {
        await _pendingRemoval;
        var sequences = entries.Select(e => e.Sequence).ToArray();
        _pendingRemoval = _writer.WriteAsync(session =>
        {
            session.MarkPublished(sequences);
            return sequences.Length;
        }, cancellationToken);
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private readonly record struct Committed(LogEntry Event, ActivityContext? Commit);
}
