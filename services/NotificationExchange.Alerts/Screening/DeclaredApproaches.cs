using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// The approaches proximity-operation notices declare: an open notice whose chaser and target are the two objects and
/// whose operations window holds the time. Such an approach is announced: never an alert, never unannounced.
/// </summary>
public static class DeclaredApproaches
{
    /// <summary>Whether a notice involving <paramref name="noradCatId"/> (as chaser or target) declares a pair's approach at a time.</summary>
    public static async Task<Func<int, int, DateTime, bool>> ForAsync(
        INotificationLog log, int noradCatId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var declared = new List<ProximityOperationNotice>();
        long? before = null;
        do
        {
            var page = await log.QueryAsync(new NotificationQuery(
                [NotificationKind.ProximityOperation], noradCatId, null, [NotificationStatus.Filed, NotificationStatus.Amended],
                from, to, 500, before, ReaderId: null) { ForTheExchange = true }, cancellationToken);
            declared.AddRange(page.Notifications.Select(n => n.Content).OfType<ProximityOperationNotice>());
            before = page.NextBeforeFirstSequence;
        }
        while (before is not null);
        return (a, b, time) => declared.Any(rpo =>
            rpo.Chaser is { } chaser && rpo.Target is { } target && rpo.OperationsWindow is { Start: { } start, End: { } end }
            && start <= time && time <= end
            && ((chaser.NoradCatId == a && target.NoradCatId == b) || (chaser.NoradCatId == b && target.NoradCatId == a)));
    }
}
