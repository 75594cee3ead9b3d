using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// Moves open alerts on as time passes (<see cref="AlertEscalation"/>): escalates operators that did not acknowledge
/// by their deadline, naming their backup and 24/7 desks (and queueing those desks' webhooks), and closes alerts whose
/// TCA has passed.
/// </summary>
/// <remarks>
/// Built as the consultations' deadline service is, on the same <see cref="DeadlineClock"/>: at
/// start it handles whatever is already due, then waits until the earliest due alert or the poll interval, whichever
/// comes first. An alert committed on this instance that falls due before the next look wakes it at once; another
/// instance's is found by the next poll. Every instance runs this and each transition still happens once (see
/// <see cref="AlertEscalation"/>).
/// </remarks>
public sealed class AlertDeadlines : BackgroundService, ICommittedEventListener
{
    private const int BatchSize = 100;

    private readonly Channel<bool> _earlier = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // Alerts whose transition failed (unreadable, not renderable, a store error) and when to try them again.
    private readonly Dictionary<string, DateTime> _failed = [];

    private readonly IAlertStore _store;
    private readonly ILogWriter _writer;
    private readonly IOperatorDirectory _directory;
    private readonly AlertEscalation _escalation;
    private readonly IEventRenderer _renderer;
    private readonly DeadlineClock _clock;
    private readonly AlertDeadlineOptions _options;
    private readonly ILogger<AlertDeadlines> _logger;

    private long _nextLookTicks = DateTime.MaxValue.Ticks;

    public AlertDeadlines(
        IAlertStore store,
        ILogWriter writer,
        IOperatorDirectory directory,
        AlertEscalation escalation,
        IEventRenderer renderer,
        CommittedEvents committed,
        DeadlineClock clock,
        IOptions<AlertDeadlineOptions> options,
        ILogger<AlertDeadlines> logger)
    {
        _store = store;
        _writer = writer;
        _directory = directory;
        _escalation = escalation;
        _renderer = renderer;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        committed.Subscribe(this);
    }

    public void OnCommitted(IReadOnlyList<LogEntry> events)
    {
        // On the log writer's thread: decide at once, never wait.
        var nextLook = Interlocked.Read(ref _nextLookTicks);
        foreach (var entry in events)
        {
            if (entry is AlertRecorded recorded && recorded.Alert.NextDue() is { } due && due.Ticks < nextLook)
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
                nextLook = await AdvanceDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                nextLook = _clock.UtcNow + _options.DeadlinePollInterval;
                _logger.LogError(e, "Reading the due alerts failed; trying again in {PollInterval}", _options.DeadlinePollInterval);
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

    /// <summary>Handles every alert due now; returns when to look next.</summary>
    private async Task<DateTime> AdvanceDueAsync(CancellationToken cancellationToken)
    {
        var attempted = new HashSet<string>();
        while (true)
        {
            Interlocked.Exchange(ref _nextLookTicks, DateTime.MaxValue.Ticks);
            while (_earlier.Reader.TryRead(out _))
            {
            }
            var now = _clock.UtcNow;
            var limit = BatchSize + attempted.Count + _failed.Count;
            var due = await _store.DueAlertsAsync(now, limit, cancellationToken);
            var fresh = due.Where(a => !attempted.Contains(a.Id) && !(_failed.TryGetValue(a.Id, out var retryAt) && retryAt > now)).ToArray();
            foreach (var alert in fresh)
            {
                attempted.Add(alert.Id);
                await AdvanceAsync(alert, cancellationToken);
            }
            if (fresh.Length > 0 && due.Count == limit)
            {
                continue; // more may be due than one read gave
            }
            if (due.Count < limit)
            {
                foreach (var gone in _failed.Keys.Except(due.Select(a => a.Id)).ToArray())
                {
                    _failed.Remove(gone);
                }
            }
            var poll = now + _options.DeadlinePollInterval;
            return await _store.NextAlertDueAsync(cancellationToken) is { } next && next < poll ? next : poll;
        }
    }

    /// <summary>Escalates or closes one alert; a failure is logged and tried again after a poll interval.</summary>
    private async Task AdvanceAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            // Contact points are read before the write, which cannot wait on the directory. The write escalates only
            // operators still unacknowledged and unescalated, and operators of an alert's objects are fixed by its
            // version: whoever it escalates was read here (an operator missing below names no contacts).
            var contacts = new Dictionary<string, IReadOnlyList<ContactPoint>>();
            foreach (var operatorId in new[] { alert.Primary.OperatorId, alert.Secondary.OperatorId }.OfType<string>().Distinct())
            {
                var account = await _directory.GetAsync(operatorId, cancellationToken);
                contacts[operatorId] = ConsultationEscalation.ContactsFor(account?.Profile);
            }
            var recorded = await _writer.WriteAsync(session =>
            {
                var events = _escalation.Advance(session, alert.Id, operatorId => contacts.GetValueOrDefault(operatorId) ?? []);
                foreach (var entry in events)
                {
                    // Rendered before the commit, as every change is: one that cannot be served fails its write.
                    _renderer.Render(entry);
                    AlertWebhooks.Queue(session, entry, _renderer);
                }
                return events;
            }, cancellationToken);
            foreach (var entry in recorded)
            {
                _logger.LogInformation("{AlertId} {EventType} at {Time:O}{Operator}", alert.Id, entry.Type, entry.RecordedAt,
                    entry.Change.EscalatedOperator is { } late ? $": {late} had not acknowledged" : "");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _failed[alert.Id] = _clock.UtcNow + _options.DeadlinePollInterval;
            _logger.LogError(e, "Moving {AlertId} on failed; trying again in {PollInterval}", alert.Id, _options.DeadlinePollInterval);
        }
    }

    private async Task WaitAsync(DateTime nextLook, CancellationToken stoppingToken)
    {
        Interlocked.Exchange(ref _nextLookTicks, nextLook.Ticks);
        var delay = nextLook - _clock.UtcNow;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        using var timeUp = new CancellationTokenSource(delay, _clock.Provider);
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
