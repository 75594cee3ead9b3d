using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Deadlines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Consultations.Deadlines;

/// <summary>
/// Fires consultations' acknowledgement deadlines: each counterpart that has not acknowledged by the deadline is
/// escalated (<see cref="ConsultationEscalation"/>) in an event every party receives, naming the counterpart's backup
/// and 24/7 contact points. How and when deadlines are looked for is <see cref="DeadlineService{TDue}"/>'s.
/// </summary>
public sealed class ConsultationDeadlines : DeadlineService<string>
{
    private readonly IConsultationLog _log;
    private readonly ILogWriter _writer;
    private readonly IOperatorDirectory _directory;
    private readonly ConsultationEscalation _escalation;
    private readonly IEventRenderer _renderer;
    private readonly ExchangeMetrics _metrics;
    private readonly ILogger<ConsultationDeadlines> _logger;

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
        : base(committed, clock, options.Value.DeadlinePollInterval, logger)
    {
        _log = log;
        _writer = writer;
        _directory = directory;
        _escalation = escalation;
        _renderer = renderer;
        _metrics = metrics;
        _logger = logger;
    }

    protected override string Subject => "consultation";

    protected override DateTime? DueOf(LogEntry entry) => (entry as ConsultationRecorded)?.Consultation.PendingDeadline;

    protected override async Task<(IReadOnlyList<string> Due, DateTime? Next)> ReadDueAsync(DateTime now, int maxCount, CancellationToken cancellationToken)
    {
        var due = await _log.GetDueDeadlinesAsync(now, maxCount, cancellationToken);
        return (due.ConsultationIds, due.NextDeadline);
    }

    protected override string KeyOf(string due) => due;

    /// <summary>Escalates what is due of one consultation.</summary>
    protected override async Task HandleAsync(string consultationId, CancellationToken cancellationToken)
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
                // fails its write, is never stored, and is tried again after a poll interval.
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
}
