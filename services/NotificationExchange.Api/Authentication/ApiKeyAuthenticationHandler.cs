using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Authenticates `authorization: Bearer &lt;api key&gt;`. Refusals are written as gRPC statuses (UNAUTHENTICATED,
/// PERMISSION_DENIED) with a message saying what to do, rather than as bare HTTP 401/403.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OperatorKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";
    private string _failure = "this call needs an API key: send 'authorization: Bearer <key>'";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            _failure = "the authorization header must be 'Bearer <api key>'";
            return AuthenticateResult.Fail(_failure);
        }
        var account = await keys.FindAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (account is null)
        {
            _failure = "unknown or revoked API key";
            return AuthenticateResult.Fail(_failure);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(account, KeyCredential(header[BearerPrefix.Length..].Trim())), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        GrpcTrailersOnly.WriteAsync(Response, Grpc.Core.StatusCode.Unauthenticated, _failure);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        GrpcTrailersOnly.WriteAsync(Response, Grpc.Core.StatusCode.PermissionDenied, "this call is for administrators only");

    /// <summary>Names a key without revealing it: the first 16 hex digits of its SHA-256 hash.</summary>
    private static string KeyCredential(string apiKey) => "key:" + Convert.ToHexStringLower(ApiKeys.Hash(apiKey))[..16];

    private static ClaimsPrincipal Principal(OperatorAccount account, string credential)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id), new(ClaimTypes.Name, account.DisplayName), new(CallerExtensions.CredentialClaimType, credential),
        };
        if (account.IsAdministrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, CallerExtensions.AdministratorRole));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }
}
