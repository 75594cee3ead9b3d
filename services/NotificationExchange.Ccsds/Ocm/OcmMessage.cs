using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>An Orbit Comprehensive Message (ODM 3.0).</summary>
public sealed class OcmMessage
{
    public OdmHeader Header { get; set; } = new() { Version = "3.0" };
    public OcmMetadata Metadata { get; set; } = new();
    public List<OcmTrajectory> Trajectories { get; set; } = [];
    public OcmKeywordSection? Physical { get; set; }
    public List<OcmCovariance> Covariances { get; set; } = [];
    public List<OcmManeuver> Maneuvers { get; set; } = [];
    public OcmKeywordSection? Perturbations { get; set; }
    public OcmKeywordSection? OrbitDetermination { get; set; }
    public UserDefinedParameters? UserDefined { get; set; }

    /// <summary>A time of the message made absolute: relative times count from EPOCH_TZERO.</summary>
    public CcsdsTime Resolve(CcsdsTime time) => time.Resolve(Metadata.EpochTzero);
}
