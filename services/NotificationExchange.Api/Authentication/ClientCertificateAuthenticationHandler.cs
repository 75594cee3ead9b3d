using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Authenticates a call by the client certificate of its TLS connection (the mutual TLS endpoint): the certificate
/// must chain to a configured authority and be valid now (<see cref="ClientCertificateTrust"/>), and be registered to
/// an organisation by thumbprint or subject. The TLS layer accepts any certificate so that a refusal is a gRPC status
/// saying why, not a failed handshake. The credential claim is <c>certificate:&lt;SHA-256 thumbprint&gt;</c>.
/// </summary>
internal sealed class ClientCertificateAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CredentialCache credentials, ClientCertificateTrust trust, AuthenticationMetrics metrics)
    : GrpcAuthenticationHandler(options, logger, encoder)
{
    public const string SchemeName = "ClientCertificate";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var certificate = Context.Connection.ClientCertificate ?? await Context.Connection.GetClientCertificateAsync(Context.RequestAborted);
        if (certificate is null)
        {
            Failure = "this endpoint needs a client certificate";
            return AuthenticateResult.NoResult();
        }
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (trust.Problem(certificate) is { } problem)
        {
            metrics.Refused("untrusted_certificate");
            return Refuse($"certificate {thumbprint} is not trusted: {problem}");
        }
        ClientCertificateHolder? holder;
        try
        {
            holder = await credentials.FindCertificateAsync(thumbprint, certificate.SubjectName.Name, Context.RequestAborted);
        }
        catch (DbException e)
        {
            return StoreFailure(e);
        }
        if (holder is null)
        {
            metrics.Refused("unregistered_certificate");
            return Refuse($"certificate {thumbprint} (subject {Quoted.Value(certificate.SubjectName.Name)}) is not registered: an administrator registers it (RegisterClientCertificate)");
        }
        metrics.Authenticated("certificate");
        return Success(holder.Account, "certificate:" + thumbprint);
    }
}
