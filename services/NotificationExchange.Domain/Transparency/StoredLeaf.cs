using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Transparency;

/// <summary>
/// A log entry with its commitment as stored (null salt and commitment: not committed yet, as entries recorded with
/// the transparency log off, before the next start commits them).
/// </summary>
public sealed record StoredLeaf(LogEntry Entry, byte[]? Salt, byte[]? Commitment)
{
    public long Sequence => Entry.Sequence;
}
