using System.Text.Json;
using Npgsql;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The writer's connection and statements. One transaction per batch, which takes the log's advisory lock
/// (<see cref="LockKey"/>) first thing and holds it to its commit: the writers of every instance on the database
/// commit one after the other, so sequence numbers (MAX + 1, read under the lock) are allocated in commit order even
/// across machines. One savepoint per write in it. The connection is the writer's own, unpooled; after a failure (the
/// server restarted, the connection dropped) it is thrown away and the next batch opens a new one.
/// </summary>
internal sealed partial class PostgresWriteSession : IGroupCommitSession
{
    /// <summary>
    /// The advisory lock every write transaction of the store holds from its start to its end: the log writers' batches
    /// and the rare writes outside them, on every instance. Advisory locks are per database: stores in other
    /// databases of the same server never wait for it.
    /// </summary>
    public const long LockKey = 0x4E58_4C4F_4721; // "NXLOG!"

    private readonly PostgresStoreSettings _settings;
    private readonly string _instanceId;
    private readonly List<LogEntry> _appended = [];
    private readonly Dictionary<string, NpgsqlCommand> _commands = [];
    private readonly TimeProvider _clock;
    private readonly ILeafCommitter? _committer;
    private NpgsqlConnection? _connection;
    private long _nextSequence;
    private int _queuedWebhooks;
    private bool _releasePending;

    public PostgresWriteSession(PostgresStoreSettings settings, string instanceId, TimeProvider clock, ILeafCommitter? committer)
    {
        _settings = settings;
        _instanceId = instanceId;
        _clock = clock;
        _committer = committer;
    }

    public long NextSequence => _nextSequence;

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("the log writer has no connection outside a batch");

    public void Begin()
    {
        if (_connection is not { State: System.Data.ConnectionState.Open })
        {
            // the first batch, or the first after a failure: a new connection
            Disconnect();
            _connection = _settings.OpenWriter();
        }
        _appended.Clear();
        _queuedWebhooks = 0;
        _releasePending = false;
        // One round trip: the transaction, the lock, and the next sequence read under it (each statement of a batch
        // takes its own snapshot, so the MAX sees every commit made before the lock was granted). READ COMMITTED is
        // named, not assumed: under a database's default of REPEATABLE READ the snapshot would predate the lock.
        using var reader = Command($"BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({LockKey}); SELECT COALESCE(MAX(sequence), 0) + 1 FROM events;").ExecuteReader();
        reader.NextResult();
        reader.Read();
        _nextSequence = reader.GetInt64(0);
    }

    public WriteMark Mark()
    {
        // the previous write's release rides with this savepoint: one round trip between writes, not two
        Run(_releasePending ? "RELEASE write; SAVEPOINT write;" : "SAVEPOINT write;");
        _releasePending = false;
        return new WriteMark(_appended.Count, _nextSequence, _queuedWebhooks);
    }

    /// <summary>Ends the current write's savepoint: sent with the next write's savepoint or the commit (savepoints are never left to pile up).</summary>
    public void Release() => _releasePending = true;

    public void RollbackTo(WriteMark mark)
    {
        Run("ROLLBACK TO write; RELEASE write;");
        _appended.RemoveRange(mark.Appended, _appended.Count - mark.Appended);
        _nextSequence = mark.NextSequence;
        _queuedWebhooks = mark.QueuedWebhooks;
    }

    /// <summary>Npgsql's transient errors: the server restarting, the connection dropped, a timeout.</summary>
    public bool IsUnreachable(Exception failure) => failure is NpgsqlException { IsTransient: true };

    /// <summary>Commits the batch: the events it appended, and how many webhook deliveries it queued.</summary>
    public (IReadOnlyList<LogEntry> Events, int QueuedWebhooks) Commit()
    {
        Run(_releasePending ? "RELEASE write; COMMIT;" : "COMMIT;");
        _releasePending = false;
        return (_appended.ToArray(), _queuedWebhooks);
    }

    /// <summary>
    /// Rolls the batch back. When that fails too (the connection is gone), the connection is thrown away: the server
    /// rolls back what it had of the transaction when the connection ends, and the next batch opens a new one.
    /// </summary>
    public void Rollback()
    {
        _releasePending = false;
        if (_connection is not { State: System.Data.ConnectionState.Open })
        {
            Disconnect();
            return;
        }
        try
        {
            Run("ROLLBACK;");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            Disconnect();
        }
    }

    /// <summary>Throws the connection and its statements away.</summary>
    private void Disconnect()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    public RecordedEvent? GetLatest(string notificationId)
    {
        var command = Command(PostgresExchangeStore.SelectEvent + " WHERE notification_id = @id AND subject = 0 ORDER BY version DESC LIMIT 1;");
        command.Parameters["@id"].Value = notificationId;
        return ReadOne(command);
    }

    public RecordedEvent? GetVersion(string notificationId, int version)
    {
        var command = Command(PostgresExchangeStore.SelectEvent + " WHERE notification_id = @id AND version = @version AND subject = 0;");
        command.Parameters["@id"].Value = notificationId;
        command.Parameters["@version"].Value = version;
        return ReadOne(command);
    }

    public void Append(RecordedEvent recordedEvent)
    {
        var notification = recordedEvent.Notification;
        InsertLogRow(recordedEvent, PostgresExchangeStore.SubjectNotification, notification.Id, notification.Version, (int)recordedEvent.Type,
            NotificationJson.Serialize(notification), NotificationJson.Serialize(recordedEvent.Keys));
        var insert = Command("""
            INSERT INTO notifications (id, kind, filing_operator, status, first_sequence, latest_sequence, window_start, window_end)
            VALUES (@id, @kind, @operator, @status, @sequence, @sequence, @window_start, @window_end)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, latest_sequence = excluded.latest_sequence,
                window_start = excluded.window_start, window_end = excluded.window_end;
            """);
        var window = notification.Content.ActivityWindow();
        insert.Parameters["@sequence"].Value = recordedEvent.Sequence;
        insert.Parameters["@id"].Value = notification.Id;
        insert.Parameters["@kind"].Value = (int)notification.Kind;
        insert.Parameters["@operator"].Value = notification.FilingOperator;
        insert.Parameters["@status"].Value = (int)notification.Status;
        insert.Parameters["@window_start"].Value = window?.Start is { } start ? PostgresTime.ToTicks(start) : DBNull.Value;
        insert.Parameters["@window_end"].Value = window?.End is { } end ? PostgresTime.ToTicks(end) : DBNull.Value;
        insert.ExecuteNonQuery();

        // The audience in force indexed for listings: the latest version's, its parties listed anew (an audience only
        // widens, but listing what it is now keeps the index right whatever came before).
        var audience = recordedEvent.Audience;
        var scope = Command("""
            UPDATE notifications SET audience_scope = @scope, embargo_until = @until WHERE id = @id;
            DELETE FROM notification_audience WHERE notification_id = @id;
            """);
        scope.Parameters["@id"].Value = notification.Id;
        scope.Parameters["@scope"].Value = PostgresExchangeStore.AudienceScopeValue(audience);
        scope.Parameters["@until"].Value = notification.Embargo is { } embargo ? PostgresTime.ToTicks(embargo.Until) : DBNull.Value;
        scope.ExecuteNonQuery();
        var parties = Command("INSERT INTO notification_audience (organization_id, notification_id) VALUES (@party, @id);");
        parties.Parameters["@id"].Value = notification.Id;
        foreach (var party in audience.Parties ?? [])
        {
            parties.Parameters["@party"].Value = party;
            parties.ExecuteNonQuery();
        }

        var objects = Command("INSERT INTO notification_objects (norad_cat_id, notification_id) VALUES (@norad, @id) ON CONFLICT DO NOTHING;");
        objects.Parameters["@id"].Value = notification.Id;
        foreach (var norad in recordedEvent.Keys.NoradCatIds)
        {
            objects.Parameters["@norad"].Value = norad;
            objects.ExecuteNonQuery();
        }
        _appended.Add(recordedEvent);
        _nextSequence++;
    }

    public void Append(ConsultationRecorded recorded)
    {
        var consultation = recorded.Consultation;
        InsertLogRow(recorded, PostgresExchangeStore.SubjectConsultation, consultation.Id, consultation.Version, (int)recorded.Type,
            NotificationJson.Serialize(recorded.Change));
        var insert = Command("""
            INSERT INTO consultations (id, requester, state, first_sequence, latest_sequence, pending_deadline)
            VALUES (@id, @requester, @state, @sequence, @sequence, @deadline)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, latest_sequence = excluded.latest_sequence,
                pending_deadline = excluded.pending_deadline;
            """);
        insert.Parameters["@sequence"].Value = recorded.Sequence;
        insert.Parameters["@id"].Value = consultation.Id;
        insert.Parameters["@requester"].Value = consultation.Requester;
        insert.Parameters["@state"].Value = (int)consultation.State;
        insert.Parameters["@deadline"].Value = consultation.PendingDeadline is { } deadline ? PostgresTime.ToTicks(deadline) : DBNull.Value;
        insert.ExecuteNonQuery();

        // The parties never change after the request: index them once.
        var parties = Command("""
            INSERT INTO consultation_parties (organization_id, first_sequence, consultation_id)
            SELECT @party, first_sequence, id FROM consultations WHERE id = @id ON CONFLICT DO NOTHING;
            """);
        parties.Parameters["@id"].Value = consultation.Id;
        if (consultation.Version == 1)
        {
            foreach (var party in consultation.Parties)
            {
                parties.Parameters["@party"].Value = party;
                parties.ExecuteNonQuery();
            }
        }
        _appended.Add(recorded);
        _nextSequence++;
    }

    /// <summary>
    /// The one way an entry enters the log: its row in <c>events</c> (what it is about, its id and version, its type,
    /// its snapshot, and its audience apart from the snapshot) and in the outbox, at the next sequence. The caller
    /// keeps its subject's index in step in the same write. The entry is committed for the transparency log here, so
    /// that no kind of entry enters the log without its salt and commitment (unless the log is switched off).
    /// </summary>
    private void InsertLogRow(LogEntry entry, int subject, string subjectId, int version, int type, string snapshot, string matchKeys = "null")
    {
        if (entry.Sequence != _nextSequence)
        {
            throw new InvalidOperationException($"event sequence {entry.Sequence} is not the next one ({_nextSequence})");
        }
        var commitment = _committer?.Commit(entry);
        var insert = Command("""
            INSERT INTO events (sequence, notification_id, version, event_type, recorded_at, snapshot, match_keys, subject, audience, salt, commitment)
            VALUES (@sequence, @id, @version, @type, @recorded_at, @snapshot, @keys, @subject, @audience, @salt, @commitment);
            INSERT INTO outbox (sequence, instance_id, created_at) VALUES (@sequence, @instance, @recorded_at);
            """);
        insert.Parameters["@sequence"].Value = entry.Sequence;
        insert.Parameters["@id"].Value = subjectId;
        insert.Parameters["@version"].Value = version;
        insert.Parameters["@type"].Value = type;
        insert.Parameters["@recorded_at"].Value = PostgresTime.ToTicks(entry.RecordedAt);
        insert.Parameters["@snapshot"].Value = snapshot;
        insert.Parameters["@keys"].Value = matchKeys;
        insert.Parameters["@subject"].Value = subject;
        insert.Parameters["@audience"].Value = PostgresExchangeStore.AudienceValue(entry.Audience);
        insert.Parameters["@salt"].Value = (object?)commitment?.Salt ?? DBNull.Value;
        insert.Parameters["@commitment"].Value = (object?)commitment?.Commitment ?? DBNull.Value;
        insert.Parameters["@instance"].Value = _instanceId;
        insert.ExecuteNonQuery();
    }

    public LogEntry? GetConsultation(string consultationId)
    {
        var command = Command(PostgresExchangeStore.SelectEvent + " WHERE notification_id = @id AND subject = 1 ORDER BY version DESC LIMIT 1;");
        command.Parameters["@id"].Value = consultationId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadEntry(reader) : null;
    }

    public ConsultationRecorded? GetConsultationVersion(string consultationId, int version)
    {
        var command = Command(PostgresExchangeStore.SelectEvent + " WHERE notification_id = @id AND version = @version AND subject = 1;");
        command.Parameters["@id"].Value = consultationId;
        command.Parameters["@version"].Value = version;
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadConsultation(reader) : null;
    }

    public IReadOnlyList<LogEntry> GetConsultationHistory(string consultationId)
    {
        var command = Command(PostgresExchangeStore.SelectEvent + " WHERE notification_id = @id AND subject = 1 ORDER BY version;");
        command.Parameters["@id"].Value = consultationId;
        using var reader = command.ExecuteReader();
        var history = new List<LogEntry>();
        while (reader.Read())
        {
            history.Add(PostgresExchangeStore.ReadEntry(reader));
        }
        return history;
    }

    public DirectLine? GetDirectLine(string directLineId)
    {
        var command = Command(PostgresExchangeStore.SelectDirectLine + " WHERE id = @id;");
        command.Parameters["@id"].Value = directLineId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadDirectLine(reader) : null;
    }

    public DirectLine? FindDirectLineBetween(string organizationId, string otherOrganizationId)
    {
        // the same expressions as the unique index, so that PostgreSQL looks the pair up in it; the parameters
        // compared in the columns' byte order, as the index orders them
        var command = Command(PostgresExchangeStore.SelectDirectLine
            + """ WHERE LEAST(proposed_by, counterpart) = LEAST(@a::text COLLATE "C", @b::text COLLATE "C")"""
            + """ AND GREATEST(proposed_by, counterpart) = GREATEST(@a::text COLLATE "C", @b::text COLLATE "C");""");
        command.Parameters["@a"].Value = organizationId;
        command.Parameters["@b"].Value = otherOrganizationId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadDirectLine(reader) : null;
    }

    public void Append(DirectLineRecorded recorded)
    {
        var line = recorded.Line;
        InsertLogRow(recorded, PostgresExchangeStore.SubjectDirectLine, line.Id, line.Version, (int)recorded.Type, NotificationJson.Serialize(recorded.Change));
        var command = Command("""
            INSERT INTO direct_lines (id, proposed_by, counterpart, state, purpose, proposed_at, activated_at)
            VALUES (@id, @proposed_by, @counterpart, @state, @purpose, @proposed_at, @activated_at)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, activated_at = excluded.activated_at;
            """);
        command.Parameters["@id"].Value = line.Id;
        command.Parameters["@proposed_by"].Value = line.ProposedBy;
        command.Parameters["@counterpart"].Value = line.Counterpart;
        command.Parameters["@state"].Value = (int)line.State;
        command.Parameters["@purpose"].Value = line.Purpose;
        command.Parameters["@proposed_at"].Value = PostgresTime.ToTicks(line.ProposedAt);
        command.Parameters["@activated_at"].Value = line.ActivatedAt is { } activated ? PostgresTime.ToTicks(activated) : DBNull.Value;
        command.ExecuteNonQuery();
        _appended.Add(recorded);
        _nextSequence++;
    }

    public long LastMessageSequence(string consultationId)
    {
        var command = Command("SELECT COALESCE(MAX(sequence), 0) FROM consultation_messages WHERE consultation_id = @id;");
        command.Parameters["@id"].Value = consultationId;
        return (long)command.ExecuteScalar()!;
    }

    public IReadOnlyList<ConversationMessage> GetMessages(string consultationId)
    {
        var command = Command($"SELECT {StoredMessage.Columns} FROM consultation_messages WHERE consultation_id = @id ORDER BY sequence;");
        command.Parameters["@id"].Value = consultationId;
        return WithContents(consultationId, command);
    }

    public IReadOnlyList<ConversationReceipt> GetReceipts(string consultationId)
    {
        var command = Command(PostgresExchangeStore.SelectReceipt + " WHERE consultation_id = @id ORDER BY organization_id;");
        command.Parameters["@id"].Value = consultationId;
        using var reader = command.ExecuteReader();
        var receipts = new List<ConversationReceipt>();
        while (reader.Read())
        {
            receipts.Add(PostgresExchangeStore.ReadReceipt(reader));
        }
        return receipts;
    }

    public ConversationMessage? FindMessage(string consultationId, string fromOrganization, string clientMessageId)
    {
        var command = Command($"""
            SELECT {StoredMessage.Columns} FROM consultation_messages
            WHERE consultation_id = @id AND from_organization = @from AND client_message_id = @client;
            """);
        command.Parameters["@id"].Value = consultationId;
        command.Parameters["@from"].Value = fromOrganization;
        command.Parameters["@client"].Value = clientMessageId;
        return WithContents(consultationId, command).SingleOrDefault();
    }

    public void AppendMessage(ConversationMessage message)
    {
        var next = LastMessageSequence(message.ConsultationId) + 1;
        if (message.Sequence != next)
        {
            throw new InvalidOperationException($"message sequence {message.Sequence} of {message.ConsultationId} is not the next one ({next})");
        }
        var insert = Command($"""
            INSERT INTO consultation_messages ({StoredMessage.Columns})
            VALUES (@id, @sequence, @from, @client, @sent_at, @text, @attachments);
            """);
        insert.Parameters["@id"].Value = message.ConsultationId;
        insert.Parameters["@sequence"].Value = message.Sequence;
        insert.Parameters["@from"].Value = message.FromOrganization;
        insert.Parameters["@client"].Value = message.ClientMessageId;
        insert.Parameters["@sent_at"].Value = PostgresTime.ToTicks(message.SentAt);
        insert.Parameters["@text"].Value = message.Text;
        insert.Parameters["@attachments"].Value = StoredMessage.AttachmentsColumn(message.Attachments);
        insert.ExecuteNonQuery();

        var content = Command("""
            INSERT INTO consultation_attachments (consultation_id, sha256, media_type, content) VALUES (@id, @sha, @type, @content)
            ON CONFLICT DO NOTHING;
            """);
        content.Parameters["@id"].Value = message.ConsultationId;
        foreach (var attachment in message.Attachments)
        {
            content.Parameters["@sha"].Value = attachment.Sha256;
            content.Parameters["@type"].Value = attachment.MediaType;
            content.Parameters["@content"].Value = attachment.Content;
            content.ExecuteNonQuery();
        }
    }

    public ConversationReceipt MoveReceipt(ConversationReceipt receipt)
    {
        // Positions only move forward, and delivery is never behind reading; the time changes only when one moved.
        var command = Command($"""
            INSERT INTO consultation_receipts AS r (consultation_id, organization_id, delivered_through, read_through, updated_at)
            VALUES (@id, @organization, GREATEST(@delivered, @read), @read, @updated_at)
            ON CONFLICT (consultation_id, organization_id) DO UPDATE SET
                delivered_through = GREATEST(r.delivered_through, excluded.delivered_through),
                read_through = GREATEST(r.read_through, excluded.read_through),
                updated_at = CASE WHEN excluded.delivered_through > r.delivered_through OR excluded.read_through > r.read_through
                    THEN excluded.updated_at ELSE r.updated_at END
            RETURNING consultation_id, organization_id, delivered_through, read_through, updated_at;
            """);
        command.Parameters["@id"].Value = receipt.ConsultationId;
        command.Parameters["@organization"].Value = receipt.OrganizationId;
        command.Parameters["@delivered"].Value = receipt.DeliveredThrough;
        command.Parameters["@read"].Value = receipt.ReadThrough;
        command.Parameters["@updated_at"].Value = PostgresTime.ToTicks(receipt.UpdatedAt);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? PostgresExchangeStore.ReadReceipt(reader)
            : throw new InvalidOperationException($"the receipt of {receipt.OrganizationId} in {receipt.ConsultationId} was not stored");
    }

    public void SaveAttachment(string notificationId, Attachment attachment, AttachmentInfo info)
    {
        var command = Command("""
            INSERT INTO attachments (notification_id, sha256, media_type, content) VALUES (@id, @sha, @type, @content)
            ON CONFLICT DO NOTHING;
            """);
        command.Parameters["@id"].Value = notificationId;
        command.Parameters["@sha"].Value = info.Sha256;
        command.Parameters["@type"].Value = attachment.MediaType;
        command.Parameters["@content"].Value = attachment.Content;
        command.ExecuteNonQuery();
    }

    public IdempotencyRecord? FindRequest(string operatorId, string requestId)
    {
        var command = Command("SELECT fingerprint, notification_id, version FROM requests WHERE operator_id = @operator AND request_id = @request;");
        command.Parameters["@operator"].Value = operatorId;
        command.Parameters["@request"].Value = requestId;
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new IdempotencyRecord(operatorId, requestId, (byte[])reader.GetValue(0), reader.GetString(1), reader.GetInt32(2))
            : null;
    }

    public void RecordRequest(IdempotencyRecord record)
    {
        var command = Command("""
            INSERT INTO requests (operator_id, request_id, fingerprint, notification_id, version)
            VALUES (@operator, @request, @fingerprint, @id, @version);
            """);
        command.Parameters["@operator"].Value = record.OperatorId;
        command.Parameters["@request"].Value = record.RequestId;
        command.Parameters["@fingerprint"].Value = record.Fingerprint;
        command.Parameters["@id"].Value = record.NotificationId;
        command.Parameters["@version"].Value = record.Version;
        command.ExecuteNonQuery();
    }

    public Subscription? FindSubscription(string subscriptionId)
    {
        var command = Command(PostgresExchangeStore.SelectSubscription + " WHERE id = @id;");
        command.Parameters["@id"].Value = subscriptionId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadSubscription(reader) : null;
    }

    public long Acknowledge(string subscriptionId, long sequence)
    {
        var command = Command("""
            UPDATE subscriptions SET acknowledged_sequence = GREATEST(acknowledged_sequence, @sequence) WHERE id = @id
            RETURNING acknowledged_sequence;
            """);
        command.Parameters["@id"].Value = subscriptionId;
        command.Parameters["@sequence"].Value = sequence;
        return command.ExecuteScalar() is long stored
            ? stored
            : throw new InvalidOperationException($"subscription {subscriptionId} vanished inside the write transaction");
    }

    public void MarkPublished(IReadOnlyCollection<long> sequences)
    {
        var command = Command("DELETE FROM outbox WHERE sequence = @sequence;");
        foreach (var sequence in sequences)
        {
            command.Parameters["@sequence"].Value = sequence;
            command.ExecuteNonQuery();
        }
    }

    public int QueueWebhooks(string organizationId, IReadOnlyList<ContactRole> roles, string eventKind, string payloadJson, string dedupKey)
    {
        // Receivers are promised JSON: a caller's mistake must fail its write, not reach them.
        using (JsonDocument.Parse(payloadJson))
        {
        }
        var find = Command("SELECT contacts FROM operators WHERE id = @organization;");
        find.Parameters["@organization"].Value = organizationId;
        if (find.ExecuteScalar() is not string contacts)
        {
            return 0;
        }
        var insert = Command("""
            INSERT INTO webhook_deliveries
                (id, organization_id, contact_role, url, event_kind, payload, dedup_key, created_at, attempts, next_attempt_at)
            VALUES (@id, @organization, @role, @url, @kind, @payload, @dedup, @now, 0, @now)
            ON CONFLICT DO NOTHING;
            """);
        insert.Parameters["@organization"].Value = organizationId;
        insert.Parameters["@kind"].Value = eventKind;
        insert.Parameters["@payload"].Value = payloadJson;
        insert.Parameters["@dedup"].Value = dedupKey;
        insert.Parameters["@now"].Value = PostgresTime.ToTicks(_clock.GetUtcNow().UtcDateTime);
        var queued = 0;
        foreach (var contact in NotificationJson.DeserializeContactPoints(contacts))
        {
            if (contact.WebhookUrl is { } url && roles.Contains(contact.Role))
            {
                insert.Parameters["@id"].Value = Guid.NewGuid().ToString();
                insert.Parameters["@role"].Value = (int)contact.Role;
                insert.Parameters["@url"].Value = url;
                queued += insert.ExecuteNonQuery();
            }
        }
        _queuedWebhooks += queued;
        return queued;
    }

    public IReadOnlyList<WebhookDelivery> ClaimWebhooks(string leaseHolder, DateTime now, DateTime leasedUntil, int maxCount)
    {
        var claim = Command($"""
            UPDATE webhook_deliveries SET attempts = attempts + 1, leased_by = @holder, leased_until = @until
            WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE next_attempt_at <= @now AND (leased_until IS NULL OR leased_until <= @now)
                ORDER BY next_attempt_at, created_at LIMIT @limit)
            RETURNING {PostgresExchangeStore.WebhookDeliveryColumns};
            """);
        claim.Parameters["@holder"].Value = leaseHolder;
        claim.Parameters["@until"].Value = PostgresTime.ToTicks(leasedUntil);
        claim.Parameters["@now"].Value = PostgresTime.ToTicks(now);
        claim.Parameters["@limit"].Value = maxCount;
        var claimed = new List<WebhookDelivery>();
        using (var reader = claim.ExecuteReader())
        {
            while (reader.Read())
            {
                claimed.Add(PostgresExchangeStore.ReadWebhookDelivery(reader));
            }
        }
        // RETURNING gives rows in no particular order
        return [.. claimed.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.CreatedAt)];
    }

    public bool RecordWebhookAttempt(WebhookAttempt attempt, DateTime? retryAt)
    {
        var insert = Command("""
            INSERT INTO webhook_attempts (delivery_id, attempt, instance_id, started_at, finished_at, status_code, error)
            VALUES (@id, @attempt, @instance, @started, @finished, @status, @error);
            """);
        insert.Parameters["@id"].Value = attempt.DeliveryId;
        insert.Parameters["@attempt"].Value = attempt.Attempt;
        insert.Parameters["@instance"].Value = attempt.InstanceId;
        insert.Parameters["@started"].Value = PostgresTime.ToTicks(attempt.StartedAt);
        insert.Parameters["@finished"].Value = PostgresTime.ToTicks(attempt.FinishedAt);
        insert.Parameters["@status"].Value = (object?)attempt.StatusCode ?? DBNull.Value;
        insert.Parameters["@error"].Value = (object?)attempt.Error ?? DBNull.Value;
        insert.ExecuteNonQuery();

        // Only the holder of this very attempt's lease decides what becomes of the delivery: after its lease ended,
        // another instance may have claimed a later attempt.
        var update = Command("""
            UPDATE webhook_deliveries SET leased_by = NULL, leased_until = NULL, last_status_code = @status, last_error = @error,
                next_attempt_at = @next, delivered_at = @delivered, given_up_at = @given_up
            WHERE id = @id AND attempts = @attempt AND leased_by = @instance AND delivered_at IS NULL AND given_up_at IS NULL;
            """);
        var finished = PostgresTime.ToTicks(attempt.FinishedAt);
        update.Parameters["@id"].Value = attempt.DeliveryId;
        update.Parameters["@attempt"].Value = attempt.Attempt;
        update.Parameters["@instance"].Value = attempt.InstanceId;
        update.Parameters["@status"].Value = (object?)attempt.StatusCode ?? DBNull.Value;
        update.Parameters["@error"].Value = (object?)attempt.Error ?? DBNull.Value;
        update.Parameters["@next"].Value = !attempt.Delivered && retryAt is { } next ? PostgresTime.ToTicks(next) : DBNull.Value;
        update.Parameters["@delivered"].Value = attempt.Delivered ? finished : DBNull.Value;
        update.Parameters["@given_up"].Value = !attempt.Delivered && retryAt is null ? finished : DBNull.Value;
        return update.ExecuteNonQuery() == 1;
    }

    /// <summary>The messages <paramref name="select"/> reads, with their attachments' contents joined in by digest.</summary>
    private List<ConversationMessage> WithContents(string consultationId, NpgsqlCommand select)
    {
        var rows = new List<StoredMessage>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(StoredMessage.Read(reader));
            }
        }
        var content = Command("SELECT content FROM consultation_attachments WHERE consultation_id = @id AND sha256 = @sha;");
        content.Parameters["@id"].Value = consultationId;
        var contents = new Dictionary<string, string>();
        foreach (var sha256 in rows.SelectMany(r => r.Attachments.Select(a => a.Sha256)).Distinct())
        {
            content.Parameters["@sha"].Value = sha256;
            if (content.ExecuteScalar() is string found)
            {
                contents[sha256] = found;
            }
        }
        return rows.Select(r => r.With(contents)).ToList();
    }

    public void Dispose() => Disconnect();

    private static RecordedEvent? ReadOne(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadEvent(reader) : null;
    }

    private void Run(string sql) => Command(sql).ExecuteNonQuery();

    /// <summary>
    /// One command object per statement text, kept for the connection's life; Npgsql prepares each on the server once it
    /// has run a few times (Max Auto Prepare), so a batch's statements are parsed and planned once per connection.
    /// </summary>
    private NpgsqlCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                // named without the @ the statement writes: Npgsql finds "@name" under "name"
                command.Parameters.Add(new NpgsqlParameter(name[1..], DBNull.Value));
            }
            _commands[sql] = command;
        }
        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, "@[a-z_]+").Select(m => m.Value).Distinct();
}
