using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Audit;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

internal static class AuditMapping
{
    public static P.AuditRecord ToProto(this AuditRecord record) => new()
    {
        Id = (ulong)record.Id,
        RecordedAt = Timestamp.FromDateTime(record.RecordedAt),
        OrganizationId = record.OrganizationId ?? "",
        Credential = record.Credential ?? "",
        ClientAddress = record.ClientAddress ?? "",
        Rpc = record.Rpc,
        Action = (P.AuditAction)record.Action,
        TargetKind = (P.AuditTargetKind)record.TargetKind,
        TargetId = record.TargetId ?? "",
        TargetOwner = record.TargetOwner ?? "",
        RequestId = record.RequestId ?? "",
        Outcome = record.Outcome,
    };
}
