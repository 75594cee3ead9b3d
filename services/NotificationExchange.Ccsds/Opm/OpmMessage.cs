using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Opm;

/// <summary>An Orbit Parameter Message: one state, optional elements, spacecraft parameters, covariance and maneuvers.</summary>
public sealed class OpmMessage
{
    public OdmHeader Header { get; set; } = new();
    public OpmMetadata Metadata { get; set; } = new();
    public StateVector StateVector { get; set; } = new();
    public KeplerianElements? KeplerianElements { get; set; }
    public SpacecraftParameters? SpacecraftParameters { get; set; }
    public CartesianCovariance? Covariance { get; set; }
    public List<OpmManeuver> Maneuvers { get; set; } = [];
    public UserDefinedParameters? UserDefined { get; set; }
}
