using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Alerts.CatalogueLoading;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// Screens every registered object against the whole catalogue over the next <see cref="ScreeningOptions.StandingDays"/>
/// days, after each catalogue load and every <see cref="ScreeningOptions.StandingIntervalMinutes"/>: this finds the
/// close approaches nobody filed, the deliberate ones among them flagged unannounced. Its alerts have no notification;
/// an approach a notification's screen already describes is left to that screen.
/// </summary>
/// <remarks>
/// One instance runs it at a time: it leases the cursor <see cref="CursorName"/>, whose position is the catalogue load
/// last screened and whose move time is when. A run cut short (a crash, a lost lease) is run again whole by the next
/// holder; its alerts match themselves and send nothing new.
/// </remarks>
public sealed class StandingScreening(
    IAlertStore store, INotificationLog log, ILogWriter writer, ScreeningUniverse universe, IEventRenderer renderer,
    IOptionsMonitor<ScreeningOptions> options, TimeProvider clock, ExchangeInstance instance, ILogger<StandingScreening> logger)
    : BackgroundService, ICatalogueChanged
{
    public const string CursorName = "standing-screening";

    // Set by a catalogue load on this instance; one pending signal is as good as many. Loads on other instances are
    // found by the poll.
    private readonly Channel<bool> _loaded = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public Task CatalogueChangedAsync(CatalogueLoad load, CancellationToken cancellationToken)
    {
        _loaded.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Standing screening failed; trying again");
            }
            using var timeUp = new CancellationTokenSource(TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), clock);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeUp.Token);
            try
            {
                await _loaded.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the poll interval passed
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs a standing screen when a catalogue load has not been screened yet or the interval has passed.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var load = await store.GetLastCatalogueLoadAsync(cancellationToken);
        var (screenedLoad, screenedAt) = await store.GetCursorAsync(CursorName, cancellationToken);
        var loadId = load?.Id ?? 0;
        if (loadId == screenedLoad && screenedAt is { } at && now - at < TimeSpan.FromMinutes(settings.StandingIntervalMinutes))
        {
            return false;
        }
        // Leased for as long as a run may take, not for the interval: an instance that stops after a run must not keep the
        // others from the next one (a catalogue load) for hours. A run that outlasts it may be run twice; its alerts
        // match themselves and send nothing new.
        var leased = await writer.WriteAsync(session => session.LeaseCursor(CursorName, instance.Id, now, now.AddMinutes(10)), cancellationToken);
        if (leased is not { } position)
        {
            return false;
        }
        var registered = await universe.RegisteredAsync(cancellationToken);
        var started = clock.GetTimestamp();
        var alerts = 0;
        if (registered.Count > 0)
        {
            alerts = await ScreenAsync(registered, now, settings, cancellationToken);
        }
        if (!await writer.WriteAsync(session => session.MoveCursor(CursorName, instance.Id, position, loadId, now), cancellationToken))
        {
            logger.LogWarning("Standing screening's lease passed to another instance during the run; that instance's run stands");
        }
        logger.LogInformation("Standing screening of {Count} registered objects against catalogue load {LoadId} took {Elapsed}; {Alerts} open standing alerts",
            registered.Count, loadId, clock.GetElapsedTime(started), alerts);
        return true;
    }

    private async Task<int> ScreenAsync(IReadOnlyList<ScreenedObject> registered, DateTime now, ScreeningOptions settings, CancellationToken cancellationToken)
    {
        var end = now.AddDays(settings.StandingDays);
        var maxAge = TimeSpan.FromDays(settings.MaxElementSetAgeDays);
        var objects = await universe.ObjectsAsync(cancellationToken);
        var catalog = (await Task.Run(() => universe.Prepared(objects, now, end, shared: false), cancellationToken)).Catalog;
        var open = 0;
        foreach (var primary in registered)
        {
            if (end - primary.DataEpoch > maxAge)
            {
                logger.LogWarning("Registered object {NoradCatId}: its orbit data (epoch {Epoch:O}) is older than {Days} days at the end of the standing span; not screened",
                    primary.NoradCatId, primary.DataEpoch, settings.MaxElementSetAgeDays);
                continue;
            }
            try
            {
                var declared = await DeclaredApproaches.ForAsync(log, primary.NoradCatId, now, end, n => objects.GetValueOrDefault(n)?.OperatorId, cancellationToken);
                var subject = new ScreenSubject(primary, now, end, new HashSet<int>());
                var candidates = await Task.Run(() => ConjunctionAlerts.Find(subject, catalog, objects, declared, maxAge), cancellationToken);
                open += await writer.WriteAsync(session =>
                {
                    var previous = session.OpenStandingAlertsOf(primary.NoradCatId);
                    return AlertReconciliation.Apply(session, recorded =>
                    {
                        renderer.Render(recorded);
                        session.Append(recorded);
                    }, previous, candidates, null, null, null, null, clock.GetUtcNow().UtcDateTime).Count;
                }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One object's failure (its orbit, an alert that cannot be rendered or read back) is that object's:
                // the others are screened all the same.
                logger.LogWarning("Standing screening of {NoradCatId} failed: {Reason}", primary.NoradCatId, e.Message);
            }
        }
        return open;
    }
}
