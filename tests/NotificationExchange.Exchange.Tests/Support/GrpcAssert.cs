using Google.Rpc;
using Grpc.Core;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Support;

internal static class GrpcAssert
{
    /// <summary>Runs a call that must fail with <paramref name="code"/>; returns the exception.</summary>
    public static async Task<RpcException> FailsWithAsync(StatusCode code, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException e)
        {
            Assert.That(e.StatusCode, Is.EqualTo(code), e.Status.Detail);
            return e;
        }
        Assert.Fail($"expected {code}, but the call succeeded");
        throw new InvalidOperationException();
    }

    /// <summary>The field violations of an INVALID_ARGUMENT, field path to description (several joined by "; ").</summary>
    public static async Task<Dictionary<string, string>> InvalidFieldsAsync(Func<Task> call) =>
        (await ViolationsAsync(call))
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(v => v.Description)));

    /// <summary>The field violations of an INVALID_ARGUMENT, in the order the server gave them.</summary>
    public static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> ViolationsAsync(Func<Task> call)
    {
        var error = await FailsWithAsync(StatusCode.InvalidArgument, call);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.That(badRequest, Is.Not.Null, "INVALID_ARGUMENT without a google.rpc.BadRequest detail");
        return badRequest!.FieldViolations;
    }
}
