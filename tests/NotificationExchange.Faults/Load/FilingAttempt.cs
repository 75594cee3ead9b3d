namespace NotificationExchange.Faults.Load;

/// <summary>One filing as its filer saw it: when it was started and answered, and the answer (the notification's id
/// and sequence) or the error. Written once by the filer, when the call ends; read by the checker after that.</summary>
public sealed class FilingAttempt(FilingPlan plan, DateTime startedAt)
{
    private volatile FilingOutcome _outcome = FilingOutcome.Pending;

    public FilingPlan Plan { get; } = plan;
    public DateTime StartedAt { get; } = startedAt;
    public DateTime CompletedAt { get; private set; }
    public string? NotificationId { get; private set; }
    public ulong Sequence { get; private set; }
    public string? Error { get; private set; }
    public FilingOutcome Outcome => _outcome;

    public void Acknowledge(string notificationId, ulong sequence, DateTime at)
    {
        NotificationId = notificationId;
        Sequence = sequence;
        CompletedAt = at;
        _outcome = FilingOutcome.Acknowledged;
    }

    public void Fail(string error, DateTime at)
    {
        Error = error;
        CompletedAt = at;
        _outcome = FilingOutcome.Failed;
    }
}
