using System.Diagnostics;
using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Bench;

/// <summary>
/// The whole catalogue against itself over 24 hours with a sphere, streamed into a sink that keeps nothing, in a
/// process of its own so that the peak working set is the screen's (plus the catalogue's), not the rest of the
/// benchmark's; then the previous implementation (<see cref="AllVersusAllReference"/>, which holds every record) in the
/// same process, whose records must be the same.
/// </summary>
internal static class SphereBench
{
    /// <summary>Runs <see cref="Run"/> in a fresh process of this program and passes its output on.</summary>
    public static int Spawn(string catalogPath, double sphereKm, int repeats)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = false, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SphereBench).Assembly.Location);
        }
        foreach (var argument in new[] { "--sphere-child", "--catalog", catalogPath, "--sphere-km", sphereKm.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "--sphere-repeats", repeats.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    public static int Run(string catalogPath, DateTime windowStart, double sphereKm, int repeats)
    {
        var load = TleCatalog.Load(catalogPath);
        var trajectories = load.Entries.Select(e => Trajectory.FromTle(e.Tle)).ToList();
        var day = ScreeningCatalog.Prepare(trajectories, windowStart, windowStart.AddDays(1));
        var sphere = ScreeningVolume.Sphere(sphereKm);
        GC.Collect();
        var before = Environment.WorkingSet;
        Console.WriteLine($"all against all, {day.Count} objects, 24 h, {sphereKm} km sphere, streamed to a sink that keeps a count and a digest " +
            $"(own process; working set before the screen {before / 1e6:F0} MB, catalogue loaded and prepared), load {Bench.LoadAverage()}:");

        long peakHeap = 0;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                Thread.Sleep(20);
            }
        }) { IsBackground = true };
        sampler.Start();

        var times = new List<double>();
        var cpuTimes = new List<double>();
        DigestSink sink = null!;
        AllVersusAllStatistics statistics = null!;
        for (var run = 0; run < repeats; run++)
        {
            sink = new DigestSink();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            statistics = AllVersusAllScreener.Screen(day, sink, sphere);
            times.Add(stopwatch.Elapsed.TotalSeconds);
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            Console.WriteLine($"  run {run + 1}: {times[^1]:F1} s (CPU {cpuTimes[^1]:F1} s; sweep {statistics.SweepTime.TotalSeconds:F1} s, fine search {statistics.SearchTime.TotalSeconds:F1} s): " +
                $"{statistics.Encounters:N0} encounters, {statistics.Conjunctions:N0} conjunctions, load {Bench.LoadAverage()}");
        }
        stop.Cancel();
        sampler.Join();
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"  median {Bench.Median(times):F1} s (min {times.Min():F1}, max {times.Max():F1}; CPU {Bench.Median(cpuTimes):F1} s); " +
            $"peak working set {peakWorkingSet / 1e6:F0} MB, peak GC heap (sampled every 20 ms) {peakHeap / 1e6:F0} MB");
        Console.WriteLine($"  grid {statistics.Steps} steps: (pair, step) boxes within reach {statistics.BoxPairSteps:N0}, chords within reach {statistics.ChordPairSteps:N0}; " +
            $"pair searches {statistics.CandidatePairs:N0} (per batch of {AllVersusAllScreener.StepsPerBatch} steps) in {statistics.SearchIntervals:N0} intervals");

        // the previous implementation, after the streaming runs so that its gigabyte does not count in their peak
        var referenceWatch = Stopwatch.StartNew();
        var reference = AllVersusAllReference.Screen(day, sphere);
        var referenceSeconds = referenceWatch.Elapsed.TotalSeconds;
        var referenceDigest = new DigestSink();
        foreach (var conjunction in reference.Conjunctions)
        {
            referenceDigest.Add(conjunction);
        }
        var same = referenceDigest.Digest == sink.Digest;
        Console.WriteLine($"  previous implementation (whole window at once, every record held, docked vehicles screened one by one): {referenceSeconds:F1} s, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB, {reference.Encounters:N0} encounters, {reference.Conjunctions.Count:N0} conjunctions");
        Console.WriteLine($"  records: {(same ? "the same" : "DIFFERENT")} (digest of catalogue numbers, TCA ticks and miss bits: streamed {sink.Digest}, previous {referenceDigest.Digest})");
        if (!same)
        {
            ReportDifferences(day, sphere, reference.Conjunctions);
        }
        return same ? 0 : 1;
    }

    /// <summary>On a digest mismatch: which records differ beyond 1 ms and 1 m, which only within them.</summary>
    private static void ReportDifferences(ScreeningCatalog day, ScreeningVolume sphere, IReadOnlyList<Conjunction> reference)
    {
        var streamed = new ConjunctionCollector();
        AllVersusAllScreener.Screen(day, streamed, sphere);
        static List<Conjunction> Ordered(IEnumerable<Conjunction> c) =>
            [.. c.OrderBy(x => x.PrimaryCatalogNumber).ThenBy(x => x.SecondaryCatalogNumber).ThenBy(x => x.TimeOfClosestApproach)];
        var want = Ordered(reference);
        var got = Ordered(streamed.Conjunctions);
        var beyond = want.Count == got.Count ? 0 : Math.Abs(want.Count - got.Count);
        var within = 0;
        foreach (var (w, g) in want.Zip(got))
        {
            var samePair = w.PrimaryCatalogNumber == g.PrimaryCatalogNumber && w.SecondaryCatalogNumber == g.SecondaryCatalogNumber;
            if (!samePair || Math.Abs((w.TimeOfClosestApproach - g.TimeOfClosestApproach).TotalSeconds) > 1e-3 || Math.Abs(w.MissDistanceKm - g.MissDistanceKm) > 1e-3)
            {
                if (beyond++ < 10)
                {
                    Console.WriteLine($"    {g} vs previous {w}");
                }
            }
            else if (w != g)
            {
                within++;
            }
        }
        Console.WriteLine($"  {beyond} records differ beyond 1 ms / 1 m, {within} within");
    }
}
