namespace NotificationExchange.Ccsds.Cdm;

/// <summary>Additional physical parameters of one object.</summary>
public sealed class CdmAdditionalParameters : CcsdsBlock
{
    public double? AreaPc { get; set; }
    public double? AreaDrg { get; set; }
    public double? AreaSrp { get; set; }
    public double? Mass { get; set; }
    public double? CdAreaOverMass { get; set; }
    public double? CrAreaOverMass { get; set; }
    public double? ThrustAcceleration { get; set; }
    public double? Sedr { get; set; }
}
