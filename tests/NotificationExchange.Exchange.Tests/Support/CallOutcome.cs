using Google.Rpc;
using Grpc.Core;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>How a call ended, as a caller can tell it apart: its status and message (equal when both are).</summary>
internal sealed record CallOutcome(StatusCode Code, string Detail, object? Response, RpcException? Exception)
{
    public bool Equals(CallOutcome? other) => other is not null && Code == other.Code && Detail == other.Detail;

    public override int GetHashCode() => HashCode.Combine(Code, Detail);

    public override string ToString() => $"{Code} \"{Detail}\"";

    public static async Task<CallOutcome> Of<T>(Func<Task<T>> call)
    {
        try
        {
            return new CallOutcome(StatusCode.OK, "", await call(), null);
        }
        catch (RpcException e)
        {
            return new CallOutcome(e.StatusCode, e.Status.Detail, null, e);
        }
    }

    /// <summary>The BadRequest field violations of a refusal, as (field, description).</summary>
    public static IReadOnlyList<(string Field, string Description)> Violations(RpcException e) =>
        (e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? []).Select(v => (v.Field, v.Description)).ToArray();
}
