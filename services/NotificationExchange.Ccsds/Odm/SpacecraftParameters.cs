namespace NotificationExchange.Ccsds.Odm;

/// <summary>Mass and area parameters (OPM, OMM).</summary>
public sealed class SpacecraftParameters : CcsdsBlock
{
    public double? Mass { get; set; }
    public double? SolarRadArea { get; set; }
    public double? SolarRadCoeff { get; set; }
    public double? DragArea { get; set; }
    public double? DragCoeff { get; set; }
}
