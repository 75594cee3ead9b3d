namespace NotificationExchange.Ccsds.Odm;

/// <summary>The header every Orbit Data Message (OPM, OMM, OEM, OCM) starts with.</summary>
public sealed class OdmHeader : CcsdsBlock
{
    /// <summary>The CCSDS_xxx_VERS value: "2.0" or "3.0" (OCM: "3.0").</summary>
    public string Version { get; set; } = "3.0";

    /// <summary>ODM 3.0 only.</summary>
    public string? Classification { get; set; }

    /// <summary>Mandatory by the standard; null only when read with <see cref="CcsdsReadOptions.AllowEmptyHeader"/>.</summary>
    public CcsdsTime? CreationDate { get; set; }

    public string Originator { get; set; } = "";

    /// <summary>ODM 3.0 only.</summary>
    public string? MessageId { get; set; }
}
