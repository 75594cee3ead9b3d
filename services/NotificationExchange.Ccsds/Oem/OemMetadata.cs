using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Oem;

/// <summary>OEM segment metadata.</summary>
public sealed class OemMetadata : OdmObjectMetadata
{
    public CcsdsTime StartTime { get; set; }
    public CcsdsTime? UseableStartTime { get; set; }
    public CcsdsTime? UseableStopTime { get; set; }
    public CcsdsTime StopTime { get; set; }
    public string? Interpolation { get; set; }
    /// <summary>Mandatory when <see cref="Interpolation"/> is given.</summary>
    public int? InterpolationDegree { get; set; }
}
