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

    /// <summary>The HttpContext item where an authentication scheme leaves why it refused the call's credentials.</summary>
    public const string RefusalItem = "nx:refusal";

    /// <summary>The organisation whose key or certificate authenticated this call (authorization has already required one).</summary>
    public static string OperatorId(this ServerCallContext context) =>
        context.GetHttpContext().User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "this call needs an API key: send 'authorization: Bearer <key>'"));

    /// <summary>Whether the caller is an administrator.</summary>
    public static bool IsAdministrator(this ServerCallContext context) =>
        context.GetHttpContext().User.IsInRole(AdministratorRole);

    /// <summary>
    /// The organisation that authenticated this call; null for a call without credentials, which only the reads marked
    /// [AllowAnonymous] let through (they show it public notifications only). A call that sent credentials which did
    /// not authenticate is refused, never read as anonymous: a revoked key must not quietly see less.
    /// </summary>
    public static string? CallerId(this ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            return id;
        }
        return http.Items[RefusalItem] is string refusal
            ? throw new RpcException(new Status(StatusCode.Unauthenticated, refusal))
            : http.Request.Headers.Authorization.Count > 0
                ? throw new RpcException(new Status(StatusCode.Unauthenticated, "unknown or revoked API key; send a valid key, or none to read public notifications"))
                : null;
    }

    /// <summary>The credential that authenticated this call (see <see cref="CredentialClaimType"/>); null when anonymous.</summary>
    public static string? Credential(this ServerCallContext context) =>
        context.GetHttpContext().User.FindFirstValue(CredentialClaimType);
}
