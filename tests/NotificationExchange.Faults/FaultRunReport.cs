using System.Text;
using NotificationExchange.Faults.Checking;

namespace NotificationExchange.Faults;

/// <summary>What a fault run found: a result per phase, the latency over the whole run, and what the subscribers saw
/// of the faults (reconnections, and refusals they should never get).</summary>
public sealed record FaultRunReport(string Topology, FaultLoadSettings Settings, IReadOnlyList<PhaseResult> Phases, LatencySummary Latency, int Reconnects, IReadOnlyList<string> Anomalies, TimeSpan Duration)
{
    public bool Clean => Phases.All(p => p.Clean) && Anomalies.Count == 0;

    public string Format(bool byKind)
    {
        var text = new StringBuilder();
        text.AppendLine($"{Topology}; {Settings.Filers} filers x {Settings.RatePerFiler:0.#}/s, {Settings.Subscribers} subscribers; {Phases.Count} faults in {Duration.TotalMinutes:0.0} min");
        text.Append(ResultTable.Format(Phases, byKind));
        text.AppendLine(Latency.ToString());
        text.AppendLine($"recovery: seconds from the fault's end until the median filed-to-delivered latency of every 0.5 s window stays at most twice the pre-fault p90 (at least 100 ms); subscriber reconnections: {Reconnects}");
        foreach (var phase in Phases.Where(p => p.Evidence.Count > 0))
        {
            text.AppendLine($"{phase.Fault}:");
            foreach (var line in phase.Evidence)
            {
                text.AppendLine("  " + line);
            }
        }
        foreach (var anomaly in Anomalies)
        {
            text.AppendLine("anomaly: " + anomaly);
        }
        return text.ToString();
    }
}
