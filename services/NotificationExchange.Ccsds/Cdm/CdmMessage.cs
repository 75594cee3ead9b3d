namespace NotificationExchange.Ccsds.Cdm;

/// <summary>A Conjunction Data Message (CCSDS 508.0-B-1): the pair's relative data and both objects.</summary>
public sealed class CdmMessage
{
    public CdmHeader Header { get; set; } = new();
    public CdmRelativeMetadata RelativeMetadata { get; set; } = new();
    public CdmObject Object1 { get; set; } = new() { Metadata = new CdmObjectMetadata { Object = "OBJECT1" } };
    public CdmObject Object2 { get; set; } = new() { Metadata = new CdmObjectMetadata { Object = "OBJECT2" } };
}
