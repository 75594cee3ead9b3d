using System.Buffers.Binary;
using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;
using D = NotificationExchange.Domain.Audit;

namespace NotificationExchange.Api.Services;

/// <summary>
/// The audit's queries: administrators see every record; an organisation the records of its own calls and of others'
/// calls about what it owns ("who read my maneuver?"). A reader's name appearing in an owner's audit is intended: the
/// owner may know who read its notice, whatever audience the notice had.
/// </summary>
internal sealed class AuditGrpcService(IAuditLog audit) : AuditService.AuditServiceBase
{
    public const int MaxPageSize = 1000;
    public const int DefaultPageSize = 100;
    public const int MaxIdLength = 128;

    // A page token's position is the id of the last record on the page before, 8 bytes big-endian.
    private const byte PageTokenFormat = 1;

    [MergesWireViolations]
    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        if (request.OrganizationId.Length > MaxIdLength)
        {
            errors.Add("organization_id", $"is {request.OrganizationId.Length} characters; at most {MaxIdLength}");
        }
        if (request.TargetId.Length > MaxIdLength)
        {
            errors.Add("target_id", $"is {request.TargetId.Length} characters; at most {MaxIdLength}");
        }
        if (request.Action != AuditAction.Unspecified && !Enum.IsDefined(request.Action))
        {
            errors.Add("action", $"unknown value {(int)request.Action}");
        }
        if (request.PageSize > MaxPageSize)
        {
            errors.Add("page_size", $"is {request.PageSize}; at most {MaxPageSize} allowed");
        }
        // An invalid timestamp reads as null here: it is among the wire violations the answer names.
        var since = WireScalars.Time(request.Since);
        var until = WireScalars.Time(request.Until);
        if (since is { } from && until is { } to && to <= from)
        {
            errors.Add("until", $"is {to:O}, not after since ({from:O})");
        }
        var position = PageTokens.Read(request.PageToken, PageTokenFormat, p => p.Length == sizeof(long) && BinaryPrimitives.ReadInt64BigEndian(p) > 0, errors);
        errors.ThrowIfAny();

        // Administrators see every record (no viewer); an organisation its own and those about what it owns.
        var viewer = context.IsAdministrator() ? null : context.OperatorId();
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize;
        var page = await audit.ListAuditRecordsAsync(
            new AuditQuery(
                viewer,
                request.OrganizationId is { Length: > 0 } organization ? organization : null,
                request.Action == AuditAction.Unspecified ? null : (D.AuditAction)request.Action,
                request.TargetId is { Length: > 0 } target ? target : null,
                since,
                until,
                position is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(position),
                pageSize),
            context.CancellationToken);
        var response = new ListAuditRecordsResponse { Records = { page.Records.Select(r => Shown(r.ToProto(), viewer)) } };
        if (page.HasMore && page.Records.Count > 0)
        {
            var last = new byte[sizeof(long)];
            BinaryPrimitives.WriteInt64BigEndian(last, page.Records[^1].Id);
            response.NextPageToken = PageTokens.Encode(PageTokenFormat, last);
        }
        return response;
    }

    /// <summary>
    /// A record as <paramref name="viewer"/> (null: an administrator) may see it: the target's owner only on records
    /// about what the viewer owns. On the viewer's own call about someone else's notification, the owner would say that
    /// a notification the viewer was told does not exist (NOT_FOUND) exists, and whose it is.
    /// </summary>
    private static AuditRecord Shown(AuditRecord record, string? viewer)
    {
        if (viewer is not null && record.TargetOwner != viewer)
        {
            record.TargetOwner = "";
        }
        return record;
    }
}
