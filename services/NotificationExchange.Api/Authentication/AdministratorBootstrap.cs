using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Authentication;

internal sealed class AdministratorOptions
{
    /// <summary>The first administrator's API key (Exchange:AdminApiKey). Only its hash is stored.</summary>
    public string? AdminApiKey { get; set; }
}

/// <summary>
/// Makes sure the administrator account `admin` exists and answers to the configured key, so that a new exchange can
/// be administered at all. Changing the configured key rotates the administrator's key.
/// </summary>
internal sealed class AdministratorBootstrap(
    IOperatorDirectory directory, IOptions<AdministratorOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<AdministratorBootstrap> logger)
    : IHostedService
{
    public const string AdministratorId = "admin";
    public const string DevelopmentKey = "dev-admin-key-for-local-use-only";
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
        await directory.EnsureAdministratorAsync(account, ApiKeys.Hash(key), cancellationToken);
        logger.LogInformation("Administrator account '{Id}' answers to the configured Exchange:AdminApiKey", AdministratorId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
