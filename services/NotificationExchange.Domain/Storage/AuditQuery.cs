using NotificationExchange.Domain.Audit;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// A page of the audit, oldest first. <see cref="Viewer"/> null sees every record (an administrator); otherwise only
/// the records of its own calls and those about targets it owns. The other fields narrow the page: the acting
/// organisation, the action, the target's id, a time range [<see cref="Since"/>, <see cref="Until"/>), and the id
/// after which the page starts.
/// </summary>
public sealed record AuditQuery(
    string? Viewer,
    string? OrganizationId,
    AuditAction? Action,
    string? TargetId,
    DateTime? Since,
    DateTime? Until,
    long AfterId,
    int PageSize);
