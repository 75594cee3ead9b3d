using Google.Protobuf;
using NotificationExchange.Api.Services;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Api.Transparency;

/// <summary>
/// Commits an entry as streams carry it: its SubscriptionMessage (the one the write rendered, reused) serialised in
/// field-number order, with a fresh salt. An entry that cannot be rendered is committed as streams would carry it
/// (unreadable); its writer refuses the write anyway, and the row with it.
/// </summary>
internal sealed class LeafCommitter : ILeafCommitter
{
    public EntryCommitment Commit(LogEntry entry) => EntryCommitment.Create(EventMessages.Message(entry).ToByteArray());

    EntryCommitment? ILeafCommitter.Commit(LogEntry entry) => Commit(entry);
}
