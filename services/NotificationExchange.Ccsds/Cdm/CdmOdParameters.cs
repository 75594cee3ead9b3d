namespace NotificationExchange.Ccsds.Cdm;

/// <summary>Orbit determination parameters of one object.</summary>
public sealed class CdmOdParameters : CcsdsBlock
{
    public CcsdsTime? TimeLastObStart { get; set; }
    public CcsdsTime? TimeLastObEnd { get; set; }
    /// <summary>Days.</summary>
    public double? RecommendedOdSpan { get; set; }
    public double? ActualOdSpan { get; set; }
    public long? ObsAvailable { get; set; }
    public long? ObsUsed { get; set; }
    public long? TracksAvailable { get; set; }
    public long? TracksUsed { get; set; }
    /// <summary>Per cent.</summary>
    public double? ResidualsAccepted { get; set; }
    public double? WeightedRms { get; set; }
}
