namespace NotificationExchange.Faults.Load;

/// <summary>One message a subscriber's stream brought that stands for a log entry: its sequence, the marker of the
/// filing it came from (null for anything that is not one of the run's filings), when the exchange recorded it and
/// when it arrived, and the phase the run was in when it arrived.</summary>
public sealed record Delivery(ulong Sequence, string? Marker, string Description, DateTime RecordedAt, DateTime ReceivedAt, int ReceivedInPhase)
{
    public TimeSpan Latency => ReceivedAt - RecordedAt;
}
