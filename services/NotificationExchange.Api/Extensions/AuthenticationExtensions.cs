using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Bus;

namespace NotificationExchange.Api.Extensions;

internal static class AuthenticationExtensions
{
    /// <summary>The default scheme: a call with a client certificate (the mutual TLS endpoint) by certificate, any other by API key.</summary>
    public const string CallerScheme = "Caller";

    /// <summary>
    /// Every call but health and reflection (and what is marked [AllowAnonymous]) is authenticated, by API key or, on
    /// the mutual TLS endpoint, by client certificate; administrators by role. Options from Exchange:Authentication.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AdministratorOptions>(builder.Configuration.GetSection("Exchange"));
        builder.Services.AddOptions<Authentication.AuthenticationOptions>()
            .Bind(builder.Configuration.GetSection(Authentication.AuthenticationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AuthenticationMetrics>();
        builder.Services.AddSingleton<CredentialCache>();
        builder.Services.AddSingleton<ClientCertificateTrust>();
        builder.Services.AddSingleton<KeyUseRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KeyUseRecorder>());
        builder.Services.AddSingleton<CredentialRevocations>();
        builder.Services.AddHostedService<AdministratorBootstrap>();
        // The TLS layer takes any client certificate the endpoint asks for; the certificate scheme checks it against
        // the configured authorities, so that a refusal says why (a failed handshake says nothing).
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureHttpsDefaults(https => https.AllowAnyClientCertificate()));
        builder.Services
            .AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "API key or client certificate", scheme => scheme.ForwardDefaultSelector = context =>
                context.Connection.ClientCertificate is null ? ApiKeyAuthenticationHandler.SchemeName : ClientCertificateAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ClientCertificateAuthenticationHandler>(ClientCertificateAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CallerScheme).RequireAuthenticatedUser().Build());
        return builder;
    }
}
