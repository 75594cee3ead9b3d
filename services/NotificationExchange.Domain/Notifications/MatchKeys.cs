using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// What subscriptions are matched against. It accumulates over a notification's versions, so that every subscriber
/// who received one event of a notification also receives its later amendments, cancellation and execution report.
/// </summary>
public sealed record MatchKeys(
    NotificationKind Kind, string FilingOperator, IReadOnlyList<int> NoradCatIds, IReadOnlyList<OrbitalRegime> Regimes)
{
    public static MatchKeys For(Notification notification, MatchKeys? previous) => new(
        notification.Kind,
        notification.FilingOperator,
        (previous?.NoradCatIds ?? []).Union(notification.ConcernedObjects()).Order().ToArray(),
        (previous?.Regimes ?? []).Union(notification.Regimes).Order().ToArray());
}
