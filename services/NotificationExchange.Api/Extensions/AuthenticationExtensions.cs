using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Authentication;

namespace NotificationExchange.Api.Extensions;

internal static class AuthenticationExtensions
{
    /// <summary>API-key authentication for every call but health and reflection; administrators by role.</summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AdministratorOptions>(builder.Configuration.GetSection("Exchange"));
        builder.Services.AddSingleton<OperatorKeyCache>();
        builder.Services.AddHostedService<AdministratorBootstrap>();
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        return builder;
    }
}
