using NotificationExchange.Domain.Audit;

namespace NotificationExchange.Domain.Storage;

/// <summary>One page of audit records, oldest first; <see cref="HasMore"/> when records follow the last one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, bool HasMore);
