namespace NotificationExchange.Filing.Embargoes;

/// <summary>Settings of <see cref="EmbargoReleases"/>, from Exchange:Embargoes.</summary>
public sealed class EmbargoReleaseOptions
{
    /// <summary>Where the exchange's configuration keeps these settings.</summary>
    public const string Section = "Exchange:Embargoes";

    /// <summary>What a host that starts with a poll interval out of range is told.</summary>
    public const string PollIntervalRange = $"{Section}:{nameof(PollInterval)} must be more than 00:00:00 and at most 1.00:00:00";

    /// <summary>
    /// How often the store is asked for embargoes that have ended even when none is known to end sooner, on the deadline
    /// clock: how late at worst an embargo filed on another instance (which this one is not told of) is released here,
    /// should that instance be unable to release it itself. Embargoes filed on this instance are noticed at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsValid() => PollInterval > TimeSpan.Zero && PollInterval <= TimeSpan.FromDays(1);
}
