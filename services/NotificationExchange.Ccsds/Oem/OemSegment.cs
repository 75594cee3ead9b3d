using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Oem;

/// <summary>One OEM segment: metadata, ephemeris points, and covariance matrices (each with its EPOCH).</summary>
public sealed class OemSegment
{
    public OemMetadata Metadata { get; set; } = new();
    /// <summary>Comments at the start of the ephemeris data.</summary>
    public List<string> DataComments { get; set; } = [];
    public List<OemStateVector> States { get; set; } = [];
    public List<CartesianCovariance> Covariances { get; set; } = [];
}
