using Microsoft.Extensions.Options;
using NotificationExchange.Api.Bus;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Authentication;

internal sealed class AdministratorOptions
{
    /// <summary>The first administrator's API key (Exchange:AdminApiKey). Only its hash is stored.</summary>
    public string? AdminApiKey { get; set; }
}

/// <summary>
/// Makes sure the administrator account `admin` exists and answers to the configured key, so that a new exchange can
/// be administered at all. The configured key is one of admin's keys, labelled <see cref="ConfiguredKeyLabel"/>,
/// made usable again at each start (revoking it through the API lasts until the next start: change the configuration
/// to retire it). Changing the configured key revokes the one configured before; keys issued through the API stay.
/// </summary>
internal sealed class AdministratorBootstrap(
    IOperatorDirectory directory, IOptions<AdministratorOptions> options, IHostEnvironment environment, TimeProvider clock,
    CredentialRevocations revocations, ILogger<AdministratorBootstrap> logger)
    : IHostedService
{
    public const string AdministratorId = "admin";
    public const string DevelopmentKey = "dev-admin-key-for-local-use-only";
    public const string ConfiguredKeyLabel = "configured (Exchange:AdminApiKey)";
    private const int MinimumKeyLength = 24;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var key = options.Value.AdminApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            logger.LogWarning("No Exchange:AdminApiKey is configured: existing administrators keep their keys, but none is created");
            return;
        }
        if (key.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException($"Exchange:AdminApiKey is {key.Length} characters long; use at least {MinimumKeyLength} random characters");
        }
        if (key == DevelopmentKey && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Exchange:AdminApiKey is the development key from appsettings.Development.json, but the environment is {environment.EnvironmentName}; configure a secret key");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = new OrganizationProfile("Exchange administrator", OrganizationKind.Operator, null, []);
        var account = new OperatorAccount(AdministratorId, profile, IsAdministrator: true, now, now);
        var configured = new ApiKey(CredentialIds.NewKeyId(), AdministratorId, ConfiguredKeyLabel, now, null, null, null);
        var revoked = await directory.EnsureAdministratorAsync(account, configured, ApiKeys.Hash(key), cancellationToken);
        await revocations.AnnounceAsync(revoked, now);
        logger.LogInformation("Administrator account '{Id}' answers to the configured Exchange:AdminApiKey", AdministratorId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
