using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Audit;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>
/// The store ports the fan-out reads and writes, in memory: the log (gapless, in sequence order), subscriptions, and a
/// log writer whose commits reach the <see cref="CommittedEvents"/> listeners as the real writer's do. Entries committed
/// "elsewhere" are in the log but reach no listener: what another instance wrote, before (or without) its bus message.
/// </summary>
internal sealed class InMemoryExchangeStore(CommittedEvents committed) : INotificationLog, ISubscriptionStore, ILogWriter
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _log = [];
    private readonly Dictionary<string, Subscription> _subscriptions = [];
    private readonly Dictionary<(string, string), IdempotencyRecord> _requests = [];
    private readonly Dictionary<(string, string), Attachment> _attachments = [];
    private readonly Dictionary<string, DirectLine> _directLines = [];

    public Guid StoreId { get; } = Guid.NewGuid();

    /// <summary>Runs after a replay read (<see cref="ReadAfterAsync"/>) has taken its page, with the position it read after.</summary>
    public Func<long, Task>? AfterReplayRead { get; set; }

    /// <summary>Appends events as this instance's writer does: to the log, then to every listener (the live feed).</summary>
    public IReadOnlyList<RecordedEvent> Commit(int count) =>
        WriteAsync(session => Enumerable.Range(0, count).Select(_ => Append(session)).ToArray(), CancellationToken.None).Result;

    /// <summary>Appends events as another instance does: to the log only; its bus message may come later, or never.</summary>
    public IReadOnlyList<RecordedEvent> CommitElsewhere(int count)
    {
        lock (_lock)
        {
            var session = new Session(this);
            var appended = Enumerable.Range(0, count).Select(_ => Append(session)).ToArray();
            _log.AddRange(session.Appended);
            return appended;
        }
    }

    public Task<long> GetHeadSequenceAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_log.Count);
        }
    }

    public async Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        IReadOnlyList<LogEntry> page;
        lock (_lock)
        {
            page = _log.Skip((int)afterSequence).Take(maxCount).ToArray();
        }
        if (AfterReplayRead is { } hook)
        {
            await hook(afterSequence);
        }
        return page;
    }

    public Task<IReadOnlyList<LogEntry>> ReadRangeAsync(long fromSequence, long toSequence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<LogEntry>>(_log.Where(e => e.Sequence >= fromSequence && e.Sequence <= toSequence).ToArray());
        }
    }

    public Task<RecordedEvent?> GetLatestAsync(string notificationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Versions(notificationId).LastOrDefault());
        }
    }

    public Task<RecordedEvent?> GetVersionAsync(string notificationId, int version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Versions(notificationId).FirstOrDefault(e => e.Notification.Version == version));
        }
    }

    public Task<RememberedRequest?> FindRequestAsync(string operatorId, string requestId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_requests.GetValueOrDefault((operatorId, requestId)) is { } record
                && Versions(record.NotificationId).FirstOrDefault(e => e.Notification.Version == record.Version) is { } first
                    ? new RememberedRequest(record.Fingerprint, first)
                    : null);
        }
    }

    public Task<IReadOnlyList<LogEntry>> GetHistoryAsync(string notificationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<LogEntry>>(Versions(notificationId).ToArray());
        }
    }

    /// <summary>Listing notifications is not the fan-out's business.</summary>
    public Task<NotificationPage> QueryAsync(NotificationQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the fan-out never lists notifications");

    public Task<LogEntry?> GetLatestEntryAsync(string notificationId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the fan-out never reads one notification");

    public Task<DueEmbargoes> GetDueEmbargoesAsync(DateTime dueBy, int maxCount, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the fan-out never releases embargoes");

    public Task<string?> GetAttachmentContentAsync(string notificationId, string sha256, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_attachments.GetValueOrDefault((notificationId, sha256))?.Content);
        }
    }

    public Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _subscriptions.Add(subscription.Id, subscription);
        }
        return Task.CompletedTask;
    }

    public Task<Subscription?> GetAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_subscriptions.GetValueOrDefault(subscriptionId));
        }
    }

    public Task<IReadOnlyList<Subscription>> ListByOwnerAsync(string ownerOperatorId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Subscription>>(_subscriptions.Values.Where(s => s.OwnerOperatorId == ownerOperatorId).ToArray());
        }
    }

    public Task<bool> DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_subscriptions.Remove(subscriptionId));
        }
    }

    /// <summary>One write at a time, committed whole or not at all; listeners hear of the events after the commit.</summary>
    public Task<T> WriteAsync<T>(Func<ILogWriteSession, T> work, CancellationToken cancellationToken)
    {
        T result;
        LogEntry[] appended;
        lock (_lock)
        {
            var session = new Session(this);
            result = work(session);
            _log.AddRange(session.Appended);
            foreach (var (key, subscription) in session.Subscriptions)
            {
                _subscriptions[key] = subscription;
            }
            foreach (var record in session.Requests)
            {
                _requests[(record.OperatorId, record.RequestId)] = record;
            }
            foreach (var (key, attachment) in session.Attachments)
            {
                _attachments[key] = attachment;
            }
            foreach (var (key, line) in session.DirectLines)
            {
                _directLines[key] = line;
            }
            appended = session.Appended.ToArray();
        }
        if (appended.Length > 0)
        {
            foreach (var listener in committed.Listeners)
            {
                listener.OnCommitted(appended);
            }
        }
        return Task.FromResult(result);
    }

    private static RecordedEvent Append(ILogWriteSession session)
    {
        var recorded = Events.Filed(session.NextSequence);
        session.Append(recorded);
        return recorded;
    }

    private IEnumerable<RecordedEvent> Versions(string notificationId) =>
        _log.OfType<RecordedEvent>().Where(e => e.Notification.Id == notificationId);

    /// <summary>A write's view: the store as committed, plus what the write has done so far.</summary>
    private sealed class Session(InMemoryExchangeStore store) : ILogWriteSession
    {
        public List<LogEntry> Appended { get; } = [];
        public Dictionary<string, Subscription> Subscriptions { get; } = [];
        public List<IdempotencyRecord> Requests { get; } = [];
        public Dictionary<(string, string), Attachment> Attachments { get; } = [];
        public Dictionary<string, DirectLine> DirectLines { get; } = [];

        public long NextSequence => store._log.Count + Appended.Count + 1;

        public RecordedEvent? GetLatest(string notificationId) =>
            store.Versions(notificationId).Concat(Appended.OfType<RecordedEvent>().Where(e => e.Notification.Id == notificationId)).LastOrDefault();

        public RecordedEvent? GetVersion(string notificationId, int version) =>
            store.Versions(notificationId).Concat(Appended.OfType<RecordedEvent>()).FirstOrDefault(e => e.Notification.Id == notificationId && e.Notification.Version == version);

        public void Append(RecordedEvent recordedEvent) => AppendEntry(recordedEvent);

        public void Append(ConsultationRecorded recorded) => AppendEntry(recorded);

        public LogEntry? GetConsultation(string consultationId) =>
            store._log.Concat(Appended).OfType<ConsultationRecorded>().LastOrDefault(e => e.Consultation.Id == consultationId);

        public ConsultationRecorded? GetConsultationVersion(string consultationId, int version) =>
            store._log.Concat(Appended).OfType<ConsultationRecorded>().FirstOrDefault(e => e.Consultation.Id == consultationId && e.Consultation.Version == version);

        public IReadOnlyList<LogEntry> GetConsultationHistory(string consultationId) =>
            store._log.Concat(Appended).Where(e => e is ConsultationRecorded r && r.Consultation.Id == consultationId
                || e is UnreadableConsultationEvent u && u.ConsultationId == consultationId).ToArray();

        public DirectLine? GetDirectLine(string directLineId) =>
            DirectLines.GetValueOrDefault(directLineId) ?? store._directLines.GetValueOrDefault(directLineId);

        public DirectLine? FindDirectLineBetween(string organizationId, string otherOrganizationId) =>
            store._directLines.Values.Concat(DirectLines.Values).LastOrDefault(l => l.Joins(organizationId) && l.Joins(otherOrganizationId));

        public void Append(DirectLineRecorded recorded)
        {
            AppendEntry(recorded);
            DirectLines[recorded.Line.Id] = recorded.Line;
        }

        private void AppendEntry(LogEntry entry)
        {
            if (entry.Sequence != NextSequence)
            {
                throw new InvalidOperationException($"sequence {entry.Sequence} appended where {NextSequence} is next");
            }
            Appended.Add(entry);
        }

        public void SaveAttachment(string notificationId, Attachment attachment, AttachmentInfo info) =>
            Attachments[(notificationId, info.Sha256)] = attachment;

        public IdempotencyRecord? FindRequest(string operatorId, string requestId) =>
            Requests.LastOrDefault(r => r.OperatorId == operatorId && r.RequestId == requestId) ?? store._requests.GetValueOrDefault((operatorId, requestId));

        public void RecordRequest(IdempotencyRecord record) => Requests.Add(record);

        public Subscription? FindSubscription(string subscriptionId) =>
            Subscriptions.GetValueOrDefault(subscriptionId) ?? store._subscriptions.GetValueOrDefault(subscriptionId);

        public long Acknowledge(string subscriptionId, long sequence)
        {
            var subscription = FindSubscription(subscriptionId) ?? throw new InvalidOperationException($"no subscription {subscriptionId}");
            var stored = Math.Max(subscription.AcknowledgedSequence, sequence);
            Subscriptions[subscriptionId] = subscription with { AcknowledgedSequence = stored };
            return stored;
        }

        /// <summary>Conversations are not the fan-out's business: they have a sequence of their own, outside the log.</summary>
        public long LastMessageSequence(string consultationId) => throw new NotSupportedException("the fan-out holds no conversations");

        public IReadOnlyList<ConversationMessage> GetMessages(string consultationId) => throw new NotSupportedException("the fan-out holds no conversations");

        public IReadOnlyList<ConversationReceipt> GetReceipts(string consultationId) => throw new NotSupportedException("the fan-out holds no conversations");

        public ConversationMessage? FindMessage(string consultationId, string fromOrganization, string clientMessageId) =>
            throw new NotSupportedException("the fan-out holds no conversations");

        public void AppendMessage(ConversationMessage message) => throw new NotSupportedException("the fan-out holds no conversations");

        public bool SaveCommitment(long sequence, NotificationExchange.Transparency.Merkle.EntryCommitment commitment) =>
            throw new NotSupportedException("the fan-out keeps no transparency log");

        public void SaveTreeNodes(IReadOnlyList<NotificationExchange.Transparency.Merkle.TreeNode> nodes) =>
            throw new NotSupportedException("the fan-out keeps no transparency log");

        public bool SaveTreeHead(NotificationExchange.Transparency.Heads.TreeHead head) =>
            throw new NotSupportedException("the fan-out keeps no transparency log");

        public void Append(AlertRecorded recorded) => AppendEntry(recorded);

        public Alert? GetAlert(string alertId) =>
            store._log.Concat(Appended).OfType<AlertRecorded>().LastOrDefault(e => e.Alert.Id == alertId)?.Alert;

        public IReadOnlyList<Alert> OpenAlertsOfPair(int noradCatId, int otherNoradCatId) => throw new NotSupportedException("the fan-out screens nothing");

        public IReadOnlyList<Alert> OpenAlertsOfNotification(string notificationId) => throw new NotSupportedException("the fan-out screens nothing");

        public IReadOnlyList<Alert> OpenStandingAlertsOf(int primaryNoradCatId) => throw new NotSupportedException("the fan-out screens nothing");

        public void SaveScreening(string notificationId, int version, ScreeningStatus status) => throw new NotSupportedException("the fan-out screens nothing");

        public RegisteredObject? GetRegisteredObject(int noradCatId) => throw new NotSupportedException("the fan-out keeps no registry");

        public void SaveRegisteredObject(RegisteredObject registered) => throw new NotSupportedException("the fan-out keeps no registry");

        public void RemoveRegisteredObject(int noradCatId) => throw new NotSupportedException("the fan-out keeps no registry");

        public ObjectClaim? GetClaim(string claimId) => throw new NotSupportedException("the fan-out keeps no registry");

        public void SaveClaim(ObjectClaim claim) => throw new NotSupportedException("the fan-out keeps no registry");

        public CatalogueLoad RecordCatalogueLoad(CatalogueLoad report, IReadOnlyList<CatalogueEntry> upserts, IReadOnlyList<int> dropped) =>
            throw new NotSupportedException("the fan-out keeps no catalogue");

        public long? LeaseCursor(string name, string holder, DateTime now, DateTime leasedUntil) => throw new NotSupportedException("the fan-out follows no cursor");

        public bool MoveCursor(string name, string holder, long expectedPosition, long position, DateTime movedAt) =>
            throw new NotSupportedException("the fan-out follows no cursor");

        public ConversationReceipt MoveReceipt(ConversationReceipt receipt) => throw new NotSupportedException("the fan-out holds no conversations");

        public AuditRecord AppendAudit(AuditRecord record) => throw new NotSupportedException("the fan-out audits nothing");

        /// <summary>This store keeps no outbox: nothing here publishes.</summary>
        public void MarkPublished(IReadOnlyCollection<long> sequences)
        {
        }

        /// <summary>Webhooks are not the fan-out's business (their store is tested in the storage contract).</summary>
        public int QueueWebhooks(string organizationId, IReadOnlyList<ContactRole> roles, string eventKind, string payloadJson, string dedupKey) =>
            throw new NotSupportedException("the fan-out never queues webhooks");

        public IReadOnlyList<WebhookDelivery> ClaimWebhooks(string leaseHolder, DateTime now, DateTime leasedUntil, int maxCount) =>
            throw new NotSupportedException("the fan-out never delivers webhooks");

        public bool RecordWebhookAttempt(WebhookAttempt attempt, DateTime? retryAt) =>
            throw new NotSupportedException("the fan-out never delivers webhooks");
    }
}
