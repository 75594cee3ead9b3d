using System.Text;
using System.Text.Json;
using Npgsql;
using Microsoft.Extensions.Logging;
using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Domain.Webhooks;
using NotificationExchange.Storage.Postgres.Migrations;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The read side of the PostgreSQL store, and the rare writes (operators, subscriptions, webhook secrets) that need no
/// group commit. Readers use pooled connections and never wait for the writer (MVCC); the rare writes take the log
/// writer's lock first, as they take SQLite's write lock on the other store, so that every write transaction is
/// serialised with the log's commits.
/// </summary>
public sealed partial class PostgresExchangeStore : INotificationLog, IOutbox, IOperatorDirectory, ICredentialStore, ISubscriptionStore, IConsultationLog, IWebhookStore
{
    internal const string SelectEvent = "SELECT sequence, event_type, recorded_at, snapshot, match_keys, notification_id, version, subject, audience FROM events";
    internal const string SelectSubscription = "SELECT id, owner, name, filter, acknowledged_sequence, created_at FROM subscriptions";
    // what an account reads back as, and is written with; its keys are rows of api_keys
    private const string OperatorReadColumns = "id, display_name, kind, country, contacts, is_admin, created_at, updated_at";
    private const string SelectOperator = $"SELECT {OperatorReadColumns} FROM operators";
    private const string OperatorValues = "@id, @name, @kind, @country, @contacts, @admin, @created, @updated";
    internal const string WebhookDeliveryColumns = """
        id, organization_id, contact_role, url, event_kind, payload, dedup_key, created_at, attempts, next_attempt_at,
        leased_until, leased_by, last_status_code, last_error, delivered_at, given_up_at
        """;

    private readonly ILogger<PostgresExchangeStore> _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _reportedUnreadable = new();

    /// <summary>Opens the database, creating it or bringing its schema up to date first.</summary>
    public PostgresExchangeStore(PostgresStoreSettings settings, ILogger<PostgresExchangeStore> logger)
    {
        _logger = logger;
        Settings = settings;
        using var connection = settings.OpenPooled();
        var version = PostgresMigrator.Migrate(connection, PostgresMigrations.All, settings.Database, logger);
        using var storeId = Command(connection, "SELECT value FROM store_info WHERE key = 'store_id';");
        StoreId = Guid.Parse((string)storeId.ExecuteScalar()!);
        logger.LogInformation("Store: PostgreSQL database {Database} on {Server} (store id {StoreId}, schema version {Version})",
            settings.Database, settings.Server, StoreId, version);
    }

    public Guid StoreId { get; }

    /// <summary>The settings every connection to this database is opened with.</summary>
    public PostgresStoreSettings Settings { get; }

    public async Task<long> GetHeadSequenceAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT COALESCE(MAX(sequence), 0) FROM events;", [], reader => reader.GetInt64(0), cancellationToken)).Single();

    public Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        ReadEntriesAsync(SelectEvent + " WHERE sequence > @after ORDER BY sequence LIMIT @limit;",
            [("@after", afterSequence), ("@limit", maxCount)], cancellationToken);

    public Task<IReadOnlyList<LogEntry>> ReadRangeAsync(long fromSequence, long toSequence, CancellationToken cancellationToken) =>
        ReadEntriesAsync(SelectEvent + " WHERE sequence BETWEEN @from AND @to ORDER BY sequence;",
            [("@from", fromSequence), ("@to", toSequence)], cancellationToken);

    public async Task<RecordedEvent?> GetLatestAsync(string notificationId, CancellationToken cancellationToken) =>
        (await ReadEventsAsync(SelectEvent + " WHERE notification_id = @id AND subject = 0 ORDER BY version DESC LIMIT 1;", [("@id", notificationId)], cancellationToken))
        .SingleOrDefault();

    public async Task<RecordedEvent?> GetVersionAsync(string notificationId, int version, CancellationToken cancellationToken) =>
        (await ReadEventsAsync(SelectEvent + " WHERE notification_id = @id AND version = @version AND subject = 0;", [("@id", notificationId), ("@version", version)], cancellationToken))
        .SingleOrDefault();

    public async Task<LogEntry?> GetLatestEntryAsync(string notificationId, CancellationToken cancellationToken) =>
        (await ReadEntriesAsync(SelectEvent + " WHERE notification_id = @id AND subject = 0 ORDER BY version DESC LIMIT 1;", [("@id", notificationId)], cancellationToken))
        .SingleOrDefault();

    public Task<IReadOnlyList<LogEntry>> GetHistoryAsync(string notificationId, CancellationToken cancellationToken) =>
        ReadEntriesAsync(SelectEvent + " WHERE notification_id = @id AND subject = 0 ORDER BY version;", [("@id", notificationId)], cancellationToken);

    public async Task<NotificationPage> QueryAsync(NotificationQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT e.snapshot, n.first_sequence, n.id, e.sequence FROM notifications n JOIN events e ON e.sequence = n.latest_sequence WHERE 1 = 1");
        var parameters = new List<(string, object)>();
        if (query.Kinds.Count > 0)
        {
            sql.Append($" AND n.kind IN ({string.Join(", ", query.Kinds.Select(k => (int)k))})");
        }
        if (query.Statuses.Count > 0)
        {
            sql.Append($" AND n.status IN ({string.Join(", ", query.Statuses.Select(s => (int)s))})");
        }
        if (query.NoradCatId is { } norad)
        {
            sql.Append(" AND n.id IN (SELECT notification_id FROM notification_objects WHERE norad_cat_id = @norad)");
            parameters.Add(("@norad", norad));
        }
        if (query.FilingOperator is { } filingOperator)
        {
            sql.Append(" AND n.filing_operator = @operator");
            parameters.Add(("@operator", filingOperator));
        }
        if (query.ActiveFrom is { } from)
        {
            sql.Append(" AND n.window_end >= @from");
            parameters.Add(("@from", PostgresTime.ToTicks(from)));
        }
        if (query.ActiveTo is { } to)
        {
            sql.Append(" AND n.window_start <= @to");
            parameters.Add(("@to", PostgresTime.ToTicks(to)));
        }
        // The one audience check, made in the query so that pages are full of what the reader may see: public
        // notifications to anyone, registered ones to any organisation, the others to their parties.
        if (query.ForTheExchange)
        {
            // the exchange's own work reads every notification
        }
        else if (query.ReaderId is { } readerId)
        {
            sql.Append(" AND (n.audience_scope < 2 OR EXISTS (SELECT 1 FROM notification_audience a WHERE a.organization_id = @reader AND a.notification_id = n.id))");
            parameters.Add(("@reader", readerId));
        }
        else
        {
            sql.Append(" AND n.audience_scope = 0");
        }
        if (query.BeforeFirstSequence is { } before)
        {
            sql.Append(" AND n.first_sequence < @before");
            parameters.Add(("@before", before));
        }
        sql.Append(" ORDER BY n.first_sequence DESC LIMIT @limit;");
        parameters.Add(("@limit", query.PageSize + 1));

        var rows = await ReadAsync(sql.ToString(), parameters, reader => (Snapshot: reader.GetString(0), FirstSequence: reader.GetInt64(1), Id: reader.GetString(2), Sequence: reader.GetInt64(3)), cancellationToken);
        var notifications = new List<Notification>();
        foreach (var row in rows.Take(query.PageSize))
        {
            try
            {
                notifications.Add(NotificationJson.DeserializeNotification(row.Snapshot));
            }
            catch (JsonException e)
            {
                // One unreadable snapshot must not fail the listing for everyone: leave it out, and say so.
                ReportUnreadable(row.Sequence, $"the latest snapshot of {row.Id} cannot be read back ({e.Message}); listings leave it out");
            }
        }
        return new NotificationPage(notifications, rows.Count > query.PageSize ? rows[query.PageSize - 1].FirstSequence : null);
    }

    public async Task<DueEmbargoes> GetDueEmbargoesAsync(DateTime dueBy, int maxCount, CancellationToken cancellationToken)
    {
        var (due, next) = await ReadDueAsync("notifications", "embargo_until", dueBy, maxCount, cancellationToken);
        return new DueEmbargoes(due, next);
    }

    public async Task<string?> GetAttachmentContentAsync(string notificationId, string sha256, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT content FROM attachments WHERE notification_id = @id AND sha256 = @sha;",
            [("@id", notificationId), ("@sha", sha256)], reader => reader.GetString(0), cancellationToken)).SingleOrDefault();

    public async Task<RememberedRequest?> FindRequestAsync(string operatorId, string requestId, CancellationToken cancellationToken) =>
        (await ReadAsync("""
            SELECT e.sequence, e.event_type, e.recorded_at, e.snapshot, e.match_keys, e.notification_id, e.version, e.subject, e.audience, r.fingerprint
            FROM requests r JOIN events e ON e.notification_id = r.notification_id AND e.version = r.version
            WHERE r.operator_id = @operator AND r.request_id = @request AND e.subject = 0;
            """,
            [("@operator", operatorId), ("@request", requestId)],
            reader => new RememberedRequest((byte[])reader.GetValue(9), ReadEvent(reader)),
            cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<LogEntry>> ReadPendingAsync(string instanceId, DateTime takeOverBefore, int maxCount, CancellationToken cancellationToken) =>
        ReadEntriesAsync(
            SelectEvent + " WHERE sequence IN (SELECT sequence FROM outbox WHERE instance_id = @instance OR created_at < @orphaned ORDER BY sequence LIMIT @limit) ORDER BY sequence;",
            [("@instance", instanceId), ("@orphaned", PostgresTime.ToTicks(takeOverBefore)), ("@limit", maxCount)],
            cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT COUNT(*) FROM outbox;", [], reader => reader.GetInt32(0), cancellationToken)).Single();

    public async Task<OperatorAccount?> GetAsync(string operatorId, CancellationToken cancellationToken) =>
        (await ReadOperatorsAsync(SelectOperator + " WHERE id = @id;", [("@id", operatorId)], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<OperatorAccount>> ListAsync(CancellationToken cancellationToken) =>
        ReadOperatorsAsync(SelectOperator + " ORDER BY id;", [], cancellationToken);

    public async Task CreateAsync(OperatorAccount account, ApiKey firstKey, byte[] keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO operators ({OperatorReadColumns}) VALUES ({OperatorValues});", OperatorParameters(account), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ExchangeRuleException(RuleViolationKind.AlreadyExists, $"operator {account.Id} already exists");
        }
        await InsertKeyAsync(connection, transaction, firstKey, keyHash, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>?> ReplaceKeyAsync(ApiKey key, byte[] keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (await ReadAsync(connection, transaction, "SELECT 1 FROM operators WHERE id = @id;", [("@id", key.OperatorId)], _ => 1, cancellationToken) is [])
        {
            return null;
        }
        var revoked = await RevokeOtherKeysAsync(connection, transaction, key.OperatorId, null, key.CreatedAt, cancellationToken);
        await InsertKeyAsync(connection, transaction, key, keyHash, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    public async Task<IReadOnlyList<string>> EnsureAdministratorAsync(OperatorAccount account, ApiKey key, byte[] keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO operators ({OperatorReadColumns}) VALUES ({OperatorValues})
            ON CONFLICT (id) DO UPDATE SET is_admin = 1;
            """, OperatorParameters(account), cancellationToken);
        // the configured key, usable again and labelled as configured, wherever it was before
        var kept = await ReadAsync(connection, transaction, """
            UPDATE api_keys SET revoked_at = NULL, expires_at = NULL, label = @label
            WHERE key_hash = @hash AND operator_id = @operator RETURNING id;
            """, [("@hash", keyHash), ("@operator", account.Id), ("@label", (object?)key.Label ?? DBNull.Value)], r => r.GetString(0), cancellationToken);
        var current = kept is [var id] ? id : key.Id;
        if (kept is [])
        {
            await InsertKeyAsync(connection, transaction, key, keyHash, null, cancellationToken);
        }
        var revoked = await RevokeOtherKeysAsync(connection, transaction, account.Id, key.Label, key.CreatedAt, cancellationToken, except: current);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    public async Task<OperatorAccount?> UpdateProfileAsync(string operatorId, OrganizationProfile profile, DateTime updatedAt, CancellationToken cancellationToken) =>
        (await ReadOperatorsAsync(
            $"""
            UPDATE operators SET display_name = @name, kind = @kind, country = @country, contacts = @contacts, updated_at = @updated
            WHERE id = @id
            RETURNING {OperatorReadColumns};
            """,
            [("@id", operatorId), .. ProfileParameters(profile), ("@updated", PostgresTime.ToTicks(updatedAt))],
            cancellationToken)).SingleOrDefault();

    public async Task<DirectoryPage> ListDirectoryAsync(DirectoryQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(SelectOperator).Append(" WHERE 1 = 1");
        var parameters = new List<(string, object)>();
        if (query.Kinds.Count > 0)
        {
            sql.Append($" AND kind IN ({string.Join(", ", query.Kinds.Select(k => (int)k))})");
        }
        if (query.Country is { } country)
        {
            sql.Append(" AND country = @country");
            parameters.Add(("@country", country));
        }
        if (query.AfterId is { } afterId)
        {
            sql.Append(" AND id > @after");
            parameters.Add(("@after", afterId));
        }
        sql.Append(" ORDER BY id LIMIT @limit;");
        parameters.Add(("@limit", query.PageSize + 1));
        var accounts = await ReadOperatorsAsync(sql.ToString(), parameters, cancellationToken);
        return accounts.Count > query.PageSize
            ? new DirectoryPage(accounts.Take(query.PageSize).ToArray(), accounts[query.PageSize - 1].Id)
            : new DirectoryPage(accounts, null);
    }

    /// <summary>
    /// The id is a fresh GUID, so a row already holding it can only be this insert's own, committed by a first attempt
    /// whose answer a dead connection lost before <see cref="ExecuteAsync(string, IEnumerable{ValueTuple{string, object}}, CancellationToken)"/>
    /// ran it again: the second attempt does nothing rather than fail on the key (which answered INTERNAL to a
    /// subscription that had been created).
    /// </summary>
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            INSERT INTO subscriptions (id, owner, name, filter, acknowledged_sequence, created_at)
            VALUES (@id, @owner, @name, @filter, @acknowledged, @created)
            ON CONFLICT (id) DO NOTHING;
            """,
            [
                ("@id", subscription.Id), ("@owner", subscription.OwnerOperatorId), ("@name", subscription.Name),
                ("@filter", NotificationJson.Serialize(subscription.Filter)), ("@acknowledged", subscription.AcknowledgedSequence),
                ("@created", PostgresTime.ToTicks(subscription.CreatedAt)),
            ],
            cancellationToken);

    async Task<Subscription?> ISubscriptionStore.GetAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var found = await ReadSubscriptionsAsync(SelectSubscription + " WHERE id = @id;", [("@id", subscriptionId)], cancellationToken);
        return found.SingleOrDefault();
    }

    public Task<IReadOnlyList<Subscription>> ListByOwnerAsync(string ownerOperatorId, CancellationToken cancellationToken) =>
        ReadSubscriptionsAsync(SelectSubscription + " WHERE owner = @owner ORDER BY created_at, id;", [("@owner", ownerOperatorId)], cancellationToken);

    public async Task<bool> DeleteAsync(string subscriptionId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM subscriptions WHERE id = @id;", [("@id", subscriptionId)], cancellationToken) == 1;

    public async Task<DateTime?> GetNextWebhookDueAsync(CancellationToken cancellationToken)
    {
        // A delivery another instance holds comes due again when its lease ends (that instance may have stopped).
        var due = await ReadAsync("SELECT MIN(GREATEST(next_attempt_at, COALESCE(leased_until, 0))) FROM webhook_deliveries WHERE next_attempt_at IS NOT NULL;",
            [], reader => reader.IsDBNull(0) ? (DateTime?)null : PostgresTime.FromTicks(reader.GetInt64(0)), cancellationToken);
        return due.Single();
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListWebhookDeliveriesAsync(string organizationId, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {WebhookDeliveryColumns} FROM webhook_deliveries WHERE organization_id = @organization ORDER BY created_at, rowid;",
            [("@organization", organizationId)], ReadWebhookDelivery, cancellationToken);

    public Task<IReadOnlyList<WebhookAttempt>> ListWebhookAttemptsAsync(string deliveryId, CancellationToken cancellationToken) =>
        ReadAsync("""
            SELECT delivery_id, attempt, instance_id, started_at, finished_at, status_code, error
            FROM webhook_attempts WHERE delivery_id = @id ORDER BY attempt;
            """,
            [("@id", deliveryId)],
            reader => new WebhookAttempt(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2), PostgresTime.FromTicks(reader.GetInt64(3)), PostgresTime.FromTicks(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)),
            cancellationToken);

    public async Task<bool> ReplaceWebhookSecretAsync(string organizationId, string secret, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE operators SET webhook_secret = @secret WHERE id = @id;", [("@id", organizationId), ("@secret", secret)], cancellationToken) == 1;

    public async Task<string?> GetWebhookSecretAsync(string organizationId, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT webhook_secret FROM operators WHERE id = @id AND webhook_secret IS NOT NULL;",
            [("@id", organizationId)], reader => reader.GetString(0), cancellationToken)).SingleOrDefault();

    /// <summary>A delivery as stored, from the columns <see cref="WebhookDeliveryColumns"/> names, in that order.</summary>
    internal static WebhookDelivery ReadWebhookDelivery(NpgsqlDataReader reader)
    {
        DateTime? Time(int column) => reader.IsDBNull(column) ? null : PostgresTime.FromTicks(reader.GetInt64(column));
        return new WebhookDelivery(
            reader.GetString(0),
            reader.GetString(1),
            (ContactRole)reader.GetInt32(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6),
            PostgresTime.FromTicks(reader.GetInt64(7)),
            reader.GetInt32(8),
            Time(9),
            Time(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.IsDBNull(12) ? null : reader.GetInt32(12),
            reader.IsDBNull(13) ? null : reader.GetString(13),
            Time(14),
            Time(15));
    }

    /// <summary>The <c>events.subject</c> of a notification's row (every row before migration 4 is one).</summary>
    internal const int SubjectNotification = 0;

    /// <summary>
    /// An entry of the log as stored, or an <see cref="UnreadableEvent"/> in its place when its snapshot or match keys
    /// cannot be read back, or the snapshot does not belong to its row. Never throws for what the row holds.
    /// </summary>
    internal static LogEntry ReadEntry(NpgsqlDataReader reader)
    {
        switch (reader.GetInt32(7))
        {
            case SubjectConsultation:
                return ReadConsultationEntry(reader);
            case SubjectDirectLine:
                return ReadDirectLineEntry(reader);
            case SubjectAlert:
                return ReadAlertEntry(reader);
        }
        var sequence = reader.GetInt64(0);
        var type = (NotificationEventType)reader.GetInt32(1);
        var recordedAt = PostgresTime.FromTicks(reader.GetInt64(2));
        var notificationId = reader.GetString(5);
        var version = reader.GetInt32(6);
        var audience = ReadNotificationAudience(reader);
        MatchKeys? keys = null;
        try
        {
            keys = NotificationJson.DeserializeMatchKeys(reader.GetString(4));
            var notification = NotificationJson.DeserializeNotification(reader.GetString(3));
            if (notification.Id != notificationId || notification.Version != version || notification.Sequence != sequence)
            {
                return new UnreadableEvent(sequence, type, recordedAt, notificationId, version, keys,
                    $"its snapshot is of {notification.Id} version {notification.Version} at sequence {notification.Sequence}") { StoredAudience = audience };
            }
            // The audience column is what was fixed at the write; the snapshot must say the same, or the entry is
            // told (as unreadable) only to those the column admits.
            var recorded = new RecordedEvent(sequence, type, recordedAt, notification, keys);
            return SameAudience(recorded.Audience, audience)
                ? recorded
                : new UnreadableEvent(sequence, type, recordedAt, notificationId, version, keys, "its snapshot's audience is not the one stored beside it") { StoredAudience = audience };
        }
        catch (JsonException e)
        {
            return new UnreadableEvent(sequence, type, recordedAt, notificationId, version, keys, e.Message) { StoredAudience = audience };
        }
    }

    private static bool SameAudience(EventAudience a, EventAudience b) =>
        a.IsPublic == b.IsPublic && a.IsRegistered == b.IsRegistered && (a.Parties ?? []).SequenceEqual(b.Parties ?? [], StringComparer.Ordinal);

    /// <summary>The event of one version of a notification as stored; DATA_LOSS when it cannot be read back.</summary>
    internal static RecordedEvent ReadEvent(NpgsqlDataReader reader) => ReadEntry(reader) switch
    {
        RecordedEvent recorded => recorded,
        { IsReadable: false } unreadable => throw ExchangeRuleException.Unreadable(unreadable),
        var other => throw new InvalidOperationException($"unexpected log entry {other.GetType().Name}"),
    };

    internal static Subscription ReadSubscription(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        NotificationJson.DeserializeFilter(reader.GetString(3)),
        reader.GetInt64(4),
        PostgresTime.FromTicks(reader.GetInt64(5)));

    private static (string, object)[] OperatorParameters(OperatorAccount account) =>
    [
        ("@id", account.Id), .. ProfileParameters(account.Profile),
        ("@admin", account.IsAdministrator ? 1 : 0), ("@created", PostgresTime.ToTicks(account.CreatedAt)),
        ("@updated", PostgresTime.ToTicks(account.UpdatedAt)),
    ];

    private static (string, object)[] ProfileParameters(OrganizationProfile profile) =>
    [
        ("@name", profile.DisplayName), ("@kind", (int)profile.Kind), ("@country", (object?)profile.Country ?? DBNull.Value),
        ("@contacts", NotificationJson.Serialize(profile.Contacts)),
    ];

    private Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string sql, IEnumerable<(string, object)> parameters, CancellationToken cancellationToken) =>
        ReadAsync(sql, parameters, ReadEvent, cancellationToken);

    private async Task<IReadOnlyList<LogEntry>> ReadEntriesAsync(string sql, IEnumerable<(string, object)> parameters, CancellationToken cancellationToken)
    {
        var entries = await ReadAsync(sql, parameters, ReadEntry, cancellationToken);
        foreach (var unreadable in entries.OfType<UnreadableEvent>())
        {
            ReportUnreadable(unreadable.Sequence, $"{unreadable}; it is passed on as unreadable");
        }
        return entries;
    }

    /// <summary>Logs an entry that cannot be read back, once per entry and process: every replay, gap fill and listing meets it again.</summary>
    private void ReportUnreadable(long sequence, string what)
    {
        if (_reportedUnreadable.TryAdd(sequence, 0))
        {
            _logger.LogError("Log entry {Sequence}: {What}", sequence, what);
        }
    }

    private Task<IReadOnlyList<Subscription>> ReadSubscriptionsAsync(string sql, IEnumerable<(string, object)> parameters, CancellationToken cancellationToken) =>
        ReadAsync(sql, parameters, ReadSubscription, cancellationToken);

    private Task<IReadOnlyList<OperatorAccount>> ReadOperatorsAsync(string sql, IEnumerable<(string, object)> parameters, CancellationToken cancellationToken) =>
        ReadAsync(sql, parameters, reader => ReadOperator(reader, 0), cancellationToken);

    /// <summary>An account from the columns <see cref="OperatorReadColumns"/> names, in that order, from <paramref name="first"/> on.</summary>
    private static OperatorAccount ReadOperator(NpgsqlDataReader reader, int first) => new(
        reader.GetString(first),
        new OrganizationProfile(
            reader.GetString(first + 1),
            (OrganizationKind)reader.GetInt32(first + 2),
            reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
            NotificationJson.DeserializeContactPoints(reader.GetString(first + 4))),
        reader.GetInt32(first + 5) == 1,
        PostgresTime.FromTicks(reader.GetInt64(first + 6)),
        PostgresTime.FromTicks(reader.GetInt64(first + 7)));

    /// <summary>
    /// Runs a statement on a pooled connection and reads its rows. A statement that meets a dead connection (the
    /// server restarted, or dropped it) empties the pool, whose other idle connections are as dead, and runs once more
    /// on a new one: reads and the single-statement writes that come here are idempotent (a write may have committed
    /// before the connection died, so each is written to have the same effect and answer when run twice). A second failure is the
    /// caller's, as <see cref="NpgsqlException"/> with IsTransient set, which the host answers UNAVAILABLE.
    /// </summary>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        string sql, IEnumerable<(string, object)> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var listed = parameters as IReadOnlyCollection<(string, object)> ?? parameters.ToArray();
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await ReadAsync(connection, null, sql, listed, read, cancellationToken);
        }
        catch (NpgsqlException e) when (e.IsTransient && !cancellationToken.IsCancellationRequested)
        {
            Settings.ClearPool();
            await using var connection = await OpenAsync(cancellationToken);
            return await ReadAsync(connection, null, sql, listed, read, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string sql, IEnumerable<(string, object)> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>A single-statement write on a pooled connection, run again once on a dead connection as reads are (see <see cref="ReadAsync{T}(string, IEnumerable{ValueTuple{string, object}}, Func{NpgsqlDataReader, T}, CancellationToken)"/>).</summary>
    private async Task<int> ExecuteAsync(string sql, IEnumerable<(string, object)> parameters, CancellationToken cancellationToken)
    {
        var listed = parameters as IReadOnlyCollection<(string, object)> ?? parameters.ToArray();
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await ExecuteAsync(connection, null, sql, listed, cancellationToken);
        }
        catch (NpgsqlException e) when (e.IsTransient && !cancellationToken.IsCancellationRequested)
        {
            Settings.ClearPool();
            await using var connection = await OpenAsync(cancellationToken);
            return await ExecuteAsync(connection, null, sql, listed, cancellationToken);
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string sql, IEnumerable<(string, object)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => Settings.OpenPooledAsync(cancellationToken);

    /// <summary>
    /// A transaction of the rare writes outside the log writer, holding the writer's lock (<see cref="PostgresWriteSession.LockKey"/>)
    /// from its start: serialised with the log's commits and with each other, as SQLite's write lock serialises them.
    /// </summary>
    private static async Task<NpgsqlTransaction> BeginWriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await using var lockCommand = Command(connection, $"SELECT pg_advisory_xact_lock({PostgresWriteSession.LockKey});");
            lockCommand.Transaction = transaction;
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            // named without the @ the statement writes: Npgsql finds "@name" under "name"
            command.Parameters.AddWithValue(name.TrimStart('@'), value);
        }
        return command;
    }
}
