namespace NotificationExchange.Ccsds.Ocm;

/// <summary>An OCM trajectory section: a time history of orbit states of type TRAJ_TYPE (CARTPV by default).</summary>
public sealed class OcmTrajectory : CcsdsBlock
{
    public string? TrajId { get; set; }
    public string? TrajPrevId { get; set; }
    public string? TrajNextId { get; set; }
    /// <summary>PREDICTED, DETERMINED, TELEMETRY, SIMULATED, OTHER (files in use write other words too).</summary>
    public string? TrajBasis { get; set; }
    public string? TrajBasisId { get; set; }
    public string? Interpolation { get; set; }
    public int? InterpolationDegree { get; set; }
    public string? Propagator { get; set; }
    /// <summary>Absent means EARTH.</summary>
    public string? CenterName { get; set; }
    /// <summary>Absent means ICRF.</summary>
    public string? TrajRefFrame { get; set; }
    public CcsdsTime? TrajFrameEpoch { get; set; }
    public CcsdsTime? UseableStartTime { get; set; }
    public CcsdsTime? UseableStopTime { get; set; }
    public double? OrbRevnum { get; set; }
    public string? OrbRevnumBasis { get; set; }
    /// <summary>Absent means CARTPV.</summary>
    public string? TrajType { get; set; }
    public string? OrbAveraging { get; set; }
    public List<string>? TrajUnits { get; set; }
    public List<OcmStateLine> Lines { get; set; } = [];

    public string EffectiveTrajType => TrajType ?? "CARTPV";
}
