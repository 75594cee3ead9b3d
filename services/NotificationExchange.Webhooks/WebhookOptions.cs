namespace NotificationExchange.Webhooks;

/// <summary>Webhook delivery as configured (section Exchange:Webhooks); <see cref="WebhookSettings"/> checks and resolves it.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Lets contact points give plain http URLs to this machine (localhost, 127.0.0.0/8, ::1), for tests and
    /// development; false in production, where every webhook is https.
    /// </summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>
    /// A PEM file of root certificates trusted for receivers besides the system's (a private CA, a test's own);
    /// none when empty. Receivers' certificates are otherwise validated as any HTTPS client validates them.
    /// </summary>
    public string? TrustedRootCertificates { get; set; }

    /// <summary>How long one POST may take, from connecting to the receiver's status line.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the second attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Each wait is the doubled delay times a random factor in [1 - jitter, 1 + jitter] (at most
    /// <see cref="MaxRetryDelay"/>), so that receivers recovering from an outage are not hit by every retry at once.
    /// </summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>Attempts before a delivery is given up (with the defaults about an hour and a half of trying).</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>
    /// How often the dispatcher looks for deliveries other instances queued (its own it claims at once, and retries
    /// when they come due).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts one instance makes at the same time.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 16;
}
