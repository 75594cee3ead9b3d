namespace NotificationExchange.Faults.Checking;

/// <summary>One delivery's filed-to-delivered latency, by when it arrived.</summary>
public readonly record struct LatencySample(DateTime ReceivedAt, double LatencyMs);
