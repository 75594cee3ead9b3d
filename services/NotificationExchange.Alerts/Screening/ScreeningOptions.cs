namespace NotificationExchange.Alerts.Screening;

/// <summary>Settings of screening (section <c>Alerts:Screening</c>).</summary>
public sealed class ScreeningOptions
{
    public const string Section = "Exchange:Alerts:Screening";

    /// <summary>How long after the end of a notice's activity window its object is screened (at least 7 days).</summary>
    public double DaysAfterActivity { get; set; } = 7;

    /// <summary>
    /// The window notification screens share, from the start of the hour they run in: prepared once an hour instead of
    /// once a screen. Screens whose span reaches beyond it prepare their own.
    /// </summary>
    public double SharedWindowDays { get; set; } = 10;

    /// <summary>How long a launch's insertion orbits are screened from their epochs.</summary>
    public double LaunchDays { get; set; } = 3;

    /// <summary>
    /// The oldest an element set may be at the end of the span it is screened over. Older ones are left out (a
    /// secondary) or refused (a notice's own orbit), and the screening status says so: an SGP4 prediction weeks past
    /// its epoch is kilometres off in LEO, which would make alerts (or their absence) meaningless.
    /// </summary>
    public double MaxElementSetAgeDays { get; set; } = 30;

    /// <summary>Hard-body radius assumed for objects whose operator gave none (catalogue objects), metres.</summary>
    public double DefaultHardBodyRadiusM { get; set; } = 5;

    /// <summary>How often every registered object is screened against the whole catalogue (also after each catalogue load).</summary>
    public double StandingIntervalMinutes { get; set; } = 360;

    /// <summary>The span standing screening looks ahead.</summary>
    public double StandingDays { get; set; } = 7;

    /// <summary>How often a worker looks at the log for work another instance committed.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>How long a worker's lease of the screening cursor lasts without renewal.</summary>
    public double LeaseSeconds { get; set; } = 60;
}
