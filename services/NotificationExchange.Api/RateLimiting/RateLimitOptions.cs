namespace NotificationExchange.Api.RateLimiting;

/// <summary>
/// Exchange:RateLimits: a token bucket per organisation (administrators included: a leaked administrator key must not
/// be able to flood the exchange either), and a stricter one per client address for calls without a valid credential.
/// A bucket holds up to its burst and refills at its rate; each call (a stream once, when it opens) takes one permit.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Exchange:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Each organisation's sustained rate of calls.</summary>
    public double PermitsPerSecond { get; set; } = 100;

    /// <summary>How many calls an organisation that was quiet may make at once.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Each client address's rate of calls without a valid credential.</summary>
    public double AnonymousPermitsPerSecond { get; set; } = 10;

    public int AnonymousBurst { get; set; } = 20;

    /// <summary>The problems of these settings, each naming its setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(PermitsPerSecond > 0 && PermitsPerSecond <= 1_000_000))
        {
            problems.Add($"{Section}:PermitsPerSecond is {PermitsPerSecond}: expected more than 0, at most 1000000");
        }
        if (!(AnonymousPermitsPerSecond > 0 && AnonymousPermitsPerSecond <= 1_000_000))
        {
            problems.Add($"{Section}:AnonymousPermitsPerSecond is {AnonymousPermitsPerSecond}: expected more than 0, at most 1000000");
        }
        if (Burst < 1)
        {
            problems.Add($"{Section}:Burst is {Burst}: expected at least 1");
        }
        if (AnonymousBurst < 1)
        {
            problems.Add($"{Section}:AnonymousBurst is {AnonymousBurst}: expected at least 1");
        }
        return problems;
    }
}
