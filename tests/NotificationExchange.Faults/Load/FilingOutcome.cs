namespace NotificationExchange.Faults.Load;

public enum FilingOutcome
{
    /// <summary>Still waiting for the exchange's answer.</summary>
    Pending,

    /// <summary>The exchange answered with the notification: it is durable.</summary>
    Acknowledged,

    /// <summary>The call failed (after the client library's retries). It may still have committed before the error
    /// (indeterminate): the check reads the store to tell.</summary>
    Failed,
}
