using System.Globalization;

namespace NotificationExchange.Bench.Alerts;

/// <summary>
/// The alerts benchmark: per repeat, one exchange process (embedded SQLite store, in-memory bus) on the simulation
/// clock, the full catalogue loaded, and one <see cref="AlertsRun"/>; then the medians over the repeats. The exchange's
/// own log lines about screening (standing screening's duration) are printed as they come.
/// </summary>
internal static class AlertsScenario
{
    /// <summary>The p99 the issue asks for, filing to alert and to screened, maneuvers and proximity operations.</summary>
    public const double TargetP99Ms = 2000;

    public static async Task<int> RunAsync(string serverDll, int repeats, AlertsSettings settings)
    {
        if (!File.Exists(serverDll))
        {
            Console.Error.WriteLine($"no server at {serverDll}; build it first (bench/run.sh does)");
            return 2;
        }
        if (!File.Exists(settings.CataloguePath))
        {
            Console.Error.WriteLine($"no catalogue at {settings.CataloguePath} (--catalogue; the shared data's spacetrack_3le_2022-07-14.txt)");
            return 2;
        }
        var objects = CatalogueObjects.Pick(settings.CataloguePath, settings.SimulationStart, maxAgeDays: 7, seed: 20221202);
        Console.WriteLine($"NotificationExchange alerts benchmark: 1 server (embedded), simulation clock from {settings.SimulationStart:yyyy-MM-ddTHH:mm:ss}Z, " +
            $"catalogue {Path.GetFileName(settings.CataloguePath)} ({objects.Total} objects), maneuvers and proximity operations at {settings.Rate}/s for " +
            $"{settings.Duration.TotalSeconds} s, then {settings.Launches} launches, {repeats} repeat(s), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var results = new List<AlertsResult>();
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            var standing = new StandingScreenLog();
            await using var group = await ServerGroup.StartAsync(serverDll, 1, null, $"alerts-{repeat}",
                [
                    $"--Exchange:SimulationClock:Start={settings.SimulationStart:yyyy-MM-ddTHH:mm:ssZ}",
                    "--Logging:LogLevel:NotificationExchange.Alerts=Information",
                ],
                line =>
                {
                    standing.Read(line);
                    if (line.Contains("screening", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("info:", StringComparison.Ordinal))
                    {
                        Console.WriteLine($"  [exchange] {line.Trim()}");
                    }
                });
            var result = await new AlertsRun(group.Addresses[0], ServerGroup.AdminKey, settings, objects, standing).RunAsync();
            results.Add(result);
            Print($"repeat {repeat}", result);
            Console.WriteLine($"  load average after the repeat: {LoadAverage()}");
        }
        if (results.Count > 1)
        {
            double Median(Func<AlertsResult, double> pick) => Statistics.Median(results.Select(pick));
            Console.WriteLine();
            Console.WriteLine($"medians over {results.Count} repeats (ms):");
            Console.WriteLine($"  maneuver filing to alert (owner)   p50 {Median(r => r.ManeuverToOwner.P50Ms),8:0}  p99 {Median(r => r.ManeuverToOwner.P99Ms),8:0}  max {Median(r => r.ManeuverToOwner.MaxMs),8:0}");
            Console.WriteLine($"  maneuver filing to screened        p50 {Median(r => r.ManeuverScreened.P50Ms),8:0}  p99 {Median(r => r.ManeuverScreened.P99Ms),8:0}  max {Median(r => r.ManeuverScreened.MaxMs),8:0}");
            Console.WriteLine($"  RPO filing to screened             p50 {Median(r => r.RpoScreened.P50Ms),8:0}  p99 {Median(r => r.RpoScreened.P99Ms),8:0}  max {Median(r => r.RpoScreened.MaxMs),8:0}");
            Console.WriteLine($"  launch filing to screened          p50 {Median(r => r.LaunchScreened.P50Ms),8:0}  p99 {Median(r => r.LaunchScreened.P99Ms),8:0}  max {Median(r => r.LaunchScreened.MaxMs),8:0}");
            Console.WriteLine($"  launch payload to first alert      p50 {Median(r => r.PayloadToFiler.P50Ms),8:0}  p99 {Median(r => r.PayloadToFiler.P99Ms),8:0}  max {Median(r => r.PayloadToFiler.MaxMs),8:0}");
        }
        var met = results.All(r => r.ManeuverScreened.P99Ms < TargetP99Ms && r.RpoScreened.P99Ms < TargetP99Ms && !(r.ManeuverToOwner.P99Ms >= TargetP99Ms));
        Console.WriteLine($"target (p99 < {TargetP99Ms:0} ms for maneuvers and proximity operations): {(met ? "met" : "missed")}");
        // Non-zero when a filing was refused or never screened, or a maneuver built to meet a registered object
        // raised no alert to its operator: the figures would then not mean what they say.
        return results.All(r => r.AllScreened && r.TargetedAlerted == r.Targeted) ? 0 : 1;
    }

    private static void Print(string label, AlertsResult r)
    {
        Console.WriteLine($"{label}: filed {string.Join(", ", r.Filed.OrderBy(k => k.Key).Select(k => $"{k.Value} {k.Key}"))}; " +
            $"screens: {string.Join(", ", r.Outcomes.OrderBy(k => k.Key).Select(k => $"{k.Value} {k.Key}"))}{(r.AllScreened ? " (every filing screened)" : " (NOT every filing screened)")}");
        foreach (var line in r.Unscreened)
        {
            Console.WriteLine($"  not screened: {line}");
        }
        Console.WriteLine($"  alerts: {r.AlertsRecorded} listed by the screens; RAISED on the owner's stream {r.OwnerRaised}, on the filer's {r.FilerRaised}; " +
            $"maneuvers built to meet a registered object: {r.TargetedAlerted} of {r.Targeted} alerted its operator; most objects in one screen {r.ObjectsScreened:0}");
        Console.WriteLine($"  maneuvers  filing to alert, owner's stream   {r.ManeuverToOwner}");
        Console.WriteLine($"             filing to alert, filer's stream   {r.ManeuverToFiler}");
        Console.WriteLine($"             filing to screened                {r.ManeuverScreened}");
        Console.WriteLine($"             filed_at to screened_at (server)  {r.ManeuverInExchange}");
        Console.WriteLine($"               of which its own screen         {r.ManeuverOwnScreen}");
        Console.WriteLine($"  RPO        filing to alert, owner's stream   {r.RpoToOwner}");
        Console.WriteLine($"             filing to alert, filer's stream   {r.RpoToFiler}");
        Console.WriteLine($"             filing to screened                {r.RpoScreened}");
        Console.WriteLine($"             filed_at to screened_at (server)  {r.RpoInExchange}");
        Console.WriteLine($"               of which its own screen         {r.RpoOwnScreen}");
        Console.WriteLine($"  launches   per payload, filing to its first alert (filer's stream)  {r.PayloadToFiler}");
        Console.WriteLine($"             filing to alert, owner's stream   {r.LaunchToOwner}");
        Console.WriteLine($"             filing to screened                {r.LaunchScreened}");
        Console.WriteLine($"             filed_at to screened_at (server)  {r.LaunchInExchange}");
        Console.WriteLine($"               of which its own screen         {r.LaunchOwnScreen}");
        foreach (var (payloads, summary) in r.LaunchScreenedByPayloads)
        {
            Console.WriteLine($"             {payloads} payload(s): filing to screened {summary}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static DateTime ParseStart(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
