namespace NotificationExchange.Api.RateLimiting;

/// <summary>Whether a call may go on; when not, whose limit it hit (<see cref="Organization"/> or <see cref="Anonymous"/>), that limit, and the wait until a permit.</summary>
internal sealed record RateDecision(bool IsAllowed, string CallerKind, TimeSpan RetryAfter, double PermitsPerSecond, int Burst)
{
    public const string Organization = "organization";
    public const string Anonymous = "anonymous";

    public static RateDecision Allowed { get; } = new(true, "", TimeSpan.Zero, 0, 0);
}
