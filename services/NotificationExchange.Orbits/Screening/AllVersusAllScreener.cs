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
/// other as its primary, and once for each object when each holds the other. <see cref="AllVersusAllStatistics.Encounters"/>
/// counts each close approach of a pair once, however many of its two volumes it entered.
/// </para>
/// <para>
/// Method: a time-stepped spatial grid over the whole catalogue (<see cref="CatalogSweep"/>) leaves the (pair, step)
/// combinations in which the pair may come within the larger of its two volumes' bounding radii; runs of steps become
/// intervals searched by the same fine search as the one-primary screen, two intervals at a time where both pairs'
/// objects are single near-Earth element sets (<see cref="EncounterSearch.SearchTwoAtATime"/>: the same times of
/// closest approach, bit for bit, at half the kernel calls). Objects sharing one element set
/// (<see cref="ElementSetGroups"/>) are screened once and each conjunction is described for every member.
/// </para>
/// <para>
/// Streaming: the window is swept a batch of <see cref="StepsPerBatch"/> steps at a time; each batch's candidates are
/// sorted by pair and searched, and the conjunctions go to the sink as they are found. A pair whose run of candidate
/// steps reaches a batch's last step is carried into the next batch (its pair and first step, nothing more), so the
/// intervals searched are exactly those of sweeping the whole window at once. What is held at any time is one
/// batch's candidates and the runs crossing its end: nothing grows with the number of conjunctions.
/// </para>
/// </summary>
public static class AllVersusAllScreener
{
    /// <summary>The grid's time step (s): LEO objects move about 460 km in it.</summary>
    public const double DefaultStepSeconds = 40.0;

    /// <summary>The grid's cell size (km).</summary>
    public const double DefaultCellSizeKm = 450.0;

    /// <summary>Steps swept and searched together (5.7 h at 40 s): a multiple of the sweep's chunk. The candidates of
    /// one batch of the whole catalogue with a 50 km sphere take about 7 MB.</summary>
    public const int StepsPerBatch = 8 * CatalogSweep.StepsPerChunk;

    /// <summary>How far (s) the fine search reaches beyond a run of candidate steps on each side.</summary>
    internal const double IntervalMarginSeconds = 1.0;

    /// <summary>Pairs per unit of fine-search work, whose conjunctions are handed to the sink together.</summary>
    private const int PairsPerWorkItem = 16;

    /// <summary>
    /// The screen, every conjunction collected: for catalogues whose conjunctions fit in memory (a list of the whole
    /// catalogue's with a 50 km sphere takes about 1 GB; use the streaming form there).
    /// </summary>
    public static AllVersusAllResult Screen(
        ScreeningCatalog catalog, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1,
        double stepSeconds = DefaultStepSeconds, double cellSizeKm = DefaultCellSizeKm)
    {
        var collector = new ConjunctionCollector();
        var statistics = Screen(catalog, collector, volume, maxDegreeOfParallelism, stepSeconds, cellSizeKm);
        return new AllVersusAllResult(collector.Sorted(), (int)statistics.Encounters, statistics);
    }

    /// <summary>
    /// The screen, streamed: every conjunction goes to <paramref name="sink"/> as the fine search finds it (one call
    /// at a time, in no particular order); the statistics come back at the end. <paramref name="stepSeconds"/> must
    /// exceed twice the interval margin (2 s), so that two intervals of one pair never overlap.
    /// </summary>
    public static AllVersusAllStatistics Screen(
        ScreeningCatalog catalog, IConjunctionSink sink, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1,
        double stepSeconds = DefaultStepSeconds, double cellSizeKm = DefaultCellSizeKm)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stepSeconds, 2.0 * IntervalMarginSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSizeKm);
        var all = catalog.Objects;
        var groups = ElementSetGroups.Of([.. all.Select(o => o.Trajectory.Source)]);
        var objects = groups.Representatives.Select(i => all[i]).ToArray();
        var volumes = objects.Select(o => volume ?? o.DefaultVolume).ToArray();
        var thresholds = volumes.Select(v => v.BoundingRadiusKm).ToArray();
        var windowSeconds = catalog.WindowSeconds;
        var sweep = new CatalogSweep(objects, thresholds, [.. volumes.Select(v => v.RadialKm)], windowSeconds, stepSeconds, cellSizeKm);
        var encoding = sweep.Encoding;
        var stride = sweep.Steps + 1L;
        var workers = new ConcurrentBag<SweepWorker>();
        // each worker holds a few MB of per-object buffers: no more of them than cores, even when the thread pool
        // grows on a loaded machine
        var parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        // reused batch after batch, so that their large arrays are allocated once
        var swept = new SweepResult();
        var runStarts = new List<int>();
        var delivered = new Lock();

        long boxPairSteps = 0, chordPairSteps = 0, radialPairSteps = 0, candidatePairs = 0;
        long intervals = 0, encounters = 0, conjunctions = 0;
        var sweepTime = TimeSpan.Zero;
        var searchTime = TimeSpan.Zero;
        // runs reaching the previous batch's last step: pair → the run's first step
        var open = new Dictionary<long, int>();
        for (var batchStart = 0; batchStart < sweep.Steps; batchStart += StepsPerBatch)
        {
            var batchEnd = Math.Min(sweep.Steps, batchStart + StepsPerBatch);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            swept.Clear();
            sweep.Run(batchStart, batchEnd, parallelism, workers, swept);
            boxPairSteps += swept.BoxPairSteps;
            chordPairSteps += swept.ChordPairSteps;
            radialPairSteps += swept.RadialPairSteps;
            // a carried run stands in this batch as a candidate at the previous batch's last step, so that it joins a
            // run that goes on at this batch's first step and is searched from its true first step either way
            var sorted = swept.Candidates;
            foreach (var pair in open.Keys)
            {
                sorted.Add(pair * stride + batchStart - 1);
            }
            sorted.Sort();
            sweepTime += clock.Elapsed;
            clock.Restart();

            runStarts.Clear();
            for (var c = 0; c < sorted.Count; c++)
            {
                if (c == 0 || encoding.Pair(sorted[c]) != encoding.Pair(sorted[c - 1]))
                {
                    runStarts.Add(c);
                }
            }
            runStarts.Add(sorted.Count);
            candidatePairs += runStarts.Count - 1;

            var carried = open;
            var next = new ConcurrentBag<(long Pair, int First)>();
            var last = batchEnd == sweep.Steps;
            // a partitioner refuses an empty range
            if (runStarts.Count > 1)
            {
                Parallel.ForEach(
                    Partitioner.Create(0, runStarts.Count - 1, PairsPerWorkItem),
                    options,
                    () => new SearchScratch(),
                    (range, _, scratch) =>
                    {
                        long localIntervals = 0, localEncounters = 0;
                        scratch.Begin(range.Item2 - range.Item1);
                        for (var run = range.Item1; run < range.Item2; run++)
                        {
                            var pair = encoding.Pair(sorted[runStarts[run]]);
                            var (i, j) = encoding.Indices(pair);
                            var a = objects[i];
                            var b = objects[j];
                            var distance = Math.Max(thresholds[i], thresholds[j]);
                            var acceleration = a.AccelerationBoundKmPerS2 + b.AccelerationBoundKmPerS2;
                            var end = Math.Min(windowSeconds, Math.Min(a.ValidUntilSeconds, b.ValidUntilSeconds));
                            var owner = run - range.Item1;
                            var tcas = scratch.Tcas[owner];
                            var laned = a.Trajectory.IsLaneable && b.Trajectory.IsLaneable;
                            for (var c = runStarts[run]; c < runStarts[run + 1];)
                            {
                                // consecutive candidate steps make one interval
                                var first = encoding.Step(sorted[c]);
                                var lastStep = first;
                                for (c++; c < runStarts[run + 1] && encoding.Step(sorted[c]) <= lastStep + 1; c++)
                                {
                                    lastStep = encoding.Step(sorted[c]);
                                }
                                if (first == batchStart - 1)
                                {
                                    first = carried[pair];
                                }
                                if (lastStep == batchEnd - 1 && !last)
                                {
                                    next.Add((pair, first));
                                    continue;
                                }
                                var from = Math.Max(0.0, sweep.Time(first) - IntervalMarginSeconds);
                                var to = Math.Min(end, sweep.Time(lastStep + 1) + IntervalMarginSeconds);
                                if (to > from)
                                {
                                    localIntervals++;
                                    if (laned)
                                    {
                                        scratch.Intervals.Add(new EncounterInterval(owner, a.Trajectory, b.Trajectory, from, to, distance, acceleration));
                                    }
                                    else
                                    {
                                        EncounterSearch.Search(a.Trajectory, b.Trajectory, from, to, distance, acceleration, tcas);
                                    }
                                }
                            }
                        }
                        EncounterSearch.SearchTwoAtATime(scratch.Intervals, scratch.Tcas);
                        for (var run = range.Item1; run < range.Item2; run++)
                        {
                            var tcas = scratch.Tcas[run - range.Item1];
                            if (tcas.Count > 0)
                            {
                                var (i, j) = encoding.Indices(encoding.Pair(sorted[runStarts[run]]));
                                localEncounters += Describe(objects[i], objects[j], tcas, catalog, volumes[i], volumes[j],
                                    groups.Members[i], groups.Members[j], scratch);
                            }
                        }
                        Interlocked.Add(ref intervals, localIntervals);
                        Interlocked.Add(ref encounters, localEncounters);
                        if (scratch.Found.Count > 0)
                        {
                            lock (delivered)
                            {
                                conjunctions += scratch.Found.Count;
                                foreach (var conjunction in scratch.Found)
                                {
                                    sink.Add(conjunction);
                                }
                            }
                            scratch.Found.Clear();
                        }
                        return scratch;
                    },
                    _ => { });
            }
            open = next.ToDictionary(r => r.Pair, r => r.First);
            searchTime += clock.Elapsed;
        }

        var count = all.Length;
        return new AllVersusAllStatistics(
            count,
            (long)count * (count - 1) / 2,
            CountRadiusOverlaps(objects, thresholds.Length == 0 ? 0.0 : thresholds.Max()),
            sweep.Steps,
            stepSeconds,
            boxPairSteps,
            chordPairSteps,
            radialPairSteps,
            candidatePairs,
            intervals,
            sweepTime,
            searchTime,
            encounters,
            conjunctions);
    }

    /// <summary>
    /// The conjunctions at a pair's times of closest approach, in both volumes, for every member of each object's
    /// group (<paramref name="primaryMembers"/> × <paramref name="secondaryMembers"/>, which share the
    /// representatives' states), into <paramref name="scratch"/>; returns the encounters, counted per member pair.
    /// </summary>
    private static long Describe(
        PreparedObject a, PreparedObject b, List<double> tcas, ScreeningCatalog catalog, ScreeningVolume volumeA,
        ScreeningVolume volumeB, int[] primaryMembers, int[] secondaryMembers, SearchScratch scratch)
    {
        var bag = scratch.Described;
        var found = ConjunctionScreener.AddConjunctions(a, b, tcas, catalog.WindowStart, catalog.WindowSeconds, volumeA, volumeB, bag);
        while (bag.TryTake(out var conjunction))
        {
            var (primaries, secondaries) = conjunction.PrimaryCatalogNumber == a.CatalogNumber
                ? (primaryMembers, secondaryMembers)
                : (secondaryMembers, primaryMembers);
            if (primaries.Length == 1 && secondaries.Length == 1)
            {
                scratch.Found.Add(conjunction);
                continue;
            }
            foreach (var primary in primaries)
            {
                foreach (var secondary in secondaries)
                {
                    scratch.Found.Add(conjunction with { PrimaryCatalogNumber = primary, SecondaryCatalogNumber = secondary });
                }
            }
        }
        return (long)found * primaryMembers.Length * secondaryMembers.Length;
    }

    /// <summary>Per-worker buffers of the fine search: the work item's intervals and its pairs' times of closest
    /// approach, the conjunctions they describe, and those of the work item, handed to the sink together.</summary>
    private sealed class SearchScratch
    {
        /// <summary>The times of closest approach of each pair of the work item.</summary>
        public List<List<double>> Tcas { get; } = [];

        /// <summary>The work item's intervals of pairs the vector kernel takes, searched two at a time.</summary>
        public List<EncounterInterval> Intervals { get; } = [];

        /// <summary>Empties the buffers for a work item of <paramref name="pairs"/> pairs.</summary>
        public void Begin(int pairs)
        {
            while (Tcas.Count < pairs)
            {
                Tcas.Add([]);
            }
            for (var p = 0; p < pairs; p++)
            {
                Tcas[p].Clear();
            }
            Intervals.Clear();
        }

        public ConcurrentBag<Conjunction> Described { get; } = [];
        public List<Conjunction> Found { get; } = [];
    }

    /// <summary>Pairs whose radius ranges come within <paramref name="distance"/>: what the apogee/perigee filter alone
    /// would leave.</summary>
    internal static long CountRadiusOverlaps(PreparedObject[] objects, double distance)
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
