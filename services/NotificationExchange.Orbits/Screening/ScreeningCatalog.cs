namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// A catalogue made ready for screening over one window: each object with its clock bound to the window start and
/// conservative bounds on where SGP4 can put it during the window (radius range, and orbit-plane normal sampled every
/// few hours with the out-of-plane wobble it can have around it). Preparing costs a few mean-element evaluations per
/// object, once per catalogue and window, and is shared by every primary screened against it.
/// </summary>
public sealed class ScreeningCatalog
{
    /// <summary>Spacing of the mean-element samples: short enough that a linearly interpolated orbit normal stays
    /// within a few hundred metres of the precessing one.</summary>
    internal const double SampleSpacingSeconds = 6 * 3600.0;

    private ScreeningCatalog(DateTime windowStart, DateTime windowEnd, PreparedObject[] objects)
    {
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        Objects = objects;
    }

    public DateTime WindowStart { get; }
    public DateTime WindowEnd { get; }
    public double WindowSeconds => (WindowEnd - WindowStart).Ticks / (double)TimeSpan.TicksPerSecond;
    public int Count => Objects.Length;

    internal PreparedObject[] Objects { get; }

    public static ScreeningCatalog Prepare(IReadOnlyList<Trajectory> trajectories, DateTime windowStart, DateTime windowEnd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(windowEnd, windowStart);
        var objects = new PreparedObject[trajectories.Count];
        var windowSeconds = (windowEnd - windowStart).Ticks / (double)TimeSpan.TicksPerSecond;
        Parallel.For(0, trajectories.Count, i => objects[i] = PreparedObject.Create(trajectories[i], windowStart, windowSeconds));
        return new ScreeningCatalog(windowStart, windowEnd, objects);
    }

    internal PreparedObject PrepareAnother(Trajectory trajectory) => PreparedObject.Create(trajectory, WindowStart, WindowSeconds);
}
