using Microsoft.Extensions.Logging;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The PostgreSQL store's group commit (<see cref="GroupCommitLogWriter"/>): one writer per instance on a connection of
/// its own, the database-wide log lock taken once per batch. When the database cannot be reached (restarted,
/// connection dropped) the batch fails whole with Npgsql's transient error, and the next batch opens a new connection:
/// the writer never stays wedged on a dead one (<see cref="PostgresWriteSession"/>).
/// </summary>
public sealed class PostgresLogWriter(
    PostgresExchangeStore store,
    ExchangeInstance instance,
    CommittedEvents committed,
    WebhookQueueSignal webhooksQueued,
    ExchangeMetrics metrics,
    TimeProvider clock,
    ILogger<PostgresLogWriter> logger,
    ILeafCommitter? committer = null)
    // Taking the store, not its settings alone, makes sure its schema is migrated before the first write. Without a
    // committer (the transparency log switched off, or a host without it) entries are stored uncommitted.
    : GroupCommitLogWriter(
        new PostgresWriteSession(store.Settings, instance.Id, clock, committer), store.Settings.MaxBatchSize, committed, webhooksQueued, metrics, logger);
