using System.Security.Claims;
using Grpc.Core;

namespace NotificationExchange.Api.Authentication;

internal static class CallerExtensions
{
    public const string AdministratorRole = "administrator";

    /// <summary>
    /// The claim naming the credential that authenticated the call, for the audit: <c>key:&lt;key id&gt;</c> or
    /// <c>certificate:&lt;SHA-256 thumbprint&gt;</c>. Never the secret itself.
    /// </summary>
    public const string CredentialClaimType = "nx:credential";

    /// <summary>The organisation whose key or certificate authenticated this call (authorization has already required one).</summary>
    public static string OperatorId(this ServerCallContext context) =>
        context.GetHttpContext().User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "this call needs an API key: send 'authorization: Bearer <key>'"));

    /// <summary>Whether the caller is an administrator.</summary>
    public static bool IsAdministrator(this ServerCallContext context) =>
        context.GetHttpContext().User.IsInRole(AdministratorRole);

    /// <summary>The credential that authenticated this call (see <see cref="CredentialClaimType"/>); null when anonymous.</summary>
    public static string? Credential(this ServerCallContext context) =>
        context.GetHttpContext().User.FindFirstValue(CredentialClaimType);
}
