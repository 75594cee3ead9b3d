using System.Data.Common;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// What the exchange's authentication schemes share: refusals written as gRPC statuses (UNAUTHENTICATED,
/// PERMISSION_DENIED) with a message saying what to do, rather than as bare HTTP 401/403, and the caller's claims.
/// </summary>
internal abstract class GrpcAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>What an unauthenticated call is told; a scheme sets it when it refuses a credential.</summary>
    protected string Failure { get; set; } = "this call needs an API key: send 'authorization: Bearer <key>'";

    /// <summary>The status an unauthenticated call is answered with: UNAUTHENTICATED, or the store's failure when the
    /// credential could not be looked up (<see cref="StoreFailure"/>).</summary>
    private Grpc.Core.Status? _storeFailure;

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => _storeFailure is { } failure
        ? GrpcTrailersOnly.WriteAsync(Response, failure.StatusCode, failure.Detail)
        : GrpcTrailersOnly.WriteAsync(Response, Grpc.Core.StatusCode.Unauthenticated, Failure);

    /// <summary>
    /// The credential could not be looked up because the store failed (PostgreSQL restarting, a dropped connection):
    /// the call is answered as the services answer a store's failure (UNAVAILABLE when transient, which clients retry
    /// with the same request id; INTERNAL otherwise), not with an exception that reaches the client as HTTP 500, which
    /// gRPC clients read as UNKNOWN and do not retry.
    /// </summary>
    protected AuthenticateResult StoreFailure(DbException exception)
    {
        _storeFailure = Services.RuleViolationInterceptor.ToRpcException(exception).Status;
        if (exception.IsTransient)
        {
            Logger.LogWarning("authentication: the store cannot be reached ({Error}); answered UNAVAILABLE", exception.Message);
        }
        else
        {
            Logger.LogError(exception, "authentication: the store failed; answered INTERNAL");
        }
        return AuthenticateResult.Fail(_storeFailure.Value.Detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        GrpcTrailersOnly.WriteAsync(Response, Grpc.Core.StatusCode.PermissionDenied, "this call is for administrators only");

    /// <summary>A refusal: the call is unauthenticated, and told <paramref name="failure"/>.</summary>
    protected AuthenticateResult Refuse(string failure)
    {
        Failure = failure;
        // For the calls that also answer without credentials (CallerExtensions.CallerId), which refuse with the same words.
        Context.Items[CallerExtensions.RefusalItem] = failure;
        return AuthenticateResult.Fail(failure);
    }

    /// <summary>
    /// The caller: its organisation (NameIdentifier, which authorization, rate limits and the audit key on), display
    /// name, the administrator role, and the credential used (<see cref="CallerExtensions.CredentialClaimType"/>).
    /// </summary>
    protected AuthenticateResult Success(OperatorAccount account, string credential)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id), new(ClaimTypes.Name, account.DisplayName), new(CallerExtensions.CredentialClaimType, credential),
        };
        if (account.IsAdministrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, CallerExtensions.AdministratorRole));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }
}
