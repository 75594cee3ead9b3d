using System.Security.Claims;
using Grpc.Core;

namespace NotificationExchange.Api.Authentication;

internal static class CallerExtensions
{
    public const string AdministratorRole = "administrator";

    /// <summary>The operator whose API key authenticated this call (authorization has already required one).</summary>
    public static string OperatorId(this ServerCallContext context) =>
        context.GetHttpContext().User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "this call needs an API key: send 'authorization: Bearer <key>'"));
}
