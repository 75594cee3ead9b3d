using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// Screens every notification event of the log once across all instances, in log order: it follows the log by a
/// stored cursor (<see cref="CursorName"/>) that it leases, so that one instance screens at a time and another takes
/// over when its lease lapses (a crash), and it moves the cursor in the same write that records the screen and its
/// alerts. A crash between the screen and that write loses nothing: the next holder screens the event again. On the
/// in-memory bus a published message is gone once consumed; the log is not, which is why the worker reads the log.
/// </summary>
/// <remarks>
/// A screen that fails (its notice's data makes SGP4 fail, an alert that cannot be rendered) is recorded as FAILED with
/// the reason, and the cursor moves on: one poison event never holds the others back. It wakes at once for
/// notifications committed on this instance, and polls for those committed on others.
/// </remarks>
public sealed class ScreeningWorker : BackgroundService, ICommittedEventListener
{
    public const string CursorName = "screening";
    private const int BatchSize = 16;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly INotificationLog _log;
    private readonly IAlertStore _store;
    private readonly ILogWriter _writer;
    private readonly NotificationScreener _screener;
    private readonly IEventRenderer _renderer;
    private readonly IOptionsMonitor<ScreeningOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ExchangeInstance _instance;
    private readonly ExchangeMetrics _metrics;
    private readonly ILogger<ScreeningWorker> _logger;

    public ScreeningWorker(
        INotificationLog log, IAlertStore store, ILogWriter writer, NotificationScreener screener, IEventRenderer renderer, CommittedEvents committed,
        IOptionsMonitor<ScreeningOptions> options, TimeProvider clock, ExchangeInstance instance, ExchangeMetrics metrics, ILogger<ScreeningWorker> logger)
    {
        _log = log;
        _store = store;
        _writer = writer;
        _screener = screener;
        _renderer = renderer;
        _options = options;
        _clock = clock;
        _instance = instance;
        _metrics = metrics;
        _logger = logger;
        committed.Subscribe(this);
    }

    public void OnCommitted(IReadOnlyList<LogEntry> events)
    {
        if (events.Any(e => e is RecordedEvent))
        {
            _wake.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await ScreenNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Screening the log failed; trying again");
            }
            if (!busy)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>Screens the next batch after the cursor, if this instance holds (or takes) its lease; true when it screened something.</summary>
    private async Task<bool> ScreenNextAsync(CancellationToken cancellationToken)
    {
        // Reads first: an idle worker looks without writing (a lease is a write, and every instance looks every poll).
        var (stored, _) = await _store.GetCursorAsync(CursorName, cancellationToken);
        if (stored >= await _log.GetHeadSequenceAsync(cancellationToken))
        {
            return false;
        }
        var position = await LeaseAsync(cancellationToken);
        if (position is not { } after)
        {
            return false;
        }
        var entries = await _log.ReadAfterAsync(after, BatchSize, cancellationToken);
        var index = 0;
        while (index < entries.Count)
        {
            // A run of entries that are no notification's (consultations, alerts, ...) is passed in one move; a
            // notification's event is screened and moved past with its screen's record.
            var run = index;
            while (run < entries.Count && entries[run] is not RecordedEvent)
            {
                run++;
            }
            var entry = entries[run < entries.Count ? run : run - 1];
            Func<ILogWriteSession, IReadOnlyList<AlertRecorded>> record = _ => [];
            if (entry is RecordedEvent recorded)
            {
                record = await ScreenAsync(recorded, cancellationToken);
            }
            var from = after;
            try
            {
                await _writer.WriteAsync(session =>
                {
                    if (!session.MoveCursor(CursorName, _instance.Id, from, entry.Sequence, _clock.GetUtcNow().UtcDateTime))
                    {
                        throw new LeaseLostException();
                    }
                    return record(session);
                }, cancellationToken);
            }
            catch (LeaseLostException)
            {
                _logger.LogInformation("Another instance took over screening at sequence {Sequence}", entry.Sequence);
                return false;
            }
            catch (Exception e) when (e is not OperationCanceledException && entry is RecordedEvent poisoned)
            {
                // The recording write failed and left no trace (an alert that cannot be rendered, an open alert that
                // cannot be read back): the screen is recorded as FAILED with the reason, in a write of its own, and
                // the cursor moves on. One poison event never holds the log back.
                _logger.LogWarning("Recording the screen of {NotificationId} version {Version} failed: {Reason}",
                    poisoned.Notification.Id, poisoned.Notification.Version, e.Message);
                var failed = new ScreeningStatus(ScreeningState.Failed, [$"its screen could not be recorded: {e.Message}"], _clock.GetUtcNow().UtcDateTime);
                var moved = await _writer.WriteAsync(session =>
                {
                    if (!session.MoveCursor(CursorName, _instance.Id, from, entry.Sequence, _clock.GetUtcNow().UtcDateTime))
                    {
                        return false;
                    }
                    session.SaveScreening(poisoned.Notification.Id, poisoned.Notification.Version, failed);
                    return true;
                }, cancellationToken);
                if (!moved)
                {
                    return false;
                }
            }
            after = entry.Sequence;
            index = run + 1;
        }
        return true;
    }

    /// <summary>The screen of one notification event, as the work that records it.</summary>
    private async Task<Func<ILogWriteSession, IReadOnlyList<AlertRecorded>>> ScreenAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        var notification = recorded.Notification;
        // Only the latest version is screened: an older one's screen would be replaced at once by the newer one's.
        var latest = await _log.GetLatestAsync(notification.Id, cancellationToken);
        if (latest is not null && latest.Notification.Version > notification.Version)
        {
            return session =>
            {
                session.SaveScreening(notification.Id, notification.Version,
                    new ScreeningStatus(ScreeningState.NotApplicable, [$"superseded by version {latest.Notification.Version} before it was screened"], _clock.GetUtcNow().UtcDateTime));
                return [];
            };
        }
        var started = _clock.GetTimestamp();
        NotificationScreener.Outcome outcome;
        try
        {
            outcome = await Task.Run(() => _screener.ScreenAsync(notification, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is InvalidOperationException or ArgumentException or FormatException)
            {
                // The orbit engine refusing what the notice says (an orbit it cannot propagate to the ignition, a burn
                // whose orbit it cannot fit): the notice's data, recorded as the reason, not a fault of the exchange.
                _logger.LogWarning("Screening {NotificationId} version {Version} failed: {Reason}", notification.Id, notification.Version, e.Message);
            }
            else
            {
                _logger.LogError(e, "Screening {NotificationId} version {Version} failed", notification.Id, notification.Version);
            }
            var failed = new ScreeningStatus(ScreeningState.Failed, [$"the screen failed: {e.Message}"], _clock.GetUtcNow().UtcDateTime);
            return session =>
            {
                session.SaveScreening(notification.Id, notification.Version, failed);
                return [];
            };
        }
        _metrics.Screened(notification.Kind, outcome.Status.State, _clock.GetElapsedTime(started));
        // An alert that cannot be rendered throws out of the write, which then leaves no trace (no half-recorded screen);
        // ScreenNextAsync records the screen as FAILED instead.
        return session => NotificationScreener.Record(session, _renderer, outcome, _clock.GetUtcNow().UtcDateTime);
    }

    private Task<long?> LeaseAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _writer.WriteAsync(session => session.LeaseCursor(CursorName, _instance.Id, now, now.AddSeconds(_options.CurrentValue.LeaseSeconds)), cancellationToken);
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var timeUp = new CancellationTokenSource(TimeSpan.FromSeconds(_options.CurrentValue.PollSeconds), _clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeUp.Token);
        try
        {
            await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // the poll interval passed
        }
    }

    private sealed class LeaseLostException() : InvalidOperationException("the screening cursor's lease was lost");
}
