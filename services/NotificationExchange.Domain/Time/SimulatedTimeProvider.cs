namespace NotificationExchange.Domain.Time;

/// <summary>
/// The exchange's clock when a simulation clock is configured (<c>Exchange:SimulationClock:Start</c>): it reads
/// <see cref="Start"/> when the process starts and runs at the real pace from there. Tests, the benchmark and the demo
/// use it to run at the time of an element-set catalogue (the shared one dates from July 2022), where filings must lie
/// in the future. Waits and timers are real ones: only the reading of the time is shifted.
/// </summary>
public sealed class SimulatedTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly long _origin;

    public SimulatedTimeProvider(DateTimeOffset start, TimeProvider real)
    {
        Start = start.ToUniversalTime();
        _real = real;
        _origin = real.GetTimestamp();
    }

    /// <summary>The simulated time at the process's start.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How far the simulated time is from the real one (negative in the past).</summary>
    public TimeSpan Offset => GetUtcNow() - _real.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => Start + _real.GetElapsedTime(_origin);

    public override long GetTimestamp() => _real.GetTimestamp();

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, dueTime, period);
}
