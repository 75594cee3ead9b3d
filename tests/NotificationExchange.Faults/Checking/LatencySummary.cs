using System.Globalization;

namespace NotificationExchange.Faults.Checking;

/// <summary>Filed-to-delivered latency over a whole run (every delivery of one of its filings, faults included).</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IEnumerable<LatencySample> samples)
    {
        var sorted = Percentiles.Sorted(samples.Select(s => s.LatencyMs));
        return new LatencySummary(sorted.Length, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 90), Percentiles.Of(sorted, 99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"filed-to-delivered latency over {Count:N0} deliveries: p50 {P50Ms:0} ms, p90 {P90Ms:0} ms, p99 {P99Ms:0} ms, max {MaxMs:0} ms");
}
