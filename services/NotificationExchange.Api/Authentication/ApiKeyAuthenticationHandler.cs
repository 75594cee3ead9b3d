using System.Data.Common;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Authenticates `authorization: Bearer &lt;api key&gt;`. A key that does not work is refused saying which key and why
/// (revoked, expired): only its holder can present it, so this tells nobody anything new. An unknown key is just
/// unknown. The credential claim is <c>key:&lt;key id&gt;</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CredentialCache credentials, KeyUseRecorder uses, AuthenticationMetrics metrics, TimeProvider clock)
    : GrpcAuthenticationHandler(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            metrics.Refused("malformed");
            return Refuse("the authorization header must be 'Bearer <api key>'");
        }
        ApiKeyHolder? holder;
        try
        {
            holder = await credentials.FindKeyAsync(ApiKeys.Hash(header[BearerPrefix.Length..].Trim()), Context.RequestAborted);
        }
        catch (DbException e)
        {
            return StoreFailure(e);
        }
        if (holder is null)
        {
            metrics.Refused("unknown_key");
            return Refuse("unknown API key");
        }
        if (holder.Key.RefusalAt(clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            metrics.Refused(holder.Key.RevokedAt is null ? "expired_key" : "revoked_key");
            return Refuse(refusal);
        }
        uses.Used(holder.Key.Id);
        metrics.Authenticated("key");
        return Success(holder.Account, "key:" + holder.Key.Id);
    }
}
