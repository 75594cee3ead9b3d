using System.Diagnostics;
using NotificationExchange.Faults;
using NotificationExchange.Faults.Bench;
using NotificationExchange.Faults.Faults;
using NotificationExchange.Faults.Topology;

// The fault suite's soak. Usage (bench/run.sh faults builds and calls this):
//   NotificationExchange.Faults.Bench [--minutes 10] [--cluster] [--store postgres|sqlite] [--filers 3] [--rate 20]
//       [--subscribers 54] [--pause-seconds 30] [--cluster-port 5791] [--cluster-epmd-port 4491]
// Runs the fault suite's load (filers at a steady rate, subscribers with different filters over 3 exchange instances)
// and injects its faults in a loop until the time is up: the broker restarted (with --cluster: one node stopped and
// started, in turn), every broker connection closed, an instance killed (SIGKILL) and restarted, PostgreSQL restarted
// (fast and immediate in turn), an instance paused (SIGSTOP, then SIGCONT). Prints the table per kind of fault and
// the filed-to-delivered latency percentiles; exits 1 when anything was lost, repeated, unexpected or reordered.

var options = SoakOptions.Parse(args);
var minutes = options.GetDouble("minutes", 10);
var store = options.Get("store", "postgres") switch
{
    "postgres" => FaultStore.Postgres,
    "sqlite" => FaultStore.Sqlite,
    var other => throw new ArgumentException($"--store must be postgres or sqlite, not '{other}'"),
};
var pause = TimeSpan.FromSeconds(options.GetDouble("pause-seconds", 30));
var settings = new FaultLoadSettings(
    Filers: options.GetInt("filers", 3),
    RatePerFiler: options.GetDouble("rate", 20),
    Subscribers: options.GetInt("subscribers", 54));

IFaultBroker broker = options.Flag("cluster")
    ? await ClusterBroker.StartAsync(options.GetInt("cluster-port", 5791), options.GetInt("cluster-epmd-port", 4491))
    : await SingleNodeBroker.StartAsync();
await using var topology = await FaultTopology.StartAsync(store, broker);
Console.WriteLine($"soak: {topology.Description}; {minutes:0.#} minutes");

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
var clock = Stopwatch.StartNew();
var report = await new FaultRun(topology, settings, Console.Out).RunAsync(Rounds(), interrupted.Token);
Console.WriteLine();
Console.WriteLine(report.Format(byKind: true));
return report.Clean ? 0 : 1;

// Round after round of every fault, until the time is up (a fault under way finishes its phase).
IEnumerable<Fault> Rounds()
{
    for (var round = 0; ; round++)
    {
        foreach (var fault in topology.Faults(round, pause))
        {
            if (clock.Elapsed >= TimeSpan.FromMinutes(minutes))
            {
                yield break;
            }
            yield return fault;
        }
    }
}
