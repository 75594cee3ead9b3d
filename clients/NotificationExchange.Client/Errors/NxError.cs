using Google.Rpc;
using Grpc.Core;

namespace NotificationExchange.Client.Errors;

/// <summary>A failed call as the exchange explained it: the status, its message, every field violation of a
/// google.rpc.BadRequest and the reason of a google.rpc.ErrorInfo, read from the status details in the trailers.</summary>
public sealed record NxError(StatusCode Code, string Message, IReadOnlyList<FieldViolation> FieldViolations, string? Reason)
{
    public FailureKind Kind => Code switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => FailureKind.Unreachable,
        StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unknown or StatusCode.Unimplemented => FailureKind.ServerFault,
        StatusCode.Cancelled => FailureKind.Cancelled,
        _ => FailureKind.Refused,
    };

    /// <summary>Reads what the exchange said about a failed call.</summary>
    public static NxError From(RpcException error)
    {
        var status = error.GetRpcStatus();
        var violations = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description)).ToArray()
            ?? [];
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        return new NxError(error.StatusCode, error.Status.Detail, violations, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
