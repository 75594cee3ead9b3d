namespace NotificationExchange.Ccsds;

/// <summary>How a <see cref="CcsdsTime"/> was (and will be) written.</summary>
public enum CcsdsTimeForm
{
    /// <summary>YYYY-MM-DDThh:mm:ss[.d]</summary>
    Calendar,
    /// <summary>YYYY-DDDThh:mm:ss[.d], the day-of-year form.</summary>
    DayOfYear,
    /// <summary>Seconds relative to a reference epoch (OCM EPOCH_TZERO), written as a plain number.</summary>
    Relative,
}
