using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Bench.Alerts;

/// <summary>
/// One filing of the alerts benchmark and what became of it. <see cref="Started"/> is the benchmark's timestamp
/// (<see cref="System.Diagnostics.Stopwatch"/>) just before the FileNotification call.
/// </summary>
internal sealed class Filing(AlertsNotices.Kind kind, string subject, long started, int payloads, int? meets)
{
    /// <summary>What was filed about, for the report (object name and number, or the launch's payloads).</summary>
    public string Subject { get; } = subject;

    public AlertsNotices.Kind Kind { get; } = kind;

    public long Started { get; } = started;

    /// <summary>Payloads of a launch (0 otherwise).</summary>
    public int Payloads { get; } = payloads;

    /// <summary>The registered object a maneuver was built to pass 300 m from, if any.</summary>
    public int? Meets { get; } = meets;

    public string? Id { get; set; }

    /// <summary>Why the filing was refused or never answered, if it was.</summary>
    public string? Error { get; set; }

    /// <summary>Filing to the first GetNotification that showed the screen's outcome, ms (NaN until then).</summary>
    public double ScreenedMs { get; set; } = double.NaN;

    /// <summary>The exchange's own filed_at to screened_at, ms: the part of <see cref="ScreenedMs"/> inside the exchange.</summary>
    public double ServerScreenedMs { get; set; } = double.NaN;

    public ScreeningStatus? Screening { get; set; }

    /// <summary>The exchange's filed_at and screened_at (its simulated clock, which runs at the real pace).</summary>
    public DateTime FiledAt { get; set; }

    public DateTime ScreenedAt { get; set; }

    /// <summary>
    /// The exchange's time on this filing's own screen: screened_at less the later of its filed_at and the previous
    /// screen's screened_at (one worker screens the log in order, so a screen waits for those before it). NaN until set.
    /// </summary>
    public double OwnScreenMs { get; set; } = double.NaN;
}
