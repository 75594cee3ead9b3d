using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// Screens one version of a notification: what its notice says its objects will do, against every other object, over
/// the activity window through <see cref="ScreeningOptions.DaysAfterActivity"/> days after it. The result is recorded,
/// with the alerts it raises, updates or withdraws, in one write (<see cref="Record"/>).
/// </summary>
public sealed class NotificationScreener(ScreeningUniverse universe, INotificationLog log, IOptionsMonitor<ScreeningOptions> options, TimeProvider clock)
{
    /// <summary>What the screen of one version found; <see cref="Candidates"/> empty when not screened.</summary>
    public sealed record Outcome(Notification Notification, ScreeningStatus Status, IReadOnlyList<AlertCandidate> Candidates, bool WithdrawAll);

    public async Task<Outcome> ScreenAsync(Notification notification, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (notification.Status is NotificationStatus.Cancelled or NotificationStatus.Completed)
        {
            return new Outcome(notification, new ScreeningStatus(ScreeningState.NotApplicable,
                [$"the notification is {notification.Status.ToString().ToUpperInvariant()}: its alerts are withdrawn"], now), [], true);
        }
        var settings = options.CurrentValue;
        var objects = await universe.ObjectsAsync(cancellationToken);
        var ephemeris = notification.Attachments.FirstOrDefault(a => a.Role == AttachmentRole.PlannedEphemeris) is { } kept
            ? await log.GetAttachmentContentAsync(notification.Id, kept.Sha256, cancellationToken)
            : null;
        var (subjects, reasons) = NoticeSubjects.For(notification, n => objects.GetValueOrDefault(n), settings, ephemeris);
        if (subjects.Count == 0)
        {
            return new Outcome(notification, new ScreeningStatus(ScreeningState.NotScreenable, reasons.Count > 0 ? reasons : ["the notice does not say where its object will be"], now), [], true);
        }
        var notes = new List<string>(reasons);
        var candidates = new List<AlertCandidate>();
        var maxAge = TimeSpan.FromDays(settings.MaxElementSetAgeDays);
        var screenedCount = 0;
        DateTime? spanStart = null, spanEnd = null;
        foreach (var subject in subjects)
        {
            var start = subject.SpanStart < now ? now : subject.SpanStart;
            if (start >= subject.SpanEnd)
            {
                notes.Add($"{Describe(subject)}: its span ended before the screen");
                continue;
            }
            if (subject.SpanEnd - subject.Object.DataEpoch > maxAge)
            {
                notes.Add($"{Describe(subject)}: its orbit data (epoch {subject.Object.DataEpoch:yyyy-MM-dd HH:mm}Z) is older than {settings.MaxElementSetAgeDays:0.#} days at the end of the span; not screened");
                continue;
            }
            // Screens share the window of the hour they run in, prepared once, when their spans fit in it; a span that
            // reaches further gets a window of its own. Secondaries too old for this subject's span are left out by
            // ConjunctionAlerts, against the span's end, not the window's.
            var window = now.Date.AddHours(now.Hour);
            var windowEnd = window.AddDays(settings.SharedWindowDays);
            var prepared = subject.SpanEnd <= windowEnd && start >= window
                ? universe.Prepared(objects, window, windowEnd, shared: true)
                : universe.Prepared(objects, start, subject.SpanEnd, shared: false);
            var stale = objects.Values.Count(o => o.NoradCatId != subject.Object.NoradCatId && subject.SpanEnd - o.DataEpoch > maxAge);
            if (stale > 0)
            {
                notes.Add($"{Describe(subject)}: {stale} objects left out, their element sets older than {settings.MaxElementSetAgeDays:0.#} days at the end of the span");
            }
            var catalog = prepared.Catalog;
            var declared = await DeclaredApproaches.ForAsync(
                log, subject.Object.NoradCatId, start, subject.SpanEnd, n => objects.GetValueOrDefault(n)?.OperatorId, cancellationToken);
            candidates.AddRange(ConjunctionAlerts.Find(subject with { SpanStart = start }, catalog, objects, declared, maxAge));
            screenedCount = Math.Max(screenedCount, objects.Count - 1 - stale);
            spanStart = spanStart is { } s0 && s0 < start ? s0 : start;
            spanEnd = spanEnd is { } e0 && e0 > subject.SpanEnd ? e0 : subject.SpanEnd;
        }
        if (spanStart is null)
        {
            return new Outcome(notification, new ScreeningStatus(ScreeningState.NotScreenable, notes, now), [], true);
        }
        return new Outcome(notification, new ScreeningStatus(ScreeningState.Screened, notes, now, spanStart, spanEnd, screenedCount), candidates, false);
    }

    /// <summary>Records a screen and its alerts, in the caller's write; returns the alert events it appended.</summary>
    public static IReadOnlyList<AlertRecorded> Record(ILogWriteSession session, IEventRenderer renderer, Outcome outcome, DateTime now)
    {
        var notification = outcome.Notification;
        var previous = session.OpenAlertsOfNotification(notification.Id);
        var appended = new List<AlertRecorded>();
        void Append(AlertRecorded recorded)
        {
            renderer.Render(recorded);
            session.Append(recorded);
            appended.Add(recorded);
        }
        IReadOnlyList<string> ids = [];
        if (outcome.WithdrawAll)
        {
            foreach (var alert in previous)
            {
                Append(AlertReconciliation.Withdrawal(session, alert, now));
            }
        }
        else
        {
            ids = AlertReconciliation.Apply(session, Append, previous, outcome.Candidates, notification.Id, notification.Version, notification.FilingOperator, notification.InForce, now);
        }
        session.SaveScreening(notification.Id, notification.Version, outcome.Status with { AlertIds = ids });
        return appended;
    }

    private static string Describe(ScreenSubject subject) =>
        subject.Object.NoradCatId >= NoticeSubjects.UncataloguedBase ? subject.Object.Name ?? "an object" : $"object {subject.Object.NoradCatId}";
}
