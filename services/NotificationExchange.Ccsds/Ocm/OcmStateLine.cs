namespace NotificationExchange.Ccsds.Ocm;

/// <summary>A line of an OCM trajectory or covariance section: a time (absolute, or seconds after EPOCH_TZERO) and its values.</summary>
public sealed class OcmStateLine
{
    public OcmStateLine()
    {
    }

    internal OcmStateLine(SourceLocation location) => Location = location;

    /// <summary>Where a reader found this line; null for a line built in code.</summary>
    public SourceLocation? Location { get; }

    public CcsdsTime Time { get; set; }
    public List<double> Values { get; set; } = [];
}
