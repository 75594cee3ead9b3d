namespace NotificationExchange.Ccsds.Cdm;

/// <summary>One object's metadata.</summary>
public sealed class CdmObjectMetadata : CcsdsBlock
{
    /// <summary>OBJECT1 or OBJECT2.</summary>
    public string Object { get; set; } = "OBJECT1";
    /// <summary>The catalogue number in <see cref="CatalogName"/>.</summary>
    public string ObjectDesignator { get; set; } = "";
    public string CatalogName { get; set; } = "SATCAT";
    public string ObjectName { get; set; } = "";
    /// <summary>Written as given: CDMs in use carry values that are not YYYY-NNNP designators (test cases use "1001").</summary>
    public string InternationalDesignator { get; set; } = "";
    /// <summary>PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN or OTHER.</summary>
    public string? ObjectType { get; set; }
    public string? OperatorContactPosition { get; set; }
    public string? OperatorOrganization { get; set; }
    public string? OperatorPhone { get; set; }
    public string? OperatorEmail { get; set; }
    /// <summary>The ephemeris used, or NONE.</summary>
    public string EphemerisName { get; set; } = "NONE";
    /// <summary>CALCULATED or DEFAULT.</summary>
    public string CovarianceMethod { get; set; } = "CALCULATED";
    /// <summary>YES, NO or N/A.</summary>
    public string Maneuverable { get; set; } = "N/A";
    public string? OrbitCenter { get; set; }
    /// <summary>EME2000, GCRF or ITRF.</summary>
    public string RefFrame { get; set; } = "EME2000";
    public string? GravityModel { get; set; }
    public string? AtmosphericModel { get; set; }
    public string? NBodyPerturbations { get; set; }
    /// <summary>YES or NO.</summary>
    public string? SolarRadPressure { get; set; }
    public string? EarthTides { get; set; }
    public string? IntrackThrust { get; set; }
}
