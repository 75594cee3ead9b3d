using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// What a reader may have of a consultation's latest entry, as the store gives it (readable or not). The audience is
/// checked before anything else, readable or not: to an organisation that is not a party a consultation does not
/// exist, even when its snapshot cannot be read (NOT_FOUND, in the words used for an id never issued; DATA_LOSS, which
/// names its version and why, only to the parties).
/// </summary>
public static class ConsultationAccess
{
    /// <summary>The consultation for <paramref name="readerId"/>: NOT_FOUND unless a party; DATA_LOSS when unreadable.</summary>
    public static ConsultationRecorded Admitted(LogEntry? latest, string readerId, string consultationId) =>
        latest is not null && latest.Audience.Admits(readerId)
            ? Readable(latest)!
            : throw ExchangeRuleException.NotFound($"consultation {consultationId}");

    /// <summary>For the exchange's own work (deadlines, its own writes): null when none; DATA_LOSS when unreadable.</summary>
    public static ConsultationRecorded? Readable(LogEntry? latest) => latest switch
    {
        null => null,
        ConsultationRecorded recorded => recorded,
        { IsReadable: false } unreadable => throw ExchangeRuleException.Unreadable(unreadable),
        var other => throw new InvalidOperationException($"unexpected log entry {other.GetType().Name} for a consultation"),
    };
}
