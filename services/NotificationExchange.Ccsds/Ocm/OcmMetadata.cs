namespace NotificationExchange.Ccsds.Ocm;

/// <summary>OCM metadata (ODM 3.0): who and what, and the time reference every relative time of the message counts from.</summary>
public sealed class OcmMetadata : CcsdsBlock
{
    public string? ObjectName { get; set; }
    /// <summary>YYYY-NNNP{PP}.</summary>
    public string? InternationalDesignator { get; set; }
    public string? CatalogName { get; set; }
    public string? ObjectDesignator { get; set; }
    public string? AlternateNames { get; set; }
    public string? OriginatorPoc { get; set; }
    public string? OriginatorPosition { get; set; }
    public string? OriginatorPhone { get; set; }
    public string? OriginatorEmail { get; set; }
    public string? OriginatorAddress { get; set; }
    public string? TechOrg { get; set; }
    public string? TechPoc { get; set; }
    public string? TechPosition { get; set; }
    public string? TechPhone { get; set; }
    public string? TechEmail { get; set; }
    public string? TechAddress { get; set; }
    public string? PreviousMessageId { get; set; }
    public string? NextMessageId { get; set; }
    public string? AdmMsgLink { get; set; }
    public string? CdmMsgLink { get; set; }
    public string? PrmMsgLink { get; set; }
    public string? RdmMsgLink { get; set; }
    public string? TdmMsgLink { get; set; }
    public string? Operator { get; set; }
    public string? Owner { get; set; }
    public string? Country { get; set; }
    public string? Constellation { get; set; }
    public string? ObjectType { get; set; }
    public string TimeSystem { get; set; } = CcsdsTimeSystems.Utc;
    /// <summary>The epoch relative times (trajectory, covariance and maneuver lines, OD_EPOCH, ...) count from.</summary>
    public CcsdsTime EpochTzero { get; set; }
    public string? OpsStatus { get; set; }
    public string? OrbitCategory { get; set; }
    public string? OcmDataElements { get; set; }
    public double? SclkOffsetAtEpoch { get; set; }
    public double? SclkSecPerSiSec { get; set; }
    public CcsdsTime? PreviousMessageEpoch { get; set; }
    public CcsdsTime? NextMessageEpoch { get; set; }
    public CcsdsTime? StartTime { get; set; }
    public CcsdsTime? StopTime { get; set; }
    /// <summary>Days.</summary>
    public double? TimeSpan { get; set; }
    public double? TaimutcAtTzero { get; set; }
    public CcsdsTime? NextLeapEpoch { get; set; }
    public double? NextLeapTaimutc { get; set; }
    public double? Ut1mutcAtTzero { get; set; }
    public string? EopSource { get; set; }
    public string? InterpMethodEop { get; set; }
    public string? CelestialSource { get; set; }
}
