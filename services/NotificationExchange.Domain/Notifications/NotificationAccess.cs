using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// What a reader may have of a notification, by the audience of its latest entry (the audience in force now: an
/// audience only widens, so it admits whoever any earlier version admitted). The audience is checked before anything
/// else, readable or not: to a caller it does not admit the notification does not exist (NOT_FOUND in the words used
/// for an id never issued; DATA_LOSS, which names its version and why, only to those it admits).
/// </summary>
public static class NotificationAccess
{
    /// <summary>Whether <paramref name="readerId"/> (null: a caller without credentials) may see the notification at all.</summary>
    public static bool Admits(LogEntry? latest, string? readerId) => latest is not null && latest.Audience.Admits(readerId);

    /// <summary>The latest version for <paramref name="readerId"/>: NOT_FOUND unless admitted; DATA_LOSS when unreadable.</summary>
    public static RecordedEvent Admitted(LogEntry? latest, string? readerId, string notificationId) =>
        Admits(latest, readerId)
            ? latest switch
            {
                RecordedEvent recorded => recorded,
                { IsReadable: false } unreadable => throw ExchangeRuleException.Unreadable(unreadable),
                var other => throw new InvalidOperationException($"unexpected log entry {other!.GetType().Name} for a notification"),
            }
            : throw ExchangeRuleException.NotFound($"notification {notificationId}");
}
