using System.Collections.Concurrent;

namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// The candidate stage of the all-against-all screen: the whole catalogue stepped through the window on a fixed grid
/// of times, every object's path over each step bounded by a box, the boxes hashed into a spatial grid, and the pairs
/// whose boxes come within the screening distance tested exactly. What it hands on is every (pair, step) in which the
/// pair may come within its distance; nothing else can hold a conjunction.
/// <para>
/// Why nothing is missed: between two states the path departs from the straight chord joining them by at most
/// A·T²/8 (A the object's bound on |r''|, T the chord's span), so the pair's separation departs from the chord of
/// their separations by at most the sum of those pads. A step is kept when that chord comes within the pair's
/// distance plus both pads, and, for volumes thin in the radial direction (the Space-Track ellipsoids), when the two
/// radii can come close enough for either object to be inside the other's volume. Slow objects (high orbits, where A
/// is small) take chords over up to 64 steps, as long as their pad stays small; an object whose element set fails at
/// one end of a chord gets the box it cannot leave from the other end, and one with no state at either end, or a
/// switch of element sets (a maneuver) inside the chord, is kept with every object.
/// </para>
/// This type holds what every worker shares (the objects and their chord spans); <see cref="SweepWorker"/> runs
/// chunks of steps.
/// </summary>
internal sealed class CatalogSweep
{
    /// <summary>The longest chord, in steps.</summary>
    private const int MaxMultiple = 64;

    /// <summary>Objects take chords over as many steps as keep their pad under this (km).</summary>
    private const double PadBudgetKm = 5.0;

    /// <summary>Steps per work item: a multiple of <see cref="MaxMultiple"/>, so every chord starts afresh. Short, so
    /// that a batch of a few hundred steps still gives every core several items; starting chords afresh costs one
    /// more state per object per chunk (under 2 %).</summary>
    public const int StepsPerChunk = 64;

    private readonly double[] _accelerations;
    private readonly double[] _validUntil;

    /// <summary>When each object's path first switches element sets (a maneuver, or an ephemeris segment), s from the
    /// window start; infinity when it does not.</summary>
    private readonly double[] _switchSeconds;

    /// <summary>Each object's chord span in steps; 0 for an object with no state in the window.</summary>
    private readonly int[] _multiples;

    public CatalogSweep(
        PreparedObject[] objects, double[] thresholds, double[] radialAxes, double windowSeconds, double stepSeconds, double cellSizeKm)
    {
        Objects = objects;
        Thresholds = thresholds;
        RadialAxes = radialAxes;
        WindowSeconds = windowSeconds;
        StepSeconds = stepSeconds;
        Steps = (int)Math.Ceiling(windowSeconds / stepSeconds);
        Encoding = new PairStep(objects.Length, Steps);
        CellSizeKm = cellSizeKm;
        MaxThresholdKm = thresholds.Length == 0 ? 0.0 : thresholds.Max();
        _accelerations = [.. objects.Select(o => o.AccelerationBoundKmPerS2)];
        _validUntil = [.. objects.Select(o => o.ValidUntilSeconds)];
        _switchSeconds = [.. objects.Select(o => o.Trajectory.HasSwitch ? o.Trajectory.SwitchSeconds : double.PositiveInfinity)];
        _multiples = new int[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            if (objects[i].ValidUntilSeconds <= 0.0)
            {
                continue;
            }
            var multiple = 1;
            while (multiple < MaxMultiple && Pad(i, 2 * multiple * stepSeconds) <= PadBudgetKm)
            {
                multiple *= 2;
            }
            _multiples[i] = multiple;
        }
        Classes = [.. new[] { 1, 2, 4, 8, 16, 32, 64 }.Select(m => new PropagationClass(m, objects, [.. Enumerable.Range(0, objects.Length).Where(i => _multiples[i] == m)]))];
    }

    public PreparedObject[] Objects { get; }

    /// <summary>Each object's screening distance (its volume's bounding radius, km).</summary>
    public double[] Thresholds { get; }

    /// <summary>Each object's volume's radial half-axis (km).</summary>
    public double[] RadialAxes { get; }

    public double MaxThresholdKm { get; }
    public double CellSizeKm { get; }
    public double WindowSeconds { get; }
    public double StepSeconds { get; }

    /// <summary>Number of steps (intervals) in the window.</summary>
    public int Steps { get; }

    /// <summary>How candidates are numbered.</summary>
    public PairStep Encoding { get; }

    public PropagationClass[] Classes { get; }

    public double Time(int k) => Math.Min(k * StepSeconds, WindowSeconds);

    /// <summary>How far (km) the object's path can depart from a chord spanning <paramref name="span"/> seconds.</summary>
    public double Pad(int i, double span) => _accelerations[i] * span * span / 8.0;

    public double AccelerationBound(int i) => _accelerations[i];

    public double ValidUntil(int i) => _validUntil[i];

    /// <summary>Whether the object's path switches (any of its maneuvers or segments, not only the first) in
    /// (<paramref name="after"/>, <paramref name="atOrBefore"/>]; switches come in time order, so a first switch
    /// after the span settles it without looking further.</summary>
    public bool SwitchesWithin(int i, double after, double atOrBefore) =>
        _switchSeconds[i] <= atOrBefore && Objects[i].Trajectory.SwitchesWithin(after, atOrBefore);

    /// <summary>False for an object with no state in the window, which the sweep never bounds.</summary>
    public bool Follows(int i) => _multiples[i] != 0;

    /// <summary>Every (pair, step) that may hold an approach within the pair's distance, numbered by
    /// <see cref="Encoding"/>.</summary>
    public SweepResult Run(int maxDegreeOfParallelism)
    {
        var result = new SweepResult();
        Run(0, Steps, maxDegreeOfParallelism, new ConcurrentBag<SweepWorker>(), result);
        return result;
    }

    /// <summary>
    /// Adds the candidates of steps [<paramref name="first"/>, <paramref name="end"/>) to <paramref name="result"/>;
    /// <paramref name="first"/> is a multiple of <see cref="StepsPerChunk"/>. Workers come from
    /// <paramref name="workers"/> (made when it has none) and go back to it, so a screen run batch by batch allocates
    /// them, and their buffers, once. The candidates do not depend on how the window is cut into runs: every chord
    /// starts at a multiple of its span from step 0.
    /// </summary>
    public void Run(int first, int end, int maxDegreeOfParallelism, ConcurrentBag<SweepWorker> workers, SweepResult result)
    {
        if (first % StepsPerChunk != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"a run starts at a multiple of {StepsPerChunk} steps");
        }
        var chunks = (end - first + StepsPerChunk - 1) / StepsPerChunk;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => workers.TryTake(out var worker) ? worker : new SweepWorker(this),
            (chunk, _, worker) =>
            {
                var from = first + chunk * StepsPerChunk;
                worker.RunChunk(from, Math.Min(end, from + StepsPerChunk));
                return worker;
            },
            worker =>
            {
                lock (result)
                {
                    result.Add(worker.Result);
                }
                worker.Result.Clear();
                workers.Add(worker);
            });
    }
}
