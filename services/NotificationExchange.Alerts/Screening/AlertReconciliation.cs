using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// Turns what a screen found into alert events, inside the write that records the screen. Each candidate is matched to
/// the open alert of the same encounter (<see cref="AlertIdentity"/>): unchanged, it sends nothing; changed, it is
/// UPDATED (responses kept); unmatched, it is RAISED. Open alerts of the same source the screen no longer finds are
/// WITHDRAWN. Returns the ids of the open alerts the screen stands behind.
/// </summary>
public static class AlertReconciliation
{
    // record appends an alert event to the log (rendering it before the commit); previous are the open alerts this
    // source raised before (the notification's, or the primary's standing ones); notificationId is null for standing
    // screening; noticeAudience is the screened version's audience in force (null for standing screening), which decides
    // whether each alert may carry the notice (NoticeDisclosure).
    public static IReadOnlyList<string> Apply(
        ILogWriteSession session, Action<AlertRecorded> record, IReadOnlyList<Alert> previous, IReadOnlyList<AlertCandidate> candidates,
        string? notificationId, int? notificationVersion, string? notificationFiler, EventAudience? noticeAudience, DateTime now)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var standing = new List<string>();
        foreach (var candidate in candidates)
        {
            var a = candidate.Primary.Object.NoradCatId;
            var b = candidate.Secondary.Object.NoradCatId;
            var match = previous.FirstOrDefault(p => !kept.Contains(p.Id) && SameSubject(p, candidate) && Same(p, candidate))
                ?? (a == 0 ? null : session.OpenAlertsOfPair(a, b).FirstOrDefault(p => !kept.Contains(p.Id) && Same(p, candidate)));
            if (match is not null && notificationId is null && (match.NotificationId is not null || match.Primary.Object.NoradCatId != a))
            {
                // A notification's screen describes this encounter with the planned trajectory, and the other object's
                // standing screen already describes it from its side: standing screening leaves such alerts alone.
                kept.Add(match.Id);
                continue;
            }
            if (match is null)
            {
                var id = AlertIds.ForSequence(session.NextSequence);
                var raised = Build(candidate, id, 1, now, now, null, notificationId, notificationVersion, notificationFiler, noticeAudience);
                record(new AlertRecorded(session.NextSequence, AlertEventType.Raised, now, new AlertChange(raised, null)));
                standing.Add(id);
                continue;
            }
            kept.Add(match.Id);
            standing.Add(match.Id);
            var seenAgain = Build(candidate, match.Id, match.Version + 1, match.RaisedAt, now, match, notificationId ?? match.NotificationId,
                notificationId is null ? match.NotificationVersion : notificationVersion, notificationFiler ?? match.NotificationFiler,
                notificationId is null ? null : noticeAudience);
            if (!AlertIdentity.Unchanged(match, seenAgain))
            {
                record(new AlertRecorded(session.NextSequence, AlertEventType.Updated, now, new AlertChange(seenAgain, null)));
            }
        }
        foreach (var gone in previous.Where(p => !kept.Contains(p.Id)))
        {
            record(Withdrawal(session, gone, now));
        }
        return standing;
    }

    public static AlertRecorded Withdrawal(ILogWriteSession session, Alert alert, DateTime now) =>
        new(session.NextSequence, AlertEventType.Withdrawn, now,
            new AlertChange(alert with { Version = alert.Version + 1, State = AlertState.Withdrawn, UpdatedAt = now }, null));

    /// <summary>
    /// The same encounter: the pair's TCAs close together, or, for a deliberate approach, the intervals it stays within
    /// reach overlapping (its closest point moves as the screened span moves on; the stay is the same).
    /// </summary>
    private static bool Same(Alert alert, AlertCandidate candidate)
    {
        var (a, b) = (candidate.Primary.Object.NoradCatId, candidate.Secondary.Object.NoradCatId);
        return AlertIdentity.SameEncounter(alert, a, b, candidate.Tca)
            || (AlertIdentity.SamePair(alert, a, b) && alert.Unannounced is { } before && candidate.Unannounced is { } now
                && before.WithinDistanceFrom <= now.WithinDistanceTo && now.WithinDistanceFrom <= before.WithinDistanceTo);
    }

    // A launch's payloads share catalogue number 0 until catalogued: their names tell them apart.
    private static bool SameSubject(Alert alert, AlertCandidate candidate) =>
        alert.Primary.Object.NoradCatId != 0 || alert.Primary.Object.Name == candidate.Primary.Object.Name;

    private static Alert Build(
        AlertCandidate c, string id, int version, DateTime raisedAt, DateTime now, Alert? before,
        string? notificationId, int? notificationVersion, string? filer, EventAudience? noticeAudience) => NoticeDisclosure.Applied(new(
        id, version, AlertState.Open,
        c.Primary with { Response = Response(c.Primary, before, raisedAt, c.Tca) },
        c.Secondary with { Response = Response(c.Secondary, before, raisedAt, c.Tca) },
        c.Tca, c.MissDistanceM, c.RelativePositionM, c.RelativeSpeedMps, c.Volume,
        notificationId, notificationVersion, filer, c.Probability, c.Unannounced,
        before?.IntentConflict ?? IntentConflict.None, c.Regime, raisedAt, now), noticeAudience);

    /// <summary>An operator's response: kept from the alert as it was (same operator), else a new deadline.</summary>
    private static AlertResponse? Response(AlertObject side, Alert? before, DateTime raisedAt, DateTime tca)
    {
        if (side.OperatorId is null)
        {
            return null;
        }
        var earlier = before?.ObjectsOf(side.OperatorId).FirstOrDefault(o => o.Object.NoradCatId == side.Object.NoradCatId)?.Response;
        return earlier ?? new AlertResponse(AcknowledgementDeadline.For(raisedAt, tca));
    }
}
