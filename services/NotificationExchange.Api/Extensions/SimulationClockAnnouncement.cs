using NotificationExchange.Domain.Time;

namespace NotificationExchange.Api.Extensions;

/// <summary>Says plainly in the log, at start, that the exchange runs on a simulated clock.</summary>
internal sealed class SimulationClockAnnouncement(SimulatedTimeProvider clock, ILogger<SimulationClockAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "SIMULATION CLOCK: the exchange's time is {Now:O} (started at {Start:O}, {Offset} from the real time); filings, screening and deadlines run on it",
            clock.GetUtcNow(), clock.Start, clock.Offset);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
