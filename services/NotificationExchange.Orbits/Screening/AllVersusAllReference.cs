using System.Collections.Concurrent;
using NotificationExchange.Orbits.Screening.Sweep;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The all-against-all screen as it was before it streamed: the whole window swept at once, every candidate of every
/// pair sorted together, every conjunction held, and objects sharing an element set screened one by one. It finds
/// what <see cref="AllVersusAllScreener"/> finds (same sweep, same fine search) and holds everything, about 1 GB for
/// the whole catalogue with a 50 km sphere: kept as the independent reference the streaming, batched and grouped
/// screen is checked against (tests, and the benchmark's identity check), not for use.
/// </summary>
public static class AllVersusAllReference
{
    public static AllVersusAllResult Screen(
        ScreeningCatalog catalog, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1,
        double stepSeconds = AllVersusAllScreener.DefaultStepSeconds, double cellSizeKm = AllVersusAllScreener.DefaultCellSizeKm)
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
                            var from = Math.Max(0.0, sweep.Time(first) - AllVersusAllScreener.IntervalMarginSeconds);
                            var to = Math.Min(end, sweep.Time(last + 1) + AllVersusAllScreener.IntervalMarginSeconds);
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
            AllVersusAllScreener.CountRadiusOverlaps(objects, thresholds.Length == 0 ? 0.0 : thresholds.Max()),
            sweep.Steps,
            stepSeconds,
            swept.BoxPairSteps,
            swept.ChordPairSteps,
            swept.RadialPairSteps,
            runStarts.Count - 1,
            intervals,
            sweepTime,
            searchTime,
            encounters,
            results.Count);
        var conjunctions = results
            .OrderBy(c => c.TimeOfClosestApproach)
            .ThenBy(c => c.PrimaryCatalogNumber)
            .ThenBy(c => c.SecondaryCatalogNumber)
            .ToList();
        return new AllVersusAllResult(conjunctions, (int)encounters, statistics);
    }
}
