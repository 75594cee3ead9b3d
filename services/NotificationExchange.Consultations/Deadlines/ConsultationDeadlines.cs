using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Consultations.Deadlines;

/// <summary>
/// Fires consultations' acknowledgement deadlines: each counterpart that has not acknowledged by the deadline is
/// escalated (<see cref="ConsultationEscalation"/>) in an event every party receives, naming the counterpart's backup
/// and 24/7 contact points.
/// </summary>
/// <remarks>
/// Its time is the <see cref="DeadlineClock"/>'s, for reading the time and for waiting. At start it escalates whatever
/// is already due, so a deadline that passed while every instance was down fires at the next start. Then it waits
/// until the earliest pending deadline or the poll interval, whichever comes first, escalates what is due, and repeats.
/// A consultation committed on this instance with a deadline before the next look wakes it at once (it listens to the
/// committed events); another instance's is found by the next poll. Every instance runs this, and a deadline still fires
/// once: the escalation reads the consultation again in the write, under the store's write lock, and the second
/// instance to get there finds it escalated.
/// </remarks>
public sealed class ConsultationDeadlines : BackgroundService, ICommittedEventListener
{
    // Due consultations read at a time; the next ones are read as soon as these are done.
    private const int BatchSize = 100;

    // Set when a deadline before the next look is committed here; one pending signal is as good as many.
    private readonly Channel<bool> _earlier = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // Consultations whose escalation failed (unreadable, not renderable, a store error) and when to try them again:
    // after a poll interval, not in every pass. Touched by the service's own loop only.
    private readonly Dictionary<string, DateTime> _failed = [];

    private readonly IConsultationLog _log;
    private readonly ILogWriter _writer;
    private readonly IOperatorDirectory _directory;
    private readonly ConsultationEscalation _escalation;
    private readonly IEventRenderer _renderer;
    private readonly DeadlineClock _clock;
    private readonly ConsultationDeadlineOptions _options;
    private readonly ExchangeMetrics _metrics;
    private readonly ILogger<ConsultationDeadlines> _logger;

    // The next look's time in ticks; DateTime.MaxValue while a pass reads and escalates, so that any deadline committed
    // meanwhile (which the pass's read may have missed) wakes the wait that follows.
    private long _nextLookTicks = DateTime.MaxValue.Ticks;

    public ConsultationDeadlines(
        IConsultationLog log,
        ILogWriter writer,
        IOperatorDirectory directory,
        ConsultationEscalation escalation,
        IEventRenderer renderer,
        CommittedEvents committed,
        DeadlineClock clock,
        IOptions<ConsultationDeadlineOptions> options,
        ExchangeMetrics metrics,
        ILogger<ConsultationDeadlines> logger)
    {
        _options = options.Value;
        _log = log;
        _writer = writer;
        _directory = directory;
        _escalation = escalation;
        _renderer = renderer;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
        committed.Subscribe(this);
    }

    public void OnCommitted(IReadOnlyList<LogEntry> events)
    {
        // On the log writer's thread: decide at once, never wait.
        var nextLook = Interlocked.Read(ref _nextLookTicks);
        foreach (var entry in events)
        {
            if (entry is ConsultationRecorded { Consultation.PendingDeadline: { } deadline } && deadline.Ticks < nextLook)
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
                nextLook = await EscalateDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                nextLook = _clock.UtcNow + _options.DeadlinePollInterval;
                _logger.LogError(e, "Reading the pending consultation deadlines failed; trying again in {PollInterval}", _options.DeadlinePollInterval);
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

    /// <summary>Escalates every consultation due now; returns when to look next.</summary>
    private async Task<DateTime> EscalateDueAsync(CancellationToken cancellationToken)
    {
        // Each consultation is tried once a pass: one the store still lists as due after its escalation (it escalated
        // nothing) waits for the next pass instead of holding this one in a loop.
        var attempted = new HashSet<string>();
        while (true)
        {
            // A deadline committed before this point is in the read below (listeners are told after the commit); one
            // committed after it may not be, and wakes the next wait instead.
            Interlocked.Exchange(ref _nextLookTicks, DateTime.MaxValue.Ticks);
            while (_earlier.Reader.TryRead(out _))
            {
            }
            var now = _clock.UtcNow;
            var limit = BatchSize + attempted.Count + _failed.Count;
            var due = await _log.GetDueDeadlinesAsync(now, limit, cancellationToken);
            var fresh = due.ConsultationIds
                .Where(id => !attempted.Contains(id) && !(_failed.TryGetValue(id, out var retryAt) && retryAt > now))
                .ToArray();
            foreach (var consultationId in fresh)
            {
                attempted.Add(consultationId);
                await EscalateAsync(consultationId, cancellationToken);
            }
            if (fresh.Length > 0 && due.ConsultationIds.Count == limit)
            {
                continue; // more may be due than one read gave
            }
            if (due.ConsultationIds.Count < limit)
            {
                // Every due consultation was read: failures no longer due (answered, withdrawn, escalated elsewhere) are over.
                foreach (var gone in _failed.Keys.Except(due.ConsultationIds).ToArray())
                {
                    _failed.Remove(gone);
                }
            }
            // From the time of the read, not of now: had the clock passed the next look meanwhile, the wait ends at once.
            var poll = now + _options.DeadlinePollInterval;
            return due.NextDeadline is { } deadline && deadline < poll ? deadline : poll;
        }
    }

    /// <summary>Escalates what is due of one consultation; a failure is logged and tried again after a poll interval.</summary>
    private async Task EscalateAsync(string consultationId, CancellationToken cancellationToken)
    {
        try
        {
            // Contact points are read before the write, which runs on the writer's thread and cannot wait on the
            // directory. The write escalates counterparts still awaiting acknowledgement, and none ever returns to that
            // state: it escalates some of those read here, never another.
            var read = ConsultationAccess.Readable(await _log.GetConsultationAsync(consultationId, cancellationToken));
            if (read is null)
            {
                return;
            }
            var contacts = new Dictionary<string, IReadOnlyList<ContactPoint>>();
            foreach (var counterpart in read.Consultation.Counterparts.Where(c => c.AwaitsAcknowledgement && c.EscalatedAt is null))
            {
                var account = await _directory.GetAsync(counterpart.OrganizationId, cancellationToken);
                contacts[counterpart.OrganizationId] = ConsultationEscalation.ContactsFor(account?.Profile);
            }
            var escalated = await _writer.WriteAsync(session =>
            {
                var recorded = _escalation.Escalate(session, consultationId, organization => contacts[organization]);
                foreach (var escalation in recorded)
                {
                    // Rendered before the commit, as every change is: an escalation that cannot be served to the parties
                    // fails its write, is never stored, and is logged and tried again below.
                    _renderer.Render(escalation);
                    ConsultationWebhooks.Queue(session, escalation, _renderer);
                }
                return recorded;
            }, cancellationToken);
            foreach (var escalation in escalated)
            {
                _metrics.Escalated(escalation);
                _logger.LogInformation(
                    "Escalated {ConsultationId} ({Urgency}): {Organization} had not acknowledged by {Deadline:O}; the parties are told, naming its {Contacts}",
                    consultationId, escalation.Consultation.Urgency, escalation.Change.EscalatedOrganization, escalation.Consultation.AcknowledgeBy,
                    escalation.Change.Contacts.Count == 0 ? "(no contact points)" : string.Join(", ", escalation.Change.Contacts.Select(c => c.Role)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _failed[consultationId] = _clock.UtcNow + _options.DeadlinePollInterval;
            _logger.LogError(e, "Escalating {ConsultationId} failed; trying again in {PollInterval}", consultationId, _options.DeadlinePollInterval);
        }
    }

    /// <summary>Waits on the deadline clock until <paramref name="nextLook"/>, or until a deadline before it is committed here.</summary>
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
