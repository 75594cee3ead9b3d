using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// The approaches proximity-operation notices declare: an open notice whose chaser and target are the two objects and
/// whose operations window holds the time, and whose audience in force admits the target's operator
/// (<see cref="NoticeDisclosure.Declares"/>). Such an approach is announced: never an alert, never unannounced. A notice
/// the target's operator may not read announces nothing to it: the approach is screened like any other.
/// </summary>
public static class DeclaredApproaches
{
    /// <summary>
    /// Whether a notice involving <paramref name="noradCatId"/> (as chaser or target) declares a pair's approach at a
    /// time; <paramref name="operatorOf"/> gives an object's operator as the screening knows it (null: none).
    /// </summary>
    public static async Task<Func<int, int, DateTime, bool>> ForAsync(
        INotificationLog log, int noradCatId, DateTime from, DateTime to, Func<int, string?> operatorOf, CancellationToken cancellationToken)
    {
        var declared = new List<ProximityOperationNotice>();
        long? before = null;
        do
        {
            var page = await log.QueryAsync(new NotificationQuery(
                [NotificationKind.ProximityOperation], noradCatId, null, [NotificationStatus.Filed, NotificationStatus.Amended],
                from, to, 500, before, ReaderId: null) { ForTheExchange = true }, cancellationToken);
            declared.AddRange(page.Notifications
                .Where(n => n.Content is ProximityOperationNotice { Target: { } target } && NoticeDisclosure.Declares(n.InForce, operatorOf(target.NoradCatId)))
                .Select(n => (ProximityOperationNotice)n.Content));
            before = page.NextBeforeFirstSequence;
        }
        while (before is not null);
        return (a, b, time) => declared.Any(rpo =>
            rpo.Chaser is { } chaser && rpo.Target is { } target && rpo.OperationsWindow is { Start: { } start, End: { } end }
            && start <= time && time <= end
            && ((chaser.NoradCatId == a && target.NoradCatId == b) || (chaser.NoradCatId == b && target.NoradCatId == a)));
    }
}
