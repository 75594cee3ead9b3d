using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Deadlines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Filing.Embargoes;

/// <summary>
/// Releases notifications' embargoes when they end: an EMBARGO_RELEASED version whose entry has the notification's own
/// audience, so that every subscriber it admits receives it then, once (<see cref="NotificationLifecycle.ReleaseEmbargo"/>,
/// decided in the write: of several instances the first writes it). How and when ends are looked for is
/// <see cref="DeadlineService{TDue}"/>'s, on the <see cref="DeadlineClock"/>: an embargo that ended while every
/// instance was down is released at the next start.
/// </summary>
public sealed class EmbargoReleases : DeadlineService<string>
{
    private readonly INotificationLog _log;
    private readonly ILogWriter _writer;
    private readonly NotificationLifecycle _lifecycle;
    private readonly IEventRenderer _renderer;
    private readonly ExchangeMetrics _metrics;
    private readonly ILogger<EmbargoReleases> _logger;

    public EmbargoReleases(
        INotificationLog log,
        ILogWriter writer,
        NotificationLifecycle lifecycle,
        IEventRenderer renderer,
        CommittedEvents committed,
        DeadlineClock clock,
        IOptions<EmbargoReleaseOptions> options,
        ExchangeMetrics metrics,
        ILogger<EmbargoReleases> logger)
        : base(committed, clock, options.Value.PollInterval, logger)
    {
        _log = log;
        _writer = writer;
        _lifecycle = lifecycle;
        _renderer = renderer;
        _metrics = metrics;
        _logger = logger;
    }

    protected override string Subject => "embargo";

    protected override DateTime? DueOf(LogEntry entry) => (entry as RecordedEvent)?.Notification.Embargo?.Until;

    protected override async Task<(IReadOnlyList<string> Due, DateTime? Next)> ReadDueAsync(DateTime now, int maxCount, CancellationToken cancellationToken)
    {
        var due = await _log.GetDueEmbargoesAsync(now, maxCount, cancellationToken);
        return (due.NotificationIds, due.NextEnd);
    }

    protected override string KeyOf(string due) => due;

    protected override async Task HandleAsync(string notificationId, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow;
        DateTime? ended = null;
        var released = await _writer.WriteAsync(session =>
        {
            ended = session.GetLatest(notificationId)?.Notification.Embargo?.Until;
            var recorded = _lifecycle.ReleaseEmbargo(session, notificationId, now);
            if (recorded is not null)
            {
                // Rendered before the commit, as every change is: a release that cannot be served is not stored, and
                // is tried again after a poll interval.
                _renderer.Render(recorded);
            }
            return recorded;
        }, cancellationToken);
        if (released is null)
        {
            return; // another instance released it first
        }
        _metrics.EmbargoReleased(now - (ended ?? now));
        _logger.LogInformation("Released the embargo of {NotificationId} (version {Version}): its audience is now {Audience}",
            notificationId, released.Notification.Version, released.Audience);
    }
}
