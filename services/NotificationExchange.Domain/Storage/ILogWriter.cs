using System.Collections.Immutable;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Audit;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Webhooks;
using NotificationExchange.Transparency.Heads;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// The one way state changes reach the store. Work handed to <see cref="WriteAsync{T}"/> runs inside a write
/// transaction that may be shared with other callers' work (group commit); the returned task completes once that
/// transaction is durable. Work that throws leaves no trace and fails only its own caller.
/// </summary>
public interface ILogWriter
{
    Task<T> WriteAsync<T>(Func<ILogWriteSession, T> work, CancellationToken cancellationToken);
}

/// <summary>What write work may do, inside the write transaction.</summary>
public interface ILogWriteSession
{
    /// <summary>The sequence the next appended event must carry.</summary>
    long NextSequence { get; }

    /// <summary>The latest version; null when there is none; DATA_LOSS when it cannot be read back.</summary>
    RecordedEvent? GetLatest(string notificationId);

    /// <summary>One version; null when there is none; DATA_LOSS when it cannot be read back.</summary>
    RecordedEvent? GetVersion(string notificationId, int version);

    /// <summary>Appends an event to the log and to the outbox. Its sequence must be <see cref="NextSequence"/>.</summary>
    void Append(RecordedEvent recordedEvent);

    /// <summary>
    /// Appends a consultation's state change to the log and to the outbox, and keeps the consultation's index (its
    /// parties, state and pending deadline) in step. Its sequence must be <see cref="NextSequence"/>.
    /// </summary>
    void Append(ConsultationRecorded recorded);

    /// <summary>
    /// The latest entry of a consultation (an <see cref="UnreadableConsultationEvent"/> when it cannot be read back);
    /// null when there is none. Callers go through <see cref="ConsultationAccess"/>, which checks the audience first.
    /// </summary>
    LogEntry? GetConsultation(string consultationId);

    /// <summary>One version of a consultation (the one a remembered request made); null when there is none.</summary>
    ConsultationRecorded? GetConsultationVersion(string consultationId, int version);

    /// <summary>
    /// Every event of a consultation so far, this write's included, oldest first (one that cannot be read back as an
    /// <see cref="UnreadableConsultationEvent"/>); empty when there is none.
    /// </summary>
    IReadOnlyList<LogEntry> GetConsultationHistory(string consultationId);

    /// <summary>A direct line; null when there is none.</summary>
    DirectLine? GetDirectLine(string directLineId);

    /// <summary>The direct line between two organisations, whichever of them proposed it; null when there is none.</summary>
    DirectLine? FindDirectLineBetween(string organizationId, string otherOrganizationId);

    /// <summary>
    /// Appends a direct line's change to the log and to the outbox, and stores the line as the change left it (a new
    /// line, or its activation: its sides, purpose and proposal never change). Its sequence must be <see cref="NextSequence"/>.
    /// </summary>
    void Append(DirectLineRecorded recorded);

    /// <summary>
    /// Appends an alert's change to the log and to the outbox, and keeps the alert's index (its pair, TCA, state, the
    /// notification that raised it, its parties and when it next falls due) in step. Its sequence must be
    /// <see cref="NextSequence"/>.
    /// </summary>
    void Append(AlertRecorded recorded);

    /// <summary>An alert as its latest change left it; null when there is none; DATA_LOSS when it cannot be read back.</summary>
    Alert? GetAlert(string alertId);

    /// <summary>The open alerts of a pair of objects, in either order.</summary>
    IReadOnlyList<Alert> OpenAlertsOfPair(int noradCatId, int otherNoradCatId);

    /// <summary>The open alerts a notification's screens raised (any of its versions).</summary>
    IReadOnlyList<Alert> OpenAlertsOfNotification(string notificationId);

    /// <summary>The open alerts that standing screening raised with this object as the primary.</summary>
    IReadOnlyList<Alert> OpenStandingAlertsOf(int primaryNoradCatId);

    /// <summary>Records how one version of a notification was screened (replacing what was recorded before).</summary>
    void SaveScreening(string notificationId, int version, ScreeningStatus status);

    RegisteredObject? GetRegisteredObject(int noradCatId);

    /// <summary>Stores a registration, replacing the object's earlier one.</summary>
    void SaveRegisteredObject(RegisteredObject registered);

    void RemoveRegisteredObject(int noradCatId);

    ObjectClaim? GetClaim(string claimId);

    void SaveClaim(ObjectClaim claim);

    /// <summary>
    /// Applies a catalogue load: stores <paramref name="upserts"/>, removes <paramref name="dropped"/>, and keeps the
    /// report under the next load number, which it returns with the report.
    /// </summary>
    CatalogueLoad RecordCatalogueLoad(CatalogueLoad report, IReadOnlyList<CatalogueEntry> upserts, IReadOnlyList<int> dropped);

    /// <summary>
    /// Takes or renews the lease of a work cursor for <paramref name="holder"/> until <paramref name="leasedUntil"/>, when
    /// nobody else holds it at <paramref name="now"/>; returns its position, or null when another holder has it.
    /// </summary>
    long? LeaseCursor(string name, string holder, DateTime now, DateTime leasedUntil);

    /// <summary>Moves a cursor this holder leases (false when its lease was lost: then nothing moves).</summary>
    bool MoveCursor(string name, string holder, long expectedPosition, long position, DateTime movedAt);

    /// <summary>
    /// Stores the commitment of an entry recorded without one (before the transparency log, or while it was off); an
    /// entry that has one keeps it (false then): a commitment, once stored, never changes.
    /// </summary>
    bool SaveCommitment(long sequence, EntryCommitment commitment);

    /// <summary>Stores nodes of the transparency tree (complete subtrees, which never change once stored).</summary>
    void SaveTreeNodes(IReadOnlyList<TreeNode> nodes);

    /// <summary>Keeps a signed tree head; a head of that size already kept stays (false then).</summary>
    bool SaveTreeHead(TreeHead head);

    /// <summary>Keeps an attachment of a notification, by its content's digest (the same message twice is kept once).</summary>
    void SaveAttachment(string notificationId, Attachment attachment, AttachmentInfo info);

    IdempotencyRecord? FindRequest(string operatorId, string requestId);

    void RecordRequest(IdempotencyRecord record);

    Subscription? FindSubscription(string subscriptionId);

    /// <summary>Moves a subscription's acknowledged position forward (never back); returns the position now stored.</summary>
    long Acknowledge(string subscriptionId, long sequence);

    /// <summary>Removes events the bus has confirmed from the outbox.</summary>
    void MarkPublished(IReadOnlyCollection<long> sequences);

    /// <summary>
    /// Queues an event for the webhooks of an organisation: one delivery to each of its contact points in
    /// <paramref name="roles"/> that has a webhook URL, due at once. In the write transaction of whatever causes it,
    /// so that the event and its deliveries are durable together or not at all. A delivery already queued for the
    /// same organisation, role and <paramref name="dedupKey"/> is not queued again (a retried or repeated write queues
    /// nothing new). <paramref name="payloadJson"/> is the body the receivers get, and must be JSON. Returns how many
    /// deliveries were queued.
    /// </summary>
    int QueueWebhooks(string organizationId, IReadOnlyList<ContactRole> roles, string eventKind, string payloadJson, string dedupKey);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> deliveries due at <paramref name="now"/> that no instance holds (or
    /// whose lease has ended), soonest due first, for <paramref name="leaseHolder"/> until <paramref name="leasedUntil"/>.
    /// Each claim counts as an attempt: a claimed delivery carries the number of the attempt it is claimed for.
    /// </summary>
    IReadOnlyList<WebhookDelivery> ClaimWebhooks(string leaseHolder, DateTime now, DateTime leasedUntil, int maxCount);

    /// <summary>
    /// Records an attempt and ends its lease: delivered when the attempt was; otherwise due again at
    /// <paramref name="retryAt"/>, or given up when that is null. The attempt is always recorded; the delivery changes
    /// only while the attempt's instance still holds the lease of that attempt (false when it no longer did: its
    /// lease ended and another instance claimed the delivery).
    /// </summary>
    bool RecordWebhookAttempt(WebhookAttempt attempt, DateTime? retryAt);
    /// <summary>The sequence of a consultation's last conversation message; 0 when it has none.</summary>
    long LastMessageSequence(string consultationId);

    /// <summary>Every message of a consultation's conversation, in sequence order, attachments with their content.</summary>
    IReadOnlyList<ConversationMessage> GetMessages(string consultationId);

    /// <summary>Every party's receipt in a consultation's conversation (parties that never sent one have none).</summary>
    IReadOnlyList<ConversationReceipt> GetReceipts(string consultationId);

    /// <summary>The message a party sent under its client message id; null when it sent none under that id.</summary>
    ConversationMessage? FindMessage(string consultationId, string fromOrganization, string clientMessageId);

    /// <summary>
    /// Stores a conversation message, and its attachments' contents by digest (the same content twice is kept once). Its
    /// sequence must be <see cref="LastMessageSequence"/> + 1: allocated here, under the write lock, sequences stay
    /// contiguous and in commit order.
    /// </summary>
    void AppendMessage(ConversationMessage message);

    /// <summary>
    /// Moves a party's receipt forward, never back (each position is the greater of the stored and the given one, and
    /// the delivery position is at least the read one); <see cref="ConversationReceipt.UpdatedAt"/> changes only when a
    /// position moved. Returns the receipt now stored.
    /// </summary>
    ConversationReceipt MoveReceipt(ConversationReceipt receipt);

    /// <summary>
    /// Appends a record to the audit, filling in its id (the next in commit order) and, from the store's own indexes,
    /// its target's owner: a notification's filer, a consultation's requester, an object's registrant, an
    /// organisation itself. Returns the record as stored.
    /// </summary>
    AuditRecord AppendAudit(AuditRecord record);
}

/// <summary>Remembers the answer to a request, so that a retry gets the same answer.</summary>
public sealed record IdempotencyRecord(string OperatorId, string RequestId, byte[] Fingerprint, string NotificationId, int Version);

/// <summary>Told of each committed batch of events (of either kind), in sequence order, before the writers' callers are answered.</summary>
public interface ICommittedEventListener
{
    void OnCommitted(IReadOnlyList<LogEntry> events);
}

/// <summary>
/// Passes the log writer's committed batches to whoever listens (the live feed, the outbox relay). Listeners sign up
/// themselves, so that the writer depends on none of them and they may depend on the writer.
/// </summary>
public sealed class CommittedEvents
{
    private ICommittedEventListener[] _listeners = [];

    public void Subscribe(ICommittedEventListener listener) => ImmutableInterlocked.Update(ref _listeners, l => [.. l, listener]);

    public IReadOnlyList<ICommittedEventListener> Listeners => Volatile.Read(ref _listeners);
}

/// <summary>Events stored but not yet confirmed as published to the bus.</summary>
public interface IOutbox
{
    /// <summary>
    /// Pending events, oldest first: those this instance wrote, and those any instance wrote before
    /// <paramref name="takeOverBefore"/> (their writer may have crashed).
    /// </summary>
    Task<IReadOnlyList<LogEntry>> ReadPendingAsync(string instanceId, DateTime takeOverBefore, int maxCount, CancellationToken cancellationToken);

    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
