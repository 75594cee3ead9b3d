using System.Globalization;

namespace NotificationExchange.Bench.Alerts;

/// <summary>p50, p99 and max of a set of latencies, ms, and how many there were.</summary>
internal sealed record LatencySummary(int Count, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IEnumerable<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencySummary(sorted.Length, Statistics.Percentile(sorted, 0.50), Statistics.Percentile(sorted, 0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public override string ToString() => Count == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {P50Ms:0} ms, p99 {P99Ms:0} ms, max {MaxMs:0} ms (n={Count})");
}
