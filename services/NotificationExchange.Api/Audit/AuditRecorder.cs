using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Domain.Audit;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Api.Audit;

/// <summary>
/// Writes one audit record per audited call through the log writer's group commit and waits for it to be durable, so
/// that a call is answered only once its record is stored. A record that cannot be written fails the call UNAVAILABLE:
/// the client's retry (with the same request id, which the exchange answers as the first time) is then audited.
/// </summary>
internal sealed partial class AuditRecorder(ILogWriter writer, TimeProvider clock, ExchangeMetrics metrics, ILogger<AuditRecorder> logger)
{
    public async Task RecordAsync(AuditedCall call, HttpContext http, string methodPath, IMessage? request, IMessage? response, StatusCode outcome)
    {
        var caller = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var record = new AuditRecord(
            0,
            clock.GetUtcNow().UtcDateTime,
            caller,
            http.User.FindFirstValue(CallerExtensions.CredentialClaimType),
            ClientAddress(http.Connection.RemoteIpAddress),
            methodPath.TrimStart('/'),
            call.Action,
            call.TargetKind,
            request is null ? null : Bounded(call.Target(request, response, caller)),
            null,
            request is null ? null : Bounded(RequestId(request)),
            OutcomeName(outcome));
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Not the call's token: a call the client gave up on still happened, and is recorded.
            await writer.WriteAsync(session => session.AppendAudit(record), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Audit: the record of {Rpc} by {Organization} could not be written; the call is answered UNAVAILABLE", record.Rpc, record.OrganizationId);
            throw new RpcException(new Status(StatusCode.Unavailable, "the call could not be recorded in the audit; retry it (with the same request id)"));
        }
        metrics.Audited(record.Action, record.Outcome, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The status code as gRPC names it (INVALID_ARGUMENT), which is what the audit stores.</summary>
    public static string OutcomeName(StatusCode code) => WordBoundary().Replace(code.ToString(), "_").ToUpperInvariant();

    /// <summary>
    /// A target or request id as the client sent it, kept whole up to <see cref="MaxIdLength"/> characters (every id
    /// the exchange issues or accepts is far shorter); beyond, its start and its length. A refused call with a
    /// megabyte-long id is still recorded, in a record every store can index (PostgreSQL refuses index entries over
    /// about 2.7 kB), and nobody can grow the append-only audit by a megabyte a call.
    /// </summary>
    private static string? Bounded(string? id) =>
        (id is { Length: > MaxIdLength } ? $"{id[..(MaxIdLength - 40)]}…[{id.Length} characters]" : id)
            // a NUL (refused as INVALID_ARGUMENT, and still recorded) as the replacement character: PostgreSQL
            // cannot store U+0000 in text
            ?.Replace('\0', '\uFFFD');

    private const int MaxIdLength = 256;

    private static string? RequestId(IMessage request) =>
        request.Descriptor.FindFieldByName("request_id") is { FieldType: Google.Protobuf.Reflection.FieldType.String } field
        && field.Accessor.GetValue(request) is string { Length: > 0 } id
            ? id
            : null;

    private static string? ClientAddress(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
