namespace NotificationExchange.Domain.Audit;

/// <summary>
/// One audited call: who (<see cref="OrganizationId"/> with the <see cref="Credential"/> that authenticated it, from
/// <see cref="ClientAddress"/>) did what (<see cref="Rpc"/>, <see cref="Action"/>) to which target, under which request
/// id, and how it ended (<see cref="Outcome"/>, the gRPC status code's name). <see cref="Id"/> (the record's place in
/// the audit, in commit order) and <see cref="TargetOwner"/> (the organisation the target belongs to, so that it can
/// see what others did with it) are the store's: a record to append carries 0 and null, and the store fills them in.
/// </summary>
public sealed record AuditRecord(
    long Id,
    DateTime RecordedAt,
    string? OrganizationId,
    string? Credential,
    string? ClientAddress,
    string Rpc,
    AuditAction Action,
    AuditTargetKind TargetKind,
    string? TargetId,
    string? TargetOwner,
    string? RequestId,
    string Outcome);
