namespace NotificationExchange.Faults.Checking;

/// <summary>
/// How long delivery took to return to normal after a fault. Deliveries are cut by arrival into windows of
/// <see cref="Window"/> from the fault's end; a window is normal when it has deliveries and their median latency is
/// at most the threshold, which is twice the baseline's 90th percentile but at least 100 ms (on a busy shared machine
/// the baseline itself wanders; a median over a window of hundreds of deliveries does not jump for one slow one,
/// while the log fallback the exchange degrades to, polling every 0.5 s, puts it well above). Recovery is from the
/// fault's end to the start of the first window after which every window is normal; an empty window is not normal
/// (nothing was delivered while filings went on, or filing itself was down).
/// </summary>
public static class RecoveryMeasure
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);

    public static double Threshold(IReadOnlyList<LatencySample> baseline)
    {
        var sorted = Percentiles.Sorted(baseline.Select(s => s.LatencyMs));
        var p90 = Percentiles.Of(sorted, 90);
        return double.IsNaN(p90) ? 100 : Math.Max(100, 2 * p90);
    }

    /// <summary>Recovery after <paramref name="faultEnd"/>, judged on deliveries until <paramref name="until"/>; null
    /// when the last window is still not normal.</summary>
    public static TimeSpan? Recovery(IReadOnlyList<LatencySample> samples, DateTime faultEnd, DateTime until, double thresholdMs)
    {
        var windows = Windows(samples, faultEnd, until, thresholdMs);
        if (windows.Count == 0 || !windows[^1])
        {
            return null;
        }
        var firstOfLastRun = windows.Count - 1;
        while (firstOfLastRun > 0 && windows[firstOfLastRun - 1])
        {
            firstOfLastRun--;
        }
        return Window * firstOfLastRun;
    }

    /// <summary>Whether the last <paramref name="span"/> (whole windows after <paramref name="faultEnd"/>) was normal.</summary>
    public static bool StableFor(IReadOnlyList<LatencySample> samples, DateTime faultEnd, DateTime now, double thresholdMs, TimeSpan span)
    {
        var windows = Windows(samples, faultEnd, now, thresholdMs);
        var needed = (int)Math.Ceiling(span / Window);
        return windows.Count >= needed && windows.TakeLast(needed).All(normal => normal);
    }

    /// <summary>Whole windows from <paramref name="from"/> to <paramref name="until"/>, each normal or not.</summary>
    private static List<bool> Windows(IReadOnlyList<LatencySample> samples, DateTime from, DateTime until, double thresholdMs)
    {
        var count = (int)Math.Floor((until - from) / Window);
        if (count <= 0)
        {
            return [];
        }
        var buckets = new List<double>[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = [];
        }
        foreach (var sample in samples)
        {
            if (sample.ReceivedAt < from)
            {
                continue;
            }
            var index = (int)Math.Floor((sample.ReceivedAt - from) / Window);
            if (index < count)
            {
                buckets[index].Add(sample.LatencyMs);
            }
        }
        return buckets.Select(b => b.Count > 0 && Percentiles.Of(Percentiles.Sorted(b), 50) <= thresholdMs).ToList();
    }
}
