namespace NotificationExchange.Ccsds.Omm;

/// <summary>The TLE-related parameters (mandatory for SGP4-family theories).</summary>
public sealed class TleParameters : CcsdsBlock
{
    /// <summary>Absent means 0 (the standard's default).</summary>
    public int? EphemerisType { get; set; }
    /// <summary>Absent means U (unclassified).</summary>
    public string? ClassificationType { get; set; }
    public int? NoradCatId { get; set; }
    public int? ElementSetNo { get; set; }
    public int? RevAtEpoch { get; set; }
    /// <summary>1/ER (SGP4).</summary>
    public double? Bstar { get; set; }
    /// <summary>m**2/kg (SGP4-XP, ODM 3.0).</summary>
    public double? Bterm { get; set; }
    /// <summary>rev/day**2.</summary>
    public double? MeanMotionDot { get; set; }
    /// <summary>rev/day**3 (SGP4).</summary>
    public double? MeanMotionDdot { get; set; }
    /// <summary>m**2/kg (SGP4-XP, ODM 3.0).</summary>
    public double? Agom { get; set; }
}
