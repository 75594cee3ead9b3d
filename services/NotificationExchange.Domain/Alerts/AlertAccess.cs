using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// What a reader may have of an alert's entry, as the store gives it (readable or not). The audience is checked before
/// anything else: to an organisation that is not a party an alert does not exist, even when its snapshot cannot be read
/// (NOT_FOUND, in the words used for an id never issued; DATA_LOSS, which names its version and why, only to parties).
/// </summary>
public static class AlertAccess
{
    /// <summary>The alert's entry for <paramref name="readerId"/>: NOT_FOUND unless a party; DATA_LOSS when unreadable.</summary>
    public static AlertRecorded Admitted(LogEntry? latest, string readerId, string alertId) =>
        Admits(latest, readerId) ? Readable(latest)! : throw ExchangeRuleException.NotFound($"alert {alertId}");

    /// <summary>Whether the alert exists for <paramref name="readerId"/>: it does only to its parties.</summary>
    public static bool Admits(LogEntry? latest, string readerId) => latest is not null && latest.Audience.Admits(readerId);

    /// <summary>For the exchange's own work: null when none; DATA_LOSS when unreadable.</summary>
    public static AlertRecorded? Readable(LogEntry? latest) => latest switch
    {
        null => null,
        AlertRecorded recorded => recorded,
        { IsReadable: false } unreadable => throw ExchangeRuleException.Unreadable(unreadable),
        var other => throw new InvalidOperationException($"unexpected log entry {other.GetType().Name} for an alert"),
    };
}
