using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>
/// Loads the configured catalogue file (<see cref="CatalogueOptions.Path"/>) once at start, in the background. The load's
/// request id is made from the file's SHA-256, under the exchange's own name: a start with the file it loaded before
/// is a retry and changes nothing (however many instances start at once), a changed file is a new load, and a store
/// whose catalogue was emptied has forgotten the request too, so the file is loaded again.
/// </summary>
public sealed class CatalogueStartupLoad(CatalogueLoader loader, IOptions<CatalogueOptions> options, ILogger<CatalogueStartupLoad> logger) : BackgroundService
{
    /// <summary>Who asks for the start-up load: not an organisation id (those cannot hold parentheses), so its request ids are the exchange's own.</summary>
    public const string ExchangeActor = "(exchange)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Path is not { Length: > 0 } path)
        {
            return;
        }
        try
        {
            string requestId;
            await using (var file = File.OpenRead(path))
            {
                requestId = "startup-" + Convert.ToHexStringLower(await SHA256.HashDataAsync(file, stoppingToken))[..48];
            }
            var outcome = await loader.LoadAsync(new CatalogueLoadInput(requestId, ExchangeActor, null, path, null), [], stoppingToken);
            if (outcome.Replayed)
            {
                logger.LogInformation("Catalogue file {Path} is unchanged since load {LoadId}: not loaded again", path, outcome.Report.Id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ExchangeRuleException)
        {
            logger.LogError("Catalogue file {Path} (setting {Setting}) was not loaded: {Reason}", path, $"{CatalogueOptions.Section}:Path", e.Message);
        }
    }
}
