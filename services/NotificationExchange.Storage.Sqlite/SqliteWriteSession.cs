using System.Text.Json;
using Microsoft.Data.Sqlite;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>
/// The writer's connection and statements. One transaction per batch (BEGIN IMMEDIATE takes SQLite's write lock,
/// so sequence numbers are allocated in commit order even across processes); one savepoint per write in it.
/// </summary>
internal sealed partial class SqliteWriteSession : IGroupCommitSession
{
    private readonly SqliteConnection _connection;
    private readonly string _instanceId;
    private readonly List<LogEntry> _appended = [];
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private readonly WriterTurnstile _turnstile;
    private readonly TimeProvider _clock;
    private readonly ILeafCommitter? _committer;
    private long _nextSequence;
    private int _queuedWebhooks;

    public SqliteWriteSession(SqliteStoreSettings settings, string instanceId, TimeProvider clock, ILeafCommitter? committer)
    {
        _instanceId = instanceId;
        _clock = clock;
        _committer = committer;
        _turnstile = new WriterTurnstile(settings.DatabasePath);
        _connection = settings.OpenWriter();
    }

    public long NextSequence => _nextSequence;

    public void Begin()
    {
        _turnstile.Enter();
        try
        {
            Run("BEGIN IMMEDIATE;");
        }
        catch
        {
            _turnstile.Exit();
            throw;
        }
        _appended.Clear();
        _queuedWebhooks = 0;
        _nextSequence = (long)Command("SELECT COALESCE(MAX(sequence), 0) + 1 FROM events;").ExecuteScalar()!;
    }

    public WriteMark Mark()
    {
        Run("SAVEPOINT write;");
        return new WriteMark(_appended.Count, _nextSequence, _queuedWebhooks);
    }

    public void Release() => Run("RELEASE write;");

    public void RollbackTo(WriteMark mark)
    {
        Run("ROLLBACK TO write; RELEASE write;");
        _appended.RemoveRange(mark.Appended, _appended.Count - mark.Appended);
        _nextSequence = mark.NextSequence;
        _queuedWebhooks = mark.QueuedWebhooks;
    }

    /// <summary>A file on this machine is always reachable: a write's failure is its own.</summary>
    public bool IsUnreachable(Exception failure) => false;

    /// <summary>Commits the batch: the events it appended, and how many webhook deliveries it queued.</summary>
    public (IReadOnlyList<LogEntry> Events, int QueuedWebhooks) Commit()
    {
        try
        {
            Run("COMMIT;");
        }
        finally
        {
            _turnstile.Exit();
        }
        return (_appended.ToArray(), _queuedWebhooks);
    }

    public void Rollback()
    {
        if (!_connection.State.HasFlag(System.Data.ConnectionState.Open))
        {
            return;
        }
        try
        {
            Run("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // no transaction was open: SQLite had already rolled it back
        }
        finally
        {
            _turnstile.Exit();
        }
    }

    public RecordedEvent? GetLatest(string notificationId)
    {
        var command = Command(SqliteExchangeStore.SelectEvent + " WHERE notification_id = $id AND subject = 0 ORDER BY version DESC LIMIT 1;");
        command.Parameters["$id"].Value = notificationId;
        return ReadOne(command);
    }

    public RecordedEvent? GetVersion(string notificationId, int version)
    {
        var command = Command(SqliteExchangeStore.SelectEvent + " WHERE notification_id = $id AND version = $version AND subject = 0;");
        command.Parameters["$id"].Value = notificationId;
        command.Parameters["$version"].Value = version;
        return ReadOne(command);
    }

    public void Append(RecordedEvent recordedEvent)
    {
        var notification = recordedEvent.Notification;
        InsertLogRow(recordedEvent, SqliteExchangeStore.SubjectNotification, notification.Id, notification.Version, (int)recordedEvent.Type,
            NotificationJson.Serialize(notification), NotificationJson.Serialize(recordedEvent.Keys));
        var insert = Command("""
            INSERT INTO notifications (id, kind, filing_operator, status, first_sequence, latest_sequence, window_start, window_end)
            VALUES ($id, $kind, $operator, $status, $sequence, $sequence, $window_start, $window_end)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, latest_sequence = excluded.latest_sequence,
                window_start = excluded.window_start, window_end = excluded.window_end;
            """);
        var window = notification.Content.ActivityWindow();
        insert.Parameters["$sequence"].Value = recordedEvent.Sequence;
        insert.Parameters["$id"].Value = notification.Id;
        insert.Parameters["$kind"].Value = (int)notification.Kind;
        insert.Parameters["$operator"].Value = notification.FilingOperator;
        insert.Parameters["$status"].Value = (int)notification.Status;
        insert.Parameters["$window_start"].Value = window?.Start is { } start ? SqliteTime.ToTicks(start) : DBNull.Value;
        insert.Parameters["$window_end"].Value = window?.End is { } end ? SqliteTime.ToTicks(end) : DBNull.Value;
        insert.ExecuteNonQuery();

        // The audience in force indexed for listings: the latest version's, its parties listed anew (an audience only
        // widens, but listing what it is now keeps the index right whatever came before).
        var audience = recordedEvent.Audience;
        var scope = Command("""
            UPDATE notifications SET audience_scope = $scope, embargo_until = $until WHERE id = $id;
            DELETE FROM notification_audience WHERE notification_id = $id;
            """);
        scope.Parameters["$id"].Value = notification.Id;
        scope.Parameters["$scope"].Value = SqliteExchangeStore.AudienceScopeValue(audience);
        scope.Parameters["$until"].Value = notification.Embargo is { } embargo ? SqliteTime.ToTicks(embargo.Until) : DBNull.Value;
        scope.ExecuteNonQuery();
        var parties = Command("INSERT INTO notification_audience (organization_id, notification_id) VALUES ($party, $id);");
        parties.Parameters["$id"].Value = notification.Id;
        foreach (var party in audience.Parties ?? [])
        {
            parties.Parameters["$party"].Value = party;
            parties.ExecuteNonQuery();
        }

        var objects = Command("INSERT OR IGNORE INTO notification_objects (norad_cat_id, notification_id) VALUES ($norad, $id);");
        objects.Parameters["$id"].Value = notification.Id;
        foreach (var norad in recordedEvent.Keys.NoradCatIds)
        {
            objects.Parameters["$norad"].Value = norad;
            objects.ExecuteNonQuery();
        }
        _appended.Add(recordedEvent);
        _nextSequence++;
    }

    public void Append(ConsultationRecorded recorded)
    {
        var consultation = recorded.Consultation;
        InsertLogRow(recorded, SqliteExchangeStore.SubjectConsultation, consultation.Id, consultation.Version, (int)recorded.Type,
            NotificationJson.Serialize(recorded.Change));
        var insert = Command("""
            INSERT INTO consultations (id, requester, state, first_sequence, latest_sequence, pending_deadline)
            VALUES ($id, $requester, $state, $sequence, $sequence, $deadline)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, latest_sequence = excluded.latest_sequence,
                pending_deadline = excluded.pending_deadline;
            """);
        insert.Parameters["$sequence"].Value = recorded.Sequence;
        insert.Parameters["$id"].Value = consultation.Id;
        insert.Parameters["$requester"].Value = consultation.Requester;
        insert.Parameters["$state"].Value = (int)consultation.State;
        insert.Parameters["$deadline"].Value = consultation.PendingDeadline is { } deadline ? SqliteTime.ToTicks(deadline) : DBNull.Value;
        insert.ExecuteNonQuery();

        // The parties never change after the request: index them once.
        var parties = Command("""
            INSERT OR IGNORE INTO consultation_parties (organization_id, first_sequence, consultation_id)
            SELECT $party, first_sequence, id FROM consultations WHERE id = $id;
            """);
        parties.Parameters["$id"].Value = consultation.Id;
        if (consultation.Version == 1)
        {
            foreach (var party in consultation.Parties)
            {
                parties.Parameters["$party"].Value = party;
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
            VALUES ($sequence, $id, $version, $type, $recorded_at, $snapshot, $keys, $subject, $audience, $salt, $commitment);
            INSERT INTO outbox (sequence, instance_id, created_at) VALUES ($sequence, $instance, $recorded_at);
            """);
        insert.Parameters["$sequence"].Value = entry.Sequence;
        insert.Parameters["$id"].Value = subjectId;
        insert.Parameters["$version"].Value = version;
        insert.Parameters["$type"].Value = type;
        insert.Parameters["$recorded_at"].Value = SqliteTime.ToTicks(entry.RecordedAt);
        insert.Parameters["$snapshot"].Value = snapshot;
        insert.Parameters["$keys"].Value = matchKeys;
        insert.Parameters["$subject"].Value = subject;
        insert.Parameters["$audience"].Value = SqliteExchangeStore.AudienceValue(entry.Audience);
        insert.Parameters["$salt"].Value = (object?)commitment?.Salt ?? DBNull.Value;
        insert.Parameters["$commitment"].Value = (object?)commitment?.Commitment ?? DBNull.Value;
        insert.Parameters["$instance"].Value = _instanceId;
        insert.ExecuteNonQuery();
    }

    public LogEntry? GetConsultation(string consultationId)
    {
        var command = Command(SqliteExchangeStore.SelectEvent + " WHERE notification_id = $id AND subject = 1 ORDER BY version DESC LIMIT 1;");
        command.Parameters["$id"].Value = consultationId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteExchangeStore.ReadEntry(reader) : null;
    }

    public ConsultationRecorded? GetConsultationVersion(string consultationId, int version)
    {
        var command = Command(SqliteExchangeStore.SelectEvent + " WHERE notification_id = $id AND version = $version AND subject = 1;");
        command.Parameters["$id"].Value = consultationId;
        command.Parameters["$version"].Value = version;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteExchangeStore.ReadConsultation(reader) : null;
    }

    public IReadOnlyList<LogEntry> GetConsultationHistory(string consultationId)
    {
        var command = Command(SqliteExchangeStore.SelectEvent + " WHERE notification_id = $id AND subject = 1 ORDER BY version;");
        command.Parameters["$id"].Value = consultationId;
        using var reader = command.ExecuteReader();
        var history = new List<LogEntry>();
        while (reader.Read())
        {
            history.Add(SqliteExchangeStore.ReadEntry(reader));
        }
        return history;
    }

    public DirectLine? GetDirectLine(string directLineId)
    {
        var command = Command(SqliteExchangeStore.SelectDirectLine + " WHERE id = $id;");
        command.Parameters["$id"].Value = directLineId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteExchangeStore.ReadDirectLine(reader) : null;
    }

    public DirectLine? FindDirectLineBetween(string organizationId, string otherOrganizationId)
    {
        // the same expressions as the unique index, so that SQLite looks the pair up in it
        var command = Command(SqliteExchangeStore.SelectDirectLine
            + " WHERE min(proposed_by, counterpart) = min($a, $b) AND max(proposed_by, counterpart) = max($a, $b);");
        command.Parameters["$a"].Value = organizationId;
        command.Parameters["$b"].Value = otherOrganizationId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteExchangeStore.ReadDirectLine(reader) : null;
    }

    public void Append(DirectLineRecorded recorded)
    {
        var line = recorded.Line;
        InsertLogRow(recorded, SqliteExchangeStore.SubjectDirectLine, line.Id, line.Version, (int)recorded.Type, NotificationJson.Serialize(recorded.Change));
        var command = Command("""
            INSERT INTO direct_lines (id, proposed_by, counterpart, state, purpose, proposed_at, activated_at)
            VALUES ($id, $proposed_by, $counterpart, $state, $purpose, $proposed_at, $activated_at)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, activated_at = excluded.activated_at;
            """);
        command.Parameters["$id"].Value = line.Id;
        command.Parameters["$proposed_by"].Value = line.ProposedBy;
        command.Parameters["$counterpart"].Value = line.Counterpart;
        command.Parameters["$state"].Value = (int)line.State;
        command.Parameters["$purpose"].Value = line.Purpose;
        command.Parameters["$proposed_at"].Value = SqliteTime.ToTicks(line.ProposedAt);
        command.Parameters["$activated_at"].Value = line.ActivatedAt is { } activated ? SqliteTime.ToTicks(activated) : DBNull.Value;
        command.ExecuteNonQuery();
        _appended.Add(recorded);
        _nextSequence++;
    }

    public long LastMessageSequence(string consultationId)
    {
        var command = Command("SELECT COALESCE(MAX(sequence), 0) FROM consultation_messages WHERE consultation_id = $id;");
        command.Parameters["$id"].Value = consultationId;
        return (long)command.ExecuteScalar()!;
    }

    public IReadOnlyList<ConversationMessage> GetMessages(string consultationId)
    {
        var command = Command($"SELECT {StoredMessage.Columns} FROM consultation_messages WHERE consultation_id = $id ORDER BY sequence;");
        command.Parameters["$id"].Value = consultationId;
        return WithContents(consultationId, command);
    }

    public IReadOnlyList<ConversationReceipt> GetReceipts(string consultationId)
    {
        var command = Command(SqliteExchangeStore.SelectReceipt + " WHERE consultation_id = $id ORDER BY organization_id;");
        command.Parameters["$id"].Value = consultationId;
        using var reader = command.ExecuteReader();
        var receipts = new List<ConversationReceipt>();
        while (reader.Read())
        {
            receipts.Add(SqliteExchangeStore.ReadReceipt(reader));
        }
        return receipts;
    }

    public ConversationMessage? FindMessage(string consultationId, string fromOrganization, string clientMessageId)
    {
        var command = Command($"""
            SELECT {StoredMessage.Columns} FROM consultation_messages
            WHERE consultation_id = $id AND from_organization = $from AND client_message_id = $client;
            """);
        command.Parameters["$id"].Value = consultationId;
        command.Parameters["$from"].Value = fromOrganization;
        command.Parameters["$client"].Value = clientMessageId;
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
            VALUES ($id, $sequence, $from, $client, $sent_at, $text, $attachments);
            """);
        insert.Parameters["$id"].Value = message.ConsultationId;
        insert.Parameters["$sequence"].Value = message.Sequence;
        insert.Parameters["$from"].Value = message.FromOrganization;
        insert.Parameters["$client"].Value = message.ClientMessageId;
        insert.Parameters["$sent_at"].Value = SqliteTime.ToTicks(message.SentAt);
        insert.Parameters["$text"].Value = message.Text;
        insert.Parameters["$attachments"].Value = StoredMessage.AttachmentsColumn(message.Attachments);
        insert.ExecuteNonQuery();

        var content = Command("""
            INSERT OR IGNORE INTO consultation_attachments (consultation_id, sha256, media_type, content) VALUES ($id, $sha, $type, $content);
            """);
        content.Parameters["$id"].Value = message.ConsultationId;
        foreach (var attachment in message.Attachments)
        {
            content.Parameters["$sha"].Value = attachment.Sha256;
            content.Parameters["$type"].Value = attachment.MediaType;
            content.Parameters["$content"].Value = attachment.Content;
            content.ExecuteNonQuery();
        }
    }

    public ConversationReceipt MoveReceipt(ConversationReceipt receipt)
    {
        // Positions only move forward, and delivery is never behind reading; the time changes only when one moved.
        var command = Command($"""
            INSERT INTO consultation_receipts (consultation_id, organization_id, delivered_through, read_through, updated_at)
            VALUES ($id, $organization, MAX($delivered, $read), $read, $updated_at)
            ON CONFLICT (consultation_id, organization_id) DO UPDATE SET
                delivered_through = MAX(delivered_through, excluded.delivered_through),
                read_through = MAX(read_through, excluded.read_through),
                updated_at = CASE WHEN excluded.delivered_through > delivered_through OR excluded.read_through > read_through
                    THEN excluded.updated_at ELSE updated_at END
            RETURNING consultation_id, organization_id, delivered_through, read_through, updated_at;
            """);
        command.Parameters["$id"].Value = receipt.ConsultationId;
        command.Parameters["$organization"].Value = receipt.OrganizationId;
        command.Parameters["$delivered"].Value = receipt.DeliveredThrough;
        command.Parameters["$read"].Value = receipt.ReadThrough;
        command.Parameters["$updated_at"].Value = SqliteTime.ToTicks(receipt.UpdatedAt);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? SqliteExchangeStore.ReadReceipt(reader)
            : throw new InvalidOperationException($"the receipt of {receipt.OrganizationId} in {receipt.ConsultationId} was not stored");
    }

    public void SaveAttachment(string notificationId, Attachment attachment, AttachmentInfo info)
    {
        var command = Command("""
            INSERT OR IGNORE INTO attachments (notification_id, sha256, media_type, content) VALUES ($id, $sha, $type, $content);
            """);
        command.Parameters["$id"].Value = notificationId;
        command.Parameters["$sha"].Value = info.Sha256;
        command.Parameters["$type"].Value = attachment.MediaType;
        command.Parameters["$content"].Value = attachment.Content;
        command.ExecuteNonQuery();
    }

    public IdempotencyRecord? FindRequest(string operatorId, string requestId)
    {
        var command = Command("SELECT fingerprint, notification_id, version FROM requests WHERE operator_id = $operator AND request_id = $request;");
        command.Parameters["$operator"].Value = operatorId;
        command.Parameters["$request"].Value = requestId;
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new IdempotencyRecord(operatorId, requestId, (byte[])reader.GetValue(0), reader.GetString(1), reader.GetInt32(2))
            : null;
    }

    public void RecordRequest(IdempotencyRecord record)
    {
        var command = Command("""
            INSERT INTO requests (operator_id, request_id, fingerprint, notification_id, version)
            VALUES ($operator, $request, $fingerprint, $id, $version);
            """);
        command.Parameters["$operator"].Value = record.OperatorId;
        command.Parameters["$request"].Value = record.RequestId;
        command.Parameters["$fingerprint"].Value = record.Fingerprint;
        command.Parameters["$id"].Value = record.NotificationId;
        command.Parameters["$version"].Value = record.Version;
        command.ExecuteNonQuery();
    }

    public Subscription? FindSubscription(string subscriptionId)
    {
        var command = Command(SqliteExchangeStore.SelectSubscription + " WHERE id = $id;");
        command.Parameters["$id"].Value = subscriptionId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteExchangeStore.ReadSubscription(reader) : null;
    }

    public long Acknowledge(string subscriptionId, long sequence)
    {
        var command = Command("""
            UPDATE subscriptions SET acknowledged_sequence = MAX(acknowledged_sequence, $sequence) WHERE id = $id
            RETURNING acknowledged_sequence;
            """);
        command.Parameters["$id"].Value = subscriptionId;
        command.Parameters["$sequence"].Value = sequence;
        return command.ExecuteScalar() is long stored
            ? stored
            : throw new InvalidOperationException($"subscription {subscriptionId} vanished inside the write transaction");
    }

    public void MarkPublished(IReadOnlyCollection<long> sequences)
    {
        var command = Command("DELETE FROM outbox WHERE sequence = $sequence;");
        foreach (var sequence in sequences)
        {
            command.Parameters["$sequence"].Value = sequence;
            command.ExecuteNonQuery();
        }
    }

    public int QueueWebhooks(string organizationId, IReadOnlyList<ContactRole> roles, string eventKind, string payloadJson, string dedupKey)
    {
        // Receivers are promised JSON: a caller's mistake must fail its write, not reach them.
        using (JsonDocument.Parse(payloadJson))
        {
        }
        var find = Command("SELECT contacts FROM operators WHERE id = $organization;");
        find.Parameters["$organization"].Value = organizationId;
        if (find.ExecuteScalar() is not string contacts)
        {
            return 0;
        }
        var insert = Command("""
            INSERT OR IGNORE INTO webhook_deliveries
                (id, organization_id, contact_role, url, event_kind, payload, dedup_key, created_at, attempts, next_attempt_at)
            VALUES ($id, $organization, $role, $url, $kind, $payload, $dedup, $now, 0, $now);
            """);
        insert.Parameters["$organization"].Value = organizationId;
        insert.Parameters["$kind"].Value = eventKind;
        insert.Parameters["$payload"].Value = payloadJson;
        insert.Parameters["$dedup"].Value = dedupKey;
        insert.Parameters["$now"].Value = SqliteTime.ToTicks(_clock.GetUtcNow().UtcDateTime);
        var queued = 0;
        foreach (var contact in NotificationJson.DeserializeContactPoints(contacts))
        {
            if (contact.WebhookUrl is { } url && roles.Contains(contact.Role))
            {
                insert.Parameters["$id"].Value = Guid.NewGuid().ToString();
                insert.Parameters["$role"].Value = (int)contact.Role;
                insert.Parameters["$url"].Value = url;
                queued += insert.ExecuteNonQuery();
            }
        }
        _queuedWebhooks += queued;
        return queued;
    }

    public IReadOnlyList<WebhookDelivery> ClaimWebhooks(string leaseHolder, DateTime now, DateTime leasedUntil, int maxCount)
    {
        var claim = Command($"""
            UPDATE webhook_deliveries SET attempts = attempts + 1, leased_by = $holder, leased_until = $until
            WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE next_attempt_at <= $now AND (leased_until IS NULL OR leased_until <= $now)
                ORDER BY next_attempt_at, created_at LIMIT $limit)
            RETURNING {SqliteExchangeStore.WebhookDeliveryColumns};
            """);
        claim.Parameters["$holder"].Value = leaseHolder;
        claim.Parameters["$until"].Value = SqliteTime.ToTicks(leasedUntil);
        claim.Parameters["$now"].Value = SqliteTime.ToTicks(now);
        claim.Parameters["$limit"].Value = maxCount;
        var claimed = new List<WebhookDelivery>();
        using (var reader = claim.ExecuteReader())
        {
            while (reader.Read())
            {
                claimed.Add(SqliteExchangeStore.ReadWebhookDelivery(reader));
            }
        }
        // RETURNING gives rows in no particular order
        return [.. claimed.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.CreatedAt)];
    }

    public bool RecordWebhookAttempt(WebhookAttempt attempt, DateTime? retryAt)
    {
        var insert = Command("""
            INSERT INTO webhook_attempts (delivery_id, attempt, instance_id, started_at, finished_at, status_code, error)
            VALUES ($id, $attempt, $instance, $started, $finished, $status, $error);
            """);
        insert.Parameters["$id"].Value = attempt.DeliveryId;
        insert.Parameters["$attempt"].Value = attempt.Attempt;
        insert.Parameters["$instance"].Value = attempt.InstanceId;
        insert.Parameters["$started"].Value = SqliteTime.ToTicks(attempt.StartedAt);
        insert.Parameters["$finished"].Value = SqliteTime.ToTicks(attempt.FinishedAt);
        insert.Parameters["$status"].Value = (object?)attempt.StatusCode ?? DBNull.Value;
        insert.Parameters["$error"].Value = (object?)attempt.Error ?? DBNull.Value;
        insert.ExecuteNonQuery();

        // Only the holder of this very attempt's lease decides what becomes of the delivery: after its lease ended,
        // another instance may have claimed a later attempt.
        var update = Command("""
            UPDATE webhook_deliveries SET leased_by = NULL, leased_until = NULL, last_status_code = $status, last_error = $error,
                next_attempt_at = $next, delivered_at = $delivered, given_up_at = $given_up
            WHERE id = $id AND attempts = $attempt AND leased_by = $instance AND delivered_at IS NULL AND given_up_at IS NULL;
            """);
        var finished = SqliteTime.ToTicks(attempt.FinishedAt);
        update.Parameters["$id"].Value = attempt.DeliveryId;
        update.Parameters["$attempt"].Value = attempt.Attempt;
        update.Parameters["$instance"].Value = attempt.InstanceId;
        update.Parameters["$status"].Value = (object?)attempt.StatusCode ?? DBNull.Value;
        update.Parameters["$error"].Value = (object?)attempt.Error ?? DBNull.Value;
        update.Parameters["$next"].Value = !attempt.Delivered && retryAt is { } next ? SqliteTime.ToTicks(next) : DBNull.Value;
        update.Parameters["$delivered"].Value = attempt.Delivered ? finished : DBNull.Value;
        update.Parameters["$given_up"].Value = !attempt.Delivered && retryAt is null ? finished : DBNull.Value;
        return update.ExecuteNonQuery() == 1;
    }

    /// <summary>The messages <paramref name="select"/> reads, with their attachments' contents joined in by digest.</summary>
    private List<ConversationMessage> WithContents(string consultationId, SqliteCommand select)
    {
        var rows = new List<StoredMessage>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(StoredMessage.Read(reader));
            }
        }
        var content = Command("SELECT content FROM consultation_attachments WHERE consultation_id = $id AND sha256 = $sha;");
        content.Parameters["$id"].Value = consultationId;
        var contents = new Dictionary<string, string>();
        foreach (var sha256 in rows.SelectMany(r => r.Attachments.Select(a => a.Sha256)).Distinct())
        {
            content.Parameters["$sha"].Value = sha256;
            if (content.ExecuteScalar() is string found)
            {
                contents[sha256] = found;
            }
        }
        return rows.Select(r => r.With(contents)).ToList();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _connection.Dispose();
        _turnstile.Dispose();
    }

    private static RecordedEvent? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteExchangeStore.ReadEvent(reader) : null;
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One command object per statement text, kept for the connection's life so SQLite prepares it once.</summary>
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
            _commands[sql] = command;
        }
        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z_]+").Select(m => m.Value).Distinct();
}
