namespace NotificationExchange.Ccsds.Cdm;

/// <summary>The CDM header.</summary>
public sealed class CdmHeader : CcsdsBlock
{
    public string Version { get; set; } = "1.0";
    public CcsdsTime CreationDate { get; set; }
    public string Originator { get; set; } = "";
    /// <summary>The spacecraft the message is for (optional).</summary>
    public string? MessageFor { get; set; }
    public string MessageId { get; set; } = "";
}
