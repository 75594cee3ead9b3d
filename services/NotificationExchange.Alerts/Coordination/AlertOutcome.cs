using NotificationExchange.Domain.Alerts;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// What a change of an alert left: the alert's latest entry it made (<see cref="Latest"/>), and the events it recorded
/// (none for a retry, whose <see cref="Latest"/> is the entry the first call made).
/// </summary>
public sealed record AlertOutcome(AlertRecorded Latest, IReadOnlyList<AlertRecorded> Recorded)
{
    public bool Replayed => Recorded.Count == 0;
}
