namespace NotificationExchange.Domain.Storage;

/// <summary>
/// The audit's read side. Records are appended only through <see cref="ILogWriteSession.AppendAudit"/>, in the log
/// writer's group commit, and are never changed or removed through the store.
/// </summary>
public interface IAuditLog
{
    Task<AuditPage> ListAuditRecordsAsync(AuditQuery query, CancellationToken cancellationToken);
}
