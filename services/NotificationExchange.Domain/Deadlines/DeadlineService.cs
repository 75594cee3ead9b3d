using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Domain.Deadlines;

/// <summary>
/// Fires deadlines kept in the store: what falls due (a consultation's acknowledgement deadline, an alert's deadline or
/// TCA) is handled once it has come, on the <see cref="DeadlineClock"/>, by whichever instance gets there first.
/// </summary>
/// <remarks>
/// At start it handles whatever is already due, so a deadline that passed while every instance was down fires at the
/// next start. Then it waits until the earliest pending deadline or the poll interval, whichever comes first, handles
/// what is due, and repeats. A subject committed on this instance that falls due before the next look wakes it at once
/// (it listens to the committed events); another instance's is found by the next poll. Every instance runs it, and a
/// deadline still fires once: the handler reads the subject again in its write, under the store's write lock, and the
/// second instance to get there finds it done. A subject whose handling fails is logged and tried again after a poll
/// interval, not in every pass.
/// </remarks>
public abstract class DeadlineService<TDue> : BackgroundService, ICommittedEventListener
{
    // Due subjects read at a time; the next ones are read as soon as these are done.
    private const int BatchSize = 100;

    // Set when a deadline before the next look is committed here; one pending signal is as good as many.
    private readonly Channel<bool> _earlier = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // Subjects whose handling failed and when to try them again. Touched by the service's own loop only.
    private readonly Dictionary<string, DateTime> _failed = [];

    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;

    // The next look's time in ticks; DateTime.MaxValue while a pass reads and handles, so that any deadline committed
    // meanwhile (which the pass's read may have missed) wakes the wait that follows.
    private long _nextLookTicks = DateTime.MaxValue.Ticks;

    protected DeadlineService(CommittedEvents committed, DeadlineClock clock, TimeSpan pollInterval, ILogger logger)
    {
        Clock = clock;
        _pollInterval = pollInterval;
        _logger = logger;
        committed.Subscribe(this);
    }

    protected DeadlineClock Clock { get; }

    /// <summary>What the log calls a subject (consultation, alert).</summary>
    protected abstract string Subject { get; }

    /// <summary>When a committed entry falls due; null when it sets no deadline. On the log writer's thread: never waits.</summary>
    protected abstract DateTime? DueOf(LogEntry entry);

    /// <summary>The subjects due at <paramref name="now"/> (at most <paramref name="maxCount"/>, soonest first) and the next deadline after them.</summary>
    protected abstract Task<(IReadOnlyList<TDue> Due, DateTime? Next)> ReadDueAsync(DateTime now, int maxCount, CancellationToken cancellationToken);

    protected abstract string KeyOf(TDue due);

    /// <summary>Handles what is due of one subject; throws when that fails.</summary>
    protected abstract Task HandleAsync(TDue due, CancellationToken cancellationToken);

    public void OnCommitted(IReadOnlyList<LogEntry> events)
    {
        var nextLook = Interlocked.Read(ref _nextLookTicks);
        foreach (var entry in events)
        {
            if (DueOf(entry) is { } due && due.Ticks < nextLook)
            {
                _earlier.Writer.TryWrite(true);
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTime nextLook;
            try
            {
                nextLook = await HandleDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                nextLook = Clock.UtcNow + _pollInterval;
                _logger.LogError(e, "Reading the due {Subject} deadlines failed; trying again in {PollInterval}", Subject, _pollInterval);
            }
            try
            {
                await WaitAsync(nextLook, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Handles every subject due now; returns when to look next.</summary>
    private async Task<DateTime> HandleDueAsync(CancellationToken cancellationToken)
    {
        // Each subject is tried once a pass: one the store still lists as due after its handling (it changed nothing)
        // waits for the next pass instead of holding this one in a loop.
        var attempted = new HashSet<string>();
        while (true)
        {
            // A deadline committed before this point is in the read below (listeners are told after the commit); one
            // committed after it may not be, and wakes the next wait instead.
            Interlocked.Exchange(ref _nextLookTicks, DateTime.MaxValue.Ticks);
            while (_earlier.Reader.TryRead(out _))
            {
            }
            var now = Clock.UtcNow;
            var limit = BatchSize + attempted.Count + _failed.Count;
            var (due, next) = await ReadDueAsync(now, limit, cancellationToken);
            var fresh = due.Where(d => !attempted.Contains(KeyOf(d)) && !(_failed.TryGetValue(KeyOf(d), out var retryAt) && retryAt > now)).ToArray();
            foreach (var subject in fresh)
            {
                attempted.Add(KeyOf(subject));
                await TryHandleAsync(subject, cancellationToken);
            }
            if (fresh.Length > 0 && due.Count == limit)
            {
                continue; // more may be due than one read gave
            }
            if (due.Count < limit)
            {
                // Every due subject was read: failures no longer due (answered, handled elsewhere) are over.
                foreach (var gone in _failed.Keys.Except(due.Select(KeyOf)).ToArray())
                {
                    _failed.Remove(gone);
                }
            }
            // From the time of the read, not of now: had the clock passed the next look meanwhile, the wait ends at once.
            var poll = now + _pollInterval;
            return next is { } deadline && deadline < poll ? deadline : poll;
        }
    }

    private async Task TryHandleAsync(TDue subject, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(subject, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _failed[KeyOf(subject)] = Clock.UtcNow + _pollInterval;
            _logger.LogError(e, "Handling the due {Subject} {Key} failed; trying again in {PollInterval}", Subject, KeyOf(subject), _pollInterval);
        }
    }

    /// <summary>Waits on the deadline clock until <paramref name="nextLook"/>, or until a deadline before it is committed here.</summary>
    private async Task WaitAsync(DateTime nextLook, CancellationToken stoppingToken)
    {
        Interlocked.Exchange(ref _nextLookTicks, nextLook.Ticks);
        var delay = nextLook - Clock.UtcNow;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        using var timeUp = new CancellationTokenSource(delay, Clock.Provider);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeUp.Token);
        try
        {
            await _earlier.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // the time came
        }
    }
}
