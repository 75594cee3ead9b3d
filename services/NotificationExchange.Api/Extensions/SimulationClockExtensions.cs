using System.Globalization;
using NotificationExchange.Domain.Time;

namespace NotificationExchange.Api.Extensions;

public static class SimulationClockExtensions
{
    public const string StartKey = "Exchange:SimulationClock:Start";

    /// <summary>
    /// Runs the exchange on a simulated clock when <see cref="StartKey"/> is set (an ISO 8601 UTC time); off by default.
    /// Registered before the core's own clock, which it then replaces everywhere; logged at start as a warning, so
    /// that nobody mistakes a simulation for the real time.
    /// </summary>
    public static WebApplicationBuilder AddSimulationClock(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[StartKey] is not { Length: > 0 } start)
        {
            return builder;
        }
        if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new InvalidOperationException($"{StartKey}: '{start}' is not a time (ISO 8601 UTC, e.g. 2022-07-15T00:00:00Z)");
        }
        var clock = new SimulatedTimeProvider(at, TimeProvider.System);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(clock);
        builder.Services.AddHostedService(sp => new SimulationClockAnnouncement(clock, sp.GetRequiredService<ILogger<SimulationClockAnnouncement>>()));
        return builder;
    }
}
