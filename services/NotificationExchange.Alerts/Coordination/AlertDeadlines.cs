using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Deadlines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// Moves open alerts on as time passes (<see cref="AlertEscalation"/>): escalates operators that did not acknowledge
/// by their deadline, naming their backup and 24/7 desks (and queueing those desks' webhooks), and closes alerts whose
/// TCA has passed. How and when due alerts are looked for is <see cref="DeadlineService{TDue}"/>'s, on the same
/// <see cref="DeadlineClock"/> as consultations' deadlines; each transition happens once (see <see cref="AlertEscalation"/>).
/// </summary>
public sealed class AlertDeadlines : DeadlineService<Alert>
{
    private readonly IAlertStore _store;
    private readonly ILogWriter _writer;
    private readonly IOperatorDirectory _directory;
    private readonly AlertEscalation _escalation;
    private readonly IEventRenderer _renderer;
    private readonly ILogger<AlertDeadlines> _logger;

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
        : base(committed, clock, options.Value.DeadlinePollInterval, logger)
    {
        _store = store;
        _writer = writer;
        _directory = directory;
        _escalation = escalation;
        _renderer = renderer;
        _logger = logger;
    }

    protected override string Subject => "alert";

    protected override DateTime? DueOf(LogEntry entry) => (entry as AlertRecorded)?.Alert.NextDue();

    protected override async Task<(IReadOnlyList<Alert> Due, DateTime? Next)> ReadDueAsync(DateTime now, int maxCount, CancellationToken cancellationToken) =>
        (await _store.DueAlertsAsync(now, maxCount, cancellationToken), await _store.NextAlertDueAsync(now, cancellationToken));

    protected override string KeyOf(Alert due) => due.Id;

    /// <summary>Escalates or closes one alert.</summary>
    protected override async Task HandleAsync(Alert alert, CancellationToken cancellationToken)
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
}
