using System.Collections.Concurrent;
using NotificationExchange.Orbits.Screening.Sweep;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// Screens every object of a prepared catalogue against every other over the catalogue's window: the conjunctions
/// that screening each object as a primary (<see cref="ConjunctionScreener.Screen(Trajectory, ScreeningCatalog, ScreeningVolume?, int)"/>)
/// against the rest would give, found without screening each one.
/// <para>
/// Primaries and volumes: every object is a primary, with its own volume (the given one, or the Space-Track size for
/// its perigee), so a pair is screened both ways: a conjunction is reported with the object whose volume holds the
/// other as its primary, and once for each object when each holds the other. <see cref="AllVersusAllResult.Encounters"/>
/// counts each close approach of a pair once, however many of its two volumes it entered.
/// </para>
/// Method: a time-stepped spatial grid over the whole catalogue (<see cref="CatalogSweep"/>) leaves the (pair, step)
/// combinations in which the pair may come within the larger of its two volumes' bounding radii; runs of steps become
/// intervals searched by the same fine search as the one-primary screen.
/// </summary>
public static class AllVersusAllScreener
{
    /// <summary>The grid's time step (s): LEO objects move about 460 km in it.</summary>
    public const double DefaultStepSeconds = 40.0;

    /// <summary>The grid's cell size (km).</summary>
    public const double DefaultCellSizeKm = 450.0;

    /// <summary>How far (s) the fine search reaches beyond a run of candidate steps on each side.</summary>
    private const double IntervalMarginSeconds = 1.0;

    public static AllVersusAllResult Screen(
        ScreeningCatalog catalog, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1,
        double stepSeconds = DefaultStepSeconds, double cellSizeKm = DefaultCellSizeKm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSizeKm);
        var objects = catalog.Objects;
        var volumes = objects
            .Select(o => volume ?? o.DefaultVolume)
            .ToArray();
        var thresholds = volumes.Select(v => v.BoundingRadiusKm).ToArray();
        var windowSeconds = catalog.WindowSeconds;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sweep = new CatalogSweep(objects, thresholds, [.. volumes.Select(v => v.RadialKm)], windowSeconds, stepSeconds, cellSizeKm);
        var swept = sweep.Run(maxDegreeOfParallelism);
        var sweepTime = clock.Elapsed;
        var sorted = swept.Candidates.ToArray();
        Array.Sort(sorted);

        // one run of the sorted candidates per pair
        var encoding = sweep.Encoding;
        var runStarts = new List<int>();
        for (var c = 0; c < sorted.Length; c++)
        {
            if (c == 0 || encoding.Pair(sorted[c]) != encoding.Pair(sorted[c - 1]))
            {
                runStarts.Add(c);
            }
        }
        runStarts.Add(sorted.Length);

        var results = new ConcurrentBag<Conjunction>();
        long intervals = 0, encounters = 0;
        var count = objects.Length;
        // a partitioner refuses an empty range
        if (runStarts.Count > 1)
        {
            Parallel.ForEach(
                Partitioner.Create(0, runStarts.Count - 1, 16),
                new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                () => new List<double>(),
                (range, _, tcas) =>
                {
                    long localIntervals = 0, localEncounters = 0;
                    for (var run = range.Item1; run < range.Item2; run++)
                    {
                        var (i, j) = encoding.Indices(encoding.Pair(sorted[runStarts[run]]));
                        var a = objects[i];
                        var b = objects[j];
                        var distance = Math.Max(thresholds[i], thresholds[j]);
                        var acceleration = a.AccelerationBoundKmPerS2 + b.AccelerationBoundKmPerS2;
                        var end = Math.Min(windowSeconds, Math.Min(a.ValidUntilSeconds, b.ValidUntilSeconds));
                        tcas.Clear();
                        for (var c = runStarts[run]; c < runStarts[run + 1];)
                        {
                            // consecutive candidate steps make one interval
                            var first = encoding.Step(sorted[c]);
                            var last = first;
                            for (c++; c < runStarts[run + 1] && encoding.Step(sorted[c]) <= last + 1; c++)
                            {
                                last = encoding.Step(sorted[c]);
                            }
                            var from = Math.Max(0.0, sweep.Time(first) - IntervalMarginSeconds);
                            var to = Math.Min(end, sweep.Time(last + 1) + IntervalMarginSeconds);
                            if (to > from)
                            {
                                localIntervals++;
                                EncounterSearch.Search(a.Trajectory, b.Trajectory, from, to, distance, acceleration, tcas);
                            }
                        }
                        localEncounters += ConjunctionScreener.AddConjunctions(
                            a, b, tcas, catalog.WindowStart, windowSeconds, volumes[i], volumes[j], results);
                    }
                    Interlocked.Add(ref intervals, localIntervals);
                    Interlocked.Add(ref encounters, localEncounters);
                    return tcas;
                },
                _ => { });
        }

        var searchTime = clock.Elapsed - sweepTime;
        var statistics = new AllVersusAllStatistics(
            count,
            (long)count * (count - 1) / 2,
            CountRadiusOverlaps(objects, thresholds.Length == 0 ? 0.0 : thresholds.Max()),
            sweep.Steps,
            stepSeconds,
            swept.BoxPairSteps,
            swept.ChordPairSteps,
            swept.RadialPairSteps,
            runStarts.Count - 1,
            intervals,
            sweepTime,
            searchTime);
        var conjunctions = results
            .OrderBy(c => c.TimeOfClosestApproach)
            .ThenBy(c => c.PrimaryCatalogNumber)
            .ThenBy(c => c.SecondaryCatalogNumber)
            .ToList();
        return new AllVersusAllResult(conjunctions, (int)encounters, statistics);
    }

    /// <summary>Pairs whose radius ranges come within <paramref name="distance"/>: what the apogee/perigee filter alone
    /// would leave.</summary>
    private static long CountRadiusOverlaps(PreparedObject[] objects, double distance)
    {
        var ranges = objects.Where(o => o.ValidUntilSeconds > 0.0).Select(o => (o.MinRadiusKm, o.MaxRadiusKm)).OrderBy(r => r.MinRadiusKm).ToArray();
        var lows = ranges.Select(r => r.MinRadiusKm).ToArray();
        long pairs = 0;
        for (var i = 0; i < ranges.Length; i++)
        {
            // objects after i start no lower; they overlap i when they start within its top plus the distance
            var upper = Array.BinarySearch(lows, ranges[i].MaxRadiusKm + distance);
            upper = upper < 0 ? ~upper : upper;
            while (upper < lows.Length && lows[upper] <= ranges[i].MaxRadiusKm + distance)
            {
                upper++;
            }
            pairs += Math.Max(0, upper - i - 1);
        }
        return pairs;
    }
}
