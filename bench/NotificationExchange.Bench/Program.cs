using System.Globalization;
using NotificationExchange.Bench;
using NotificationExchange.Bench.Alerts;

// Load benchmark of the exchange. Usage (bench/run.sh builds and calls this):
//   NotificationExchange.Bench --server <NotificationExchange.Api.dll> --transport embedded|rabbitmq
//       [--broker amqp://guest:guest@localhost:5672/] [--subscriptions 1000] [--rate 500] [--seconds 20]
//       [--filers 8] [--concurrency 64] [--warmup 10] [--repeats 1] [--instances 2] [--postgres <connection string>]
//       [--compare <an older NotificationExchange.Api.dll>] [--profile <folder> --profile-command <command>]
// Prints, per repeat and as medians: durable filings/s (closed loop), the raw confirmed-publish baseline on the same
// broker and the ratio of the two, the servers' CPU per filing, filed-to-delivered latency on the streams at the fixed
// rate (p50, p99, max), deliveries/s, and the servers' peak memory. --instances runs that many exchange processes on
// one store (RabbitMQ between them); --postgres gives each ConnectionStrings:Postgres; --compare measures an older
// build in the same run, alternating repeat by repeat, and prints the ratios; --profile runs a profiler command
// against every server during each full-speed phase (bench/profile.sh).
//
//   NotificationExchange.Bench --server <NotificationExchange.Api.dll> --scenario conversation
//       [--broker ...] [--consultations 50] [--rate 100] [--seconds 20] [--warmup 5] [--repeats 1]
// Two servers on RabbitMQ; prints, per repeat and as medians, the latency of a conversation message from one party
// to the other party's stream on the other instance (p50, p99, max) at the fixed rate, and say-to-accepted.
//
//   NotificationExchange.Bench --server <NotificationExchange.Api.dll> --scenario alerts
//       [--catalogue ../shared/data/catalog/spacetrack_3le_2022-07-14.txt] [--simulation-start 2022-07-15T12:00:00Z]
//       [--seconds 60] [--rate 1] [--launches 12] [--repeats 1]
// One embedded server on the simulation clock with the full catalogue loaded; prints, per repeat, filing-to-alert and
// filing-to-screened latency (p50, p99, max) for maneuvers, proximity operations and launches (per payload), the
// alerts raised, and whether every filing was screened.
//
//   NotificationExchange.Bench --server <NotificationExchange.Api.dll> --scenario transparency
//       [--leaves 1000000] [--proofs 2000] [--seconds 10] [--warmup 5] [--filers 8] [--repeats 3]
// The transparency tree at --leaves leaves (append rate, inclusion and consistency proof sizes and times over the
// tree_nodes table in SQLite, signing time), and durable filings/s with the transparency log on and off, side by side
// (alternating, one embedded server each), as medians of the repeats.
//
//   NotificationExchange.Bench --server <NotificationExchange.Api.dll> --scenario recovery [--broker ...]
//       [--instances 2] [--rate 200] [--subscriptions-per-instance 10] [--seconds 30] [--outage 5] [--repeats 1]
//       [--compare <an older NotificationExchange.Api.dll>]
// The broker goes away (refuses the exchange and closes all connections to a virtual host of the run's own) for
// --outage seconds while filing at --rate: filing while it is away, and seconds until delivery is normal again.

var options = Options.Parse(args);
var broker = options.Get("broker", Environment.GetEnvironmentVariable("NX_BENCH_RABBITMQ") ?? "amqp://guest:guest@localhost:5672/");
var transport = options.Get("transport", "embedded");
var serverDll = Path.GetFullPath(options.Get("server", "services/NotificationExchange.Api/bin/Release/net10.0/NotificationExchange.Api.dll"));
var repeats = options.GetInt("repeats", 1);
if (options.Get("scenario", "load") == "conversation")
{
    return await ConversationScenario.RunAsync(serverDll, broker, repeats, new ConversationSettings(
        Consultations: options.GetInt("consultations", 50),
        Rate: options.GetDouble("rate", 100),
        Duration: TimeSpan.FromSeconds(options.GetDouble("seconds", 20)),
        Warmup: TimeSpan.FromSeconds(options.GetDouble("warmup", 5))));
}
if (options.Get("scenario", "load") == "alerts")
{
    return await AlertsScenario.RunAsync(serverDll, repeats, new AlertsSettings(
        Duration: TimeSpan.FromSeconds(options.GetDouble("seconds", 60)),
        Rate: options.GetDouble("rate", 1),
        Launches: options.GetInt("launches", 12),
        CataloguePath: Path.GetFullPath(options.Get("catalogue", "../shared/data/catalog/spacetrack_3le_2022-07-14.txt")),
        SimulationStart: AlertsScenario.ParseStart(options.Get("simulation-start", "2022-07-15T12:00:00Z"))));
}
if (options.Get("scenario", "load") == "transparency")
{
    return await TransparencyScenario.RunAsync(serverDll, repeats, new TransparencySettings(
        Leaves: options.GetInt("leaves", 1_000_000),
        Proofs: options.GetInt("proofs", 2_000),
        Filers: options.GetInt("filers", 8),
        Duration: TimeSpan.FromSeconds(options.GetDouble("seconds", 10)),
        Warmup: TimeSpan.FromSeconds(options.GetDouble("warmup", 5))));
}
if (options.Get("scenario", "load") == "recovery")
{
    List<(string Label, string Dll)> recoveryBuilds = [("this build", serverDll)];
    if (options.Get("compare", "") is { Length: > 0 } compared)
    {
        recoveryBuilds.Add(("compared build", Path.GetFullPath(compared)));
    }
    return await RecoveryScenario.RunAsync(recoveryBuilds, broker, repeats, new RecoverySettings(
        Instances: options.GetInt("instances", 2),
        Rate: options.GetDouble("rate", 200),
        SubscriptionsPerInstance: options.GetInt("subscriptions-per-instance", 10),
        Duration: TimeSpan.FromSeconds(options.GetDouble("seconds", 30)),
        Outage: TimeSpan.FromSeconds(options.GetDouble("outage", 5))));
}
var settings = new LoadSettings(
    Subscriptions: options.GetInt("subscriptions", 1000),
    ObjectsPerSubscription: options.GetInt("objects-per-subscription", 40),
    CatalogueSize: options.GetInt("catalogue", 2000),
    Filers: options.GetInt("filers", 8),
    ThroughputConcurrency: options.GetInt("concurrency", 64),
    Rate: options.GetDouble("rate", 500),
    Duration: TimeSpan.FromSeconds(options.GetDouble("seconds", 20)),
    Warmup: TimeSpan.FromSeconds(options.GetDouble("warmup", 10)));
if (transport is not ("embedded" or "rabbitmq"))
{
    Console.Error.WriteLine("--transport must be embedded or rabbitmq");
    return 2;
}
// Instances share one store; more than one needs the bus between them.
var instances = options.GetInt("instances", transport == "rabbitmq" ? 2 : 1);
if (instances < 1 || (instances > 1 && transport != "rabbitmq"))
{
    Console.Error.WriteLine("--instances must be 1 with --transport embedded, and at least 1 with rabbitmq");
    return 2;
}
// --postgres: the store every instance uses (ConnectionStrings:Postgres), instead of a fresh SQLite file.
var postgres = options.Get("postgres", "");
// --compare: an older build of the server, measured in the same run, alternating with --server repeat by repeat.
var builds = new List<(string Label, string Dll)> { ("this build", serverDll) };
if (options.Get("compare", "") is { Length: > 0 } compare)
{
    builds.Add(("compared build", Path.GetFullPath(compare)));
}
foreach (var (_, dll) in builds)
{
    if (!File.Exists(dll))
    {
        Console.Error.WriteLine($"no server at {dll}; build it first (bench/run.sh does)");
        return 2;
    }
}
// --profile: a folder and a command run against each server during each full-speed phase (bench/profile.sh).
var profile = ProfileHook.FromOptions(options.Get("profile", ""), options.Get("profile-command", ""));

Console.WriteLine($"NotificationExchange load benchmark: transport {transport}, {instances} instance(s) on {(postgres.Length > 0 ? "PostgreSQL" : "SQLite")}, " +
    $"{settings.Subscriptions} subscriptions x {settings.ObjectsPerSubscription} objects of {settings.CatalogueSize} " +
    $"(each filing matches ~{100.0 * settings.ObjectsPerSubscription / settings.CatalogueSize:0.#}%), {settings.Filers} filers, {settings.ThroughputConcurrency} in flight at full speed, " +
    $"{settings.Rate}/s paced for {settings.Duration.TotalSeconds} s, {repeats} repeat(s), {Environment.ProcessorCount} cores");
if (builds.Count > 1)
{
    Console.WriteLine($"  this build: {builds[0].Dll}; compared build: {builds[1].Dll} (alternating, the first going first in odd repeats)");
}

var results = builds.ToDictionary(b => b.Label, _ => new List<(LoadResult Load, double Baseline, double PeakMb)>());
for (var repeat = 1; repeat <= repeats; repeat++)
{
    var order = repeat % 2 == 1 ? builds : Enumerable.Reverse(builds).ToList();
    foreach (var (label, dll) in order)
    {
        IEnumerable<string> serverSettings = postgres.Length > 0 ? [$"--ConnectionStrings:Postgres={postgres}"] : [];
        await using var group = await ServerGroup.StartAsync(dll, instances, transport == "rabbitmq" ? broker : null, $"{repeat}", serverSettings);
        var servers = group.Servers;
        var baseline = await TryBaselineAsync(broker);
        var name = builds.Count > 1 ? $"repeat {repeat}, {label}" : $"repeat {repeat}";
        Console.WriteLine($"{name}: raw confirmed publish baseline {Format(baseline)}/s");
        var load = await new LoadRun(group.Addresses, ServerGroup.AdminKey, settings, () => servers.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime()),
            profile?.For(servers, $"r{repeat}-{(builds.Count > 1 ? label.Split(' ')[0] + "-" : "")}")).RunAsync();
        var peak = servers.Max(s => s.PeakMemoryMb());
        results[label].Add((load, baseline, peak));
        Console.WriteLine($"{name}: durable filings alone {load.FilingsAlonePerSecond:0}/s ({Ratio(load.FilingsAlonePerSecond, baseline)} of baseline, " +
            $"server CPU {load.ServerCpuUsPerFilingAlone:0} us/filing), with {settings.Subscriptions} subscriptions live {load.DurableFilingsPerSecond:0}/s ({Ratio(load.DurableFilingsPerSecond, baseline)}; " +
            $"CPU per filing: servers {load.ServerCpuUsPerFiling:0} us, this load generator {load.ClientCpuUsPerFiling:0} us); " +
            $"at {load.PacedFilingsPerSecond:0}/s filed-to-delivered p50 {load.P50Ms:0.0} ms, p99 {load.P99Ms:0.0} ms, max {load.MaxMs:0.0} ms; " +
            $"{load.DeliveriesPerSecond:0} deliveries/s ({load.Deliveries} of {load.ExpectedDeliveries} expected, {load.StreamResumes} stream resumes); server peak memory {peak:0} MB");
    }
}

var target = transport == "rabbitmq"
    ? ">= 0.15 with 3 instances on PostgreSQL and RabbitMQ"
    : ">= 0.8";
foreach (var (label, _) in builds)
{
    var runs = results[label];
    double Median(Func<(LoadResult Load, double Baseline, double PeakMb), double> pick) => Statistics.Median(runs.Select(pick));
    var alone = Median(r => r.Load.FilingsAlonePerSecond);
    var durable = Median(r => r.Load.DurableFilingsPerSecond);
    var baselineMedian = Median(r => r.Baseline);
    Console.WriteLine();
    Console.WriteLine($"medians over {runs.Count} repeat(s), transport {transport}, {instances} instance(s){(builds.Count > 1 ? $", {label}" : "")}:");
    Console.WriteLine($"  raw confirmed publish/s      {Format(baselineMedian),10}   (RabbitMQ.Client, persistent, confirms, one queue)");
    Console.WriteLine($"  durable filings/s, alone     {alone,10:0}   ratio {Ratio(alone, baselineMedian)} (target: {target})");
    Console.WriteLine($"  durable filings/s, fan-out   {durable,10:0}   ratio {Ratio(durable, baselineMedian)} (with {settings.Subscriptions} subscriptions live)");
    Console.WriteLine($"  server CPU per filing (us)   {Median(r => r.Load.ServerCpuUsPerFilingAlone),10:0}   alone (all instances; target on RabbitMQ: half the build's before issue 13, --compare)");
    Console.WriteLine($"  server CPU per filing (us)   {Median(r => r.Load.ServerCpuUsPerFiling),10:0}   fan-out (all instances, fan-out included)");
    Console.WriteLine($"  client CPU per filing (us)   {Median(r => r.Load.ClientCpuUsPerFiling),10:0}   (this load generator, on the same cores)");
    Console.WriteLine($"  filed-to-delivered p50 (ms)  {Median(r => r.Load.P50Ms),10:0.0}");
    Console.WriteLine($"  filed-to-delivered p99 (ms)  {Median(r => r.Load.P99Ms),10:0.0}   (target: < 25 ms at 500/s, 1000 subscriptions over the instances)");
    Console.WriteLine($"  filed-to-delivered max (ms)  {Median(r => r.Load.MaxMs),10:0.0}");
    Console.WriteLine($"  deliveries/s                 {Median(r => r.Load.DeliveriesPerSecond),10:0}");
    Console.WriteLine($"  server peak memory (MB)      {Median(r => r.PeakMb),10:0}   (target: < 300 MB)");
}
if (builds.Count > 1)
{
    double MedianOf(string label, Func<LoadResult, double> pick) => Statistics.Median(results[label].Select(r => pick(r.Load)));
    Console.WriteLine();
    Console.WriteLine("this build / compared build (medians):");
    Console.WriteLine($"  server CPU per filing, alone     {MedianOf(builds[0].Label, r => r.ServerCpuUsPerFilingAlone) / MedianOf(builds[1].Label, r => r.ServerCpuUsPerFilingAlone),6:0.00}   (target on RabbitMQ: <= 0.5)");
    Console.WriteLine($"  server CPU per filing, fan-out   {MedianOf(builds[0].Label, r => r.ServerCpuUsPerFiling) / MedianOf(builds[1].Label, r => r.ServerCpuUsPerFiling),6:0.00}");
    Console.WriteLine($"  durable filings/s, alone         {MedianOf(builds[0].Label, r => r.FilingsAlonePerSecond) / MedianOf(builds[1].Label, r => r.FilingsAlonePerSecond),6:0.00}");
    Console.WriteLine($"  durable filings/s, fan-out       {MedianOf(builds[0].Label, r => r.DurableFilingsPerSecond) / MedianOf(builds[1].Label, r => r.DurableFilingsPerSecond),6:0.00}");
    Console.WriteLine($"  filed-to-delivered p99           {MedianOf(builds[0].Label, r => r.P99Ms) / MedianOf(builds[1].Label, r => r.P99Ms),6:0.00}");
}
return 0;

static async Task<double> TryBaselineAsync(string broker)
{
    try
    {
        return await ConfirmedPublishBaseline.MeasureAsync(broker, TimeSpan.FromSeconds(5));
    }
    catch (Exception e)
    {
        Console.WriteLine($"  (no baseline: RabbitMQ at {broker} is not reachable: {e.Message})");
        return double.NaN;
    }
}

static string Format(double value) => double.IsFinite(value) ? value.ToString("0", CultureInfo.InvariantCulture) : "n/a";

static string Ratio(double value, double baseline) =>
    double.IsFinite(baseline) && baseline > 0 ? (value / baseline).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }
            values[args[i][2..]] = args[++i];
        }
        return new Options(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double GetDouble(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
