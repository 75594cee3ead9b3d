using System.Diagnostics;
using System.Globalization;
using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Bench;
using NotificationExchange.Orbits.Screening;

// Orbit engine benchmarks over the public catalogue snapshot: propagation rate (scalar baseline vs batch path, same
// process), one-primary screening per regime (fast screen, 7 days, medians of repeated runs; brute-force baseline
// run in the same process over a shorter window and compared per simulated day), and the all-against-all screen of
// the whole catalogue over 24 hours.
// the whole catalogue over 24 hours (default volumes), and the same with a sphere streamed to a sink that keeps nothing
// (in a process of its own, so that its peak memory is the screen's), checked against the previous implementation.
// Usage: Program [--catalog PATH] [--repeats N] [--baseline-days D] [--all-vs-all-repeats N] [--no-all-vs-all]
//                [--sphere-km KM] [--cell-km KM] [--sphere-repeats N] [--no-sphere] [--sphere-only]

var catalogPath = Option("--catalog") ?? Path.Combine(RepositoryRoot(), "..", "shared", "data", "catalog", "spacetrack_3le_2022-07-14.txt");
var repeats = int.Parse(Option("--repeats") ?? "5", CultureInfo.InvariantCulture);
var baselineDays = double.Parse(Option("--baseline-days") ?? "1", CultureInfo.InvariantCulture);
var allVersusAllRepeats = args.Contains("--no-all-vs-all") ? 0 : int.Parse(Option("--all-vs-all-repeats") ?? "1", CultureInfo.InvariantCulture);
var windowStart = new DateTime(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);
var sphereKm = double.Parse(Option("--sphere-km") ?? "50", CultureInfo.InvariantCulture);
var cellKm = double.Parse(Option("--cell-km") ?? AllVersusAllScreener.DefaultCellSizeKm.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var sphereRepeats = args.Contains("--no-sphere") ? 0 : int.Parse(Option("--sphere-repeats") ?? "3", CultureInfo.InvariantCulture);
if (args.Contains("--sphere-child") || args.Contains("--sphere-reference-child"))
{
    return SphereBench.Run(catalogPath, windowStart, sphereKm, cellKm, args.Contains("--sphere-reference-child"));
}
if (args.Contains("--sphere-only"))
{
    return SphereBench.Spawn(catalogPath, sphereKm, cellKm, sphereRepeats);
}
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; catalogue {catalogPath}");
Console.WriteLine($"load average at start: {LoadAverage()} (the machine is shared: compare ratios within one run)");

var loadTimes = new List<double>();
CatalogLoadResult load = null!;
for (var run = 0; run < repeats; run++)
{
    var stopwatch = Stopwatch.StartNew();
    load = TleCatalog.Load(catalogPath);
    loadTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"catalogue load: {load.Entries.Count} element sets, {load.Rejections.Count} rejected, median {Median(loadTimes):F0} ms");
foreach (var rejection in load.Rejections.Take(5))
{
    Console.WriteLine($"  rejected {rejection}");
}

var trajectories = load.Entries.Select(e => Trajectory.FromTle(e.Tle)).ToList();
var propagators = trajectories.Select(t => t.InitialPropagator).ToList();

// ---- propagation rate ----
var batch = new Sgp4Batch(propagators, windowStart);
var states = new double[6 * batch.Count];
var errors = new Sgp4Error[batch.Count];
const int steps = 40;
double ScalarBaseline() => ScalarRate(trajectories);
double ScalarRate(List<Trajectory> objects)
{
    // the straightforward loop: every call converts the instant to minutes since that object's epoch
    var stopwatch = Stopwatch.StartNew();
    var sink = 0.0;
    for (var step = 0; step < steps; step++)
    {
        var time = windowStart.AddMinutes(step * 10.0);
        foreach (var trajectory in objects)
        {
            if (trajectory.StateAt(time, out var state) == Sgp4Error.None)
            {
                sink += state.PositionKm.X;
            }
        }
    }
    GC.KeepAlive(sink);
    return steps * objects.Count / stopwatch.Elapsed.TotalSeconds;
}
double BatchRate(int threads)
{
    var stopwatch = Stopwatch.StartNew();
    for (var step = 0; step < steps; step++)
    {
        if (threads == 1)
        {
            batch.PropagateRange(0, batch.Count, step * 10.0, states, errors);
        }
        else
        {
            batch.PropagateAll(step * 10.0, states, errors, threads);
        }
    }
    return steps * batch.Count / stopwatch.Elapsed.TotalSeconds;
}
ScalarBaseline();
BatchRate(1);
var scalarRates = new List<double>();
var batchRates = new List<double>();
var parallelRates = new List<double>();
for (var run = 0; run < repeats; run++)
{
    scalarRates.Add(ScalarBaseline());
    batchRates.Add(BatchRate(1));
    parallelRates.Add(BatchRate(Environment.ProcessorCount));
}
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
batch.PropagateRange(0, batch.Count, 123.0, states, errors);
var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
Console.WriteLine($"propagation over the whole catalogue ({batch.Count} objects x {steps} instants, medians of {repeats}):");
Console.WriteLine($"  scalar baseline (DateTime per call), 1 core : {Median(scalarRates) / 1e6:F2} M propagations/s");
Console.WriteLine($"  batch kernel, 1 core                        : {Median(batchRates) / 1e6:F2} M propagations/s ({Median(batchRates) / Median(scalarRates):F2}x the scalar loop; Vallado's C++ measured here: ~1.9 M/s)");
Console.WriteLine($"  batch, {Environment.ProcessorCount} cores                          : {Median(parallelRates) / 1e6:F2} M propagations/s");
Console.WriteLine($"  bytes allocated by one batch pass over the catalogue: {allocated}");
foreach (var (label, deep) in new[] { ("near-Earth objects (vector kernel)", false), ("deep-space objects (scalar SDP4)", true) })
{
    var subset = trajectories.Where(t => t.IsDeepSpace == deep).ToList();
    var subsetBatch = new Sgp4Batch([.. subset.Select(t => t.InitialPropagator)], windowStart);
    var subsetStates = new double[6 * subset.Count];
    var subsetErrors = new Sgp4Error[subset.Count];
    var scalar = new List<double>();
    var batched = new List<double>();
    for (var run = 0; run < repeats + 1; run++)
    {
        var scalarRate = ScalarRate(subset);
        var stopwatch = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            subsetBatch.PropagateRange(0, subsetBatch.Count, step * 10.0, subsetStates, subsetErrors);
        }
        var batchRate = steps * subset.Count / stopwatch.Elapsed.TotalSeconds;
        if (run > 0)
        {
            scalar.Add(scalarRate);
            batched.Add(batchRate);
        }
    }
    Console.WriteLine($"  {label}, {subset.Count}: scalar {Median(scalar) / 1e6:F2} M/s, batch {Median(batched) / 1e6:F2} M/s ({Median(batched) / Median(scalar):F2}x)");
}

// ---- screening ----
var primaries = new (string Regime, int CatalogNumber)[]
{
    ("LEO (ISS, perigee < 500 km)", 25544),
    ("LEO (STARLINK-24, 500-750 km)", 44238),
    ("MEO (NAVSTAR 53)", 28129),
    ("GEO (INTELSAT 901)", 26824),
    ("HEO (MOLNIYA 1-80)", 21118),
};
var prepareTimes = new List<double>();
ScreeningCatalog week = null!;
for (var run = 0; run < repeats; run++)
{
    var stopwatch = Stopwatch.StartNew();
    week = ScreeningCatalog.Prepare(trajectories, windowStart, windowStart.AddDays(7));
    prepareTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
}
var shortWindow = ScreeningCatalog.Prepare(trajectories, windowStart, windowStart.AddDays(baselineDays));
Console.WriteLine($"screening catalogue preparation (7-day window, shared by all primaries): median {Median(prepareTimes):F0} ms");
Console.WriteLine($"one primary against {week.Count} objects; fast: median of {repeats}; brute force (every object every {BruteForceScreener.DefaultStepSeconds} s): one run over {baselineDays} day(s)");
foreach (var (regime, number) in primaries)
{
    var primary = trajectories.Single(t => t.CatalogNumber == number);
    ConjunctionScreener.Screen(primary, week);
    var fastTimes = new List<double>();
    IReadOnlyList<Conjunction> found = [];
    ScreeningStatistics statistics = null!;
    for (var run = 0; run < repeats; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        found = ConjunctionScreener.Screen(primary, week, null, -1, out statistics);
        fastTimes.Add(stopwatch.Elapsed.TotalSeconds);
    }
    var shortTimes = new List<double>();
    IReadOnlyList<Conjunction> shortFound = [];
    for (var run = 0; run < repeats; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        shortFound = ConjunctionScreener.Screen(primary, shortWindow);
        shortTimes.Add(stopwatch.Elapsed.TotalSeconds);
    }
    var bruteWatch = Stopwatch.StartNew();
    var brute = BruteForceScreener.Screen(primary, shortWindow);
    var bruteSeconds = bruteWatch.Elapsed.TotalSeconds;
    var agree = brute.Count == shortFound.Count && brute.Zip(shortFound).All(pair =>
        pair.First.SecondaryCatalogNumber == pair.Second.SecondaryCatalogNumber
        && Math.Abs((pair.First.TimeOfClosestApproach - pair.Second.TimeOfClosestApproach).TotalSeconds) < 1.0);
    Console.WriteLine($"  {regime}: 7 days {Median(fastTimes):F2} s (min {fastTimes.Min():F2}, max {fastTimes.Max():F2}), {found.Count} conjunctions; " +
        $"pairs after apogee/perigee {statistics.PairsAfterApogeePerigee}, plane windows {statistics.PlaneWindows}, searched {statistics.WindowsSearched}");
    Console.WriteLine($"      {baselineDays} day: fast {Median(shortTimes):F3} s vs brute force {bruteSeconds:F1} s = {bruteSeconds / Median(shortTimes):F0}x; " +
        $"brute force 7 days extrapolated {bruteSeconds * 7 / baselineDays:F0} s; conjunctions fast {shortFound.Count} / brute {brute.Count} ({(agree ? "same" : "DIFFERENT")}); " +
        $"7-day fast vs extrapolated brute force {bruteSeconds * 7 / baselineDays / Median(fastTimes):F0}x");
}

// ---- all against all ----
if (allVersusAllRepeats > 0)
{
    var day = ScreeningCatalog.Prepare(trajectories, windowStart, windowStart.AddDays(1));
    Console.WriteLine($"all against all, {day.Count} objects, 24 h, default volumes (every object a primary with its own), load {LoadAverage()}:");
    var times = new List<double>();
    var cpuTimes = new List<double>();
    AllVersusAllResult result = null!;
    for (var run = 0; run < allVersusAllRepeats; run++)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        result = AllVersusAllScreener.Screen(day);
        times.Add(stopwatch.Elapsed.TotalSeconds);
        cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        var s = result.Statistics;
        Console.WriteLine($"  run {run + 1}: {times[^1]:F1} s (CPU {cpuTimes[^1]:F1} s; sweep {s.SweepTime.TotalSeconds:F1} s, fine search {s.SearchTime.TotalSeconds:F1} s): " +
            $"{result.Encounters} encounters, {result.Conjunctions.Count} conjunctions (one per primary whose volume the other entered)");
    }
    var statistics = result.Statistics;
    Console.WriteLine($"  median {Median(times):F1} s (CPU {Median(cpuTimes):F1} s); pairs {statistics.Pairs:N0}, radius ranges within reach {statistics.PairsAfterApogeePerigee:N0}; " +
        $"grid {statistics.Steps} steps of {statistics.StepSeconds} s: (pair, step) boxes within reach {statistics.BoxPairSteps:N0}, chords within reach {statistics.ChordPairSteps:N0}, radii within reach {statistics.RadialPairSteps:N0}; " +
        $"pairs to the fine search {statistics.CandidatePairs:N0} in {statistics.SearchIntervals:N0} intervals");
    var closest = result.Conjunctions
        .DistinctBy(c => (Math.Min(c.PrimaryCatalogNumber, c.SecondaryCatalogNumber), Math.Max(c.PrimaryCatalogNumber, c.SecondaryCatalogNumber), c.TimeOfClosestApproach))
        .OrderBy(c => c.MissDistanceKm)
        .Take(3);
    foreach (var conjunction in closest)
    {
        Console.WriteLine($"  closest: {conjunction.PrimaryCatalogNumber} / {conjunction.SecondaryCatalogNumber} at {conjunction.TimeOfClosestApproach:HH:mm:ss.fff}, {conjunction.MissDistanceKm * 1000:F0} m, {conjunction.RelativeSpeedKmPerS:F2} km/s");
    }
}
if (sphereRepeats > 0)
{
    return SphereBench.Spawn(catalogPath, sphereKm, cellKm, sphereRepeats);
}
return 0;

static string LoadAverage() => Bench.LoadAverage();

static double Median(List<double> values) => Bench.Median(values);



string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NotificationExchange.sln")))
    {
        directory = directory.Parent;
    }
    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
