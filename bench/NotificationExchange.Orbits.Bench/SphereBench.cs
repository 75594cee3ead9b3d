using System.Diagnostics;
using System.Globalization;
using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Bench;

/// <summary>
/// The whole catalogue against itself over 24 hours with a sphere, streamed into a sink that keeps nothing. Each run
/// is a process of its own, so that its peak working set is one screen's (plus the catalogue's), not the rest of the
/// benchmark's nor the garbage of the run before; then the previous implementation (<see cref="AllVersusAllReference"/>,
/// which holds every record) in one more process, whose records must be the same.
/// </summary>
internal static class SphereBench
{
    private const string ResultPrefix = "#result ";

    /// <summary>Runs each repeat and then the reference in fresh processes of this program, passes their output on,
    /// and sums up.</summary>
    public static int Spawn(string catalogPath, double sphereKm, double cellKm, int repeats)
    {
        Console.WriteLine($"all against all, 24 h, {sphereKm} km sphere, grid cells {cellKm} km, streamed to a sink that keeps a count and a digest; each run a process of its own, load {Bench.LoadAverage()}:");
        var runs = new List<string[]>();
        for (var run = 0; run < repeats; run++)
        {
            runs.Add(Child(catalogPath, sphereKm, cellKm, "--sphere-child"));
        }
        var reference = Child(catalogPath, sphereKm, cellKm, "--sphere-reference-child");
        double Field(string[] result, int index) => double.Parse(result[index], CultureInfo.InvariantCulture);
        var times = runs.Select(r => Field(r, 1)).ToList();
        var cpu = runs.Select(r => Field(r, 2)).ToList();
        var peaks = runs.Select(r => Field(r, 3)).ToList();
        var heaps = runs.Select(r => Field(r, 4)).ToList();
        Console.WriteLine($"  median {Bench.Median(times):F1} s (min {times.Min():F1}, max {times.Max():F1}; CPU median {Bench.Median(cpu):F1} s); " +
            $"peak working set median {Bench.Median(peaks):F0} MB (max {peaks.Max():F0}), peak GC heap median {Bench.Median(heaps):F0} MB (max {heaps.Max():F0})");
        var digests = runs.Select(r => r[0]).Distinct().ToList();
        var same = digests.Count == 1 && digests[0] == reference[0];
        Console.WriteLine($"  records: {(same ? "the same as the previous implementation's" : "DIFFERENT")} (digests of catalogue numbers, TCA ticks and miss bits: " +
            $"streamed {string.Join(", ", digests)}, previous {reference[0]})");
        return same ? 0 : 1;
    }

    /// <summary>One child process; returns the fields of its result line (digest, wall s, CPU s, peak working set MB,
    /// peak GC heap MB).</summary>
    private static string[] Child(string catalogPath, double sphereKm, double cellKm, string mode)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SphereBench).Assembly.Location);
        }
        foreach (var argument in new[] { mode, "--catalog", catalogPath, "--sphere-km", sphereKm.ToString("R", CultureInfo.InvariantCulture), "--cell-km", cellKm.ToString("R", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        string[]? result = null;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = line[ResultPrefix.Length..].Split(' ');
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        child.WaitForExit();
        return child.ExitCode == 0 && result is not null
            ? result
            : throw new InvalidOperationException($"{mode} exited with {child.ExitCode} and no result line");
    }

    /// <summary>One run, in this process: the streaming screen, or with <paramref name="reference"/> the previous
    /// implementation; prints a line and the result line <see cref="Spawn"/> reads.</summary>
    public static int Run(string catalogPath, DateTime windowStart, double sphereKm, double cellKm, bool reference)
    {
        var load = TleCatalog.Load(catalogPath);
        var trajectories = load.Entries.Select(e => Trajectory.FromTle(e.Tle)).ToList();
        var day = ScreeningCatalog.Prepare(trajectories, windowStart, windowStart.AddDays(1));
        var sphere = ScreeningVolume.Sphere(sphereKm);
        GC.Collect();
        var before = Environment.WorkingSet;

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

        var sink = new DigestSink();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        string detail;
        if (reference)
        {
            var result = AllVersusAllReference.Screen(day, sphere, cellSizeKm: cellKm);
            foreach (var conjunction in result.Conjunctions)
            {
                sink.Add(conjunction);
            }
            detail = $"{result.Encounters:N0} encounters, {result.Conjunctions.Count:N0} conjunctions";
        }
        else
        {
            var statistics = AllVersusAllScreener.Screen(day, sink, sphere, cellSizeKm: cellKm);
            detail = $"sweep {statistics.SweepTime.TotalSeconds:F1} s, fine search {statistics.SearchTime.TotalSeconds:F1} s; {statistics.Encounters:N0} encounters, " +
                $"{statistics.Conjunctions:N0} conjunctions; (pair, step) boxes within reach {statistics.BoxPairSteps:N0}, chords within reach {statistics.ChordPairSteps:N0}, " +
                $"pair searches {statistics.CandidatePairs:N0} (per batch of {AllVersusAllScreener.StepsPerBatch} steps) in {statistics.SearchIntervals:N0} intervals";
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        stop.Cancel();
        sampler.Join();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        Console.WriteLine($"  {(reference ? "previous implementation (whole window at once, every record held, docked vehicles one by one)" : "streamed")}: " +
            $"{seconds:F1} s (CPU {cpu:F1} s), peak working set {peak:F0} MB (before the screen {before / 1e6:F0} MB: catalogue loaded and prepared), " +
            $"peak GC heap {peakHeap / 1e6:F0} MB (sampled every 20 ms); {detail}; load {Bench.LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{sink.Digest} {seconds:F2} {cpu:F2} {peak:F0} {peakHeap / 1e6:F0}"));
        return 0;
    }
}
