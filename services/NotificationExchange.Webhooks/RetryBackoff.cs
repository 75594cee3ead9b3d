namespace NotificationExchange.Webhooks;

/// <summary>When a failed delivery is tried again: exponential backoff with jitter, then given up.</summary>
internal sealed class RetryBackoff(WebhookSettings settings)
{
    /// <summary>
    /// When to try again after attempt <paramref name="attempt"/> failed at <paramref name="failedAt"/>: the first
    /// retry delay doubled for each attempt before, times a random factor within the jitter, at most the maximum
    /// delay; null once <paramref name="attempt"/> was the last allowed.
    /// </summary>
    public DateTime? RetryAt(int attempt, DateTime failedAt)
    {
        if (attempt >= settings.MaxAttempts)
        {
            return null;
        }
        // doubling past 2^20 changes nothing (the maximum delay is at most a day), and keeps the arithmetic finite
        var doubled = settings.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var jittered = Math.Min(settings.MaxRetryDelay.TotalMilliseconds, doubled) * (1 + (settings.RetryJitter * ((2 * Random.Shared.NextDouble()) - 1)));
        // whole milliseconds, as timers count
        return failedAt + TimeSpan.FromMilliseconds(Math.Round(Math.Min(settings.MaxRetryDelay.TotalMilliseconds, jittered)));
    }
}
