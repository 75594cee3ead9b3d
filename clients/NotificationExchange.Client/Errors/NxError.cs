using Google.Rpc;
using Grpc.Core;

namespace NotificationExchange.Client.Errors;

/// <summary>A failed call as the exchange explained it: the status, its message, every field violation of a
/// google.rpc.BadRequest and the reason of a google.rpc.ErrorInfo, read from the status details in the trailers.</summary>
public sealed record NxError(StatusCode Code, string Message, IReadOnlyList<FieldViolation> FieldViolations, string? Reason)
{
    private readonly FailureKind? _kind;

    /// <summary>Whose fault, from the status code, unless the call never reached the exchange (see <see cref="From"/>).</summary>
    public FailureKind Kind
    {
        get => _kind ?? KindOf(Code);
        init => _kind = value;
    }

    /// <summary>Reads what the exchange said about a failed call. A call that failed before any answer because the
    /// connection could not be made (refused, reset, TLS not trusted: gRPC reports some of these INTERNAL) is
    /// <see cref="FailureKind.Unreachable"/>, whatever its code.</summary>
    public static NxError From(RpcException error)
    {
        var status = error.GetRpcStatus();
        var violations = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description)).ToArray()
            ?? [];
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        return new NxError(error.StatusCode, error.Status.Detail, violations, string.IsNullOrEmpty(reason) ? null : reason)
        {
            Kind = error.Status.DebugException is HttpRequestException && error.StatusCode != StatusCode.Cancelled
                ? FailureKind.Unreachable
                : KindOf(error.StatusCode),
        };
    }

    private static FailureKind KindOf(StatusCode code) => code switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => FailureKind.Unreachable,
        StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unknown or StatusCode.Unimplemented => FailureKind.ServerFault,
        StatusCode.Cancelled => FailureKind.Cancelled,
        _ => FailureKind.Refused,
    };
}
