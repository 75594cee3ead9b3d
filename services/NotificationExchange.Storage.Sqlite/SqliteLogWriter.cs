using Microsoft.Extensions.Logging;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>
/// The SQLite store's group commit (<see cref="GroupCommitLogWriter"/>) on one unpooled connection; instances sharing
/// the file take turns through its write lock (<see cref="SqliteWriteSession"/>).
/// </summary>
public sealed class SqliteLogWriter(
    SqliteExchangeStore store,
    ExchangeInstance instance,
    CommittedEvents committed,
    WebhookQueueSignal webhooksQueued,
    ExchangeMetrics metrics,
    TimeProvider clock,
    ILogger<SqliteLogWriter> logger,
    ILeafCommitter? committer = null)
    // Taking the store, not its settings alone, makes sure its schema is migrated before the first write. Without a
    // committer (the transparency log switched off, or a host without it) entries are stored uncommitted.
    : GroupCommitLogWriter(
        new SqliteWriteSession(store.Settings, instance.Id, clock, committer), store.Settings.MaxBatchSize, committed, webhooksQueued, metrics, logger);
