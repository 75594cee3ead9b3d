namespace NotificationExchange.Ccsds.Odm;

/// <summary>The object and frame metadata OPM, OMM and OEM share.</summary>
public abstract class OdmObjectMetadata : CcsdsBlock
{
    public string ObjectName { get; set; } = "";
    /// <summary>The international designator (YYYY-NNNP{PP}).</summary>
    public string ObjectId { get; set; } = "";
    public string CenterName { get; set; } = "EARTH";
    public string RefFrame { get; set; } = "EME2000";
    public CcsdsTime? RefFrameEpoch { get; set; }
    /// <summary>The time system of every epoch in the message (or segment).</summary>
    public string TimeSystem { get; set; } = CcsdsTimeSystems.Utc;
}
