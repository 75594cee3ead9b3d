using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Omm;

/// <summary>
/// An Orbit Mean-Elements Message. The typed blocks hold everything the message says; the properties at the end are
/// shortcuts to what an SGP4 propagator needs, with the standard's defaults applied.
/// </summary>
public sealed class OmmMessage
{
    public OdmHeader Header { get; set; } = new() { Version = "2.0" };
    public OmmMetadata Metadata { get; set; } = new();
    public MeanElements MeanElements { get; set; } = new();
    public SpacecraftParameters? SpacecraftParameters { get; set; }
    public TleParameters? TleParameters { get; set; }
    public CartesianCovariance? Covariance { get; set; }
    public UserDefinedParameters? UserDefined { get; set; }

    public string ObjectName => Metadata.ObjectName;
    public string ObjectId => Metadata.ObjectId;
    public CcsdsTime Epoch => MeanElements.Epoch;

    /// <summary>The epoch as a UTC instant (DateTimeKind.Utc, 100 ns resolution), converted from the message's time system when needed.</summary>
    public DateTime EpochUtc => CcsdsTimeSystems.ToUtc(MeanElements.Epoch, Metadata.TimeSystem);

    public double? MeanMotion => MeanElements.MeanMotion;
    public double Eccentricity => MeanElements.Eccentricity;
    public double Inclination => MeanElements.Inclination;
    public double RaOfAscNode => MeanElements.RaOfAscNode;
    public double ArgOfPericenter => MeanElements.ArgOfPericenter;
    public double MeanAnomaly => MeanElements.MeanAnomaly;
    public int EphemerisType => TleParameters?.EphemerisType ?? 0;
    public string ClassificationType => TleParameters?.ClassificationType ?? "U";
    public int? NoradCatId => TleParameters?.NoradCatId;
    public int? ElementSetNo => TleParameters?.ElementSetNo;
    public int? RevAtEpoch => TleParameters?.RevAtEpoch;
    public double? Bstar => TleParameters?.Bstar;
    public double? MeanMotionDot => TleParameters?.MeanMotionDot;
    public double? MeanMotionDdot => TleParameters?.MeanMotionDdot;

    /// <summary>Whether the theory is of the SGP4 family (SGP, SGP4, SGP/SGP4, SDP4, SGP4-XP), whose OMMs must carry MEAN_MOTION and TLE parameters.</summary>
    public bool IsSgp4Family => IsSgp4Theory(Metadata.MeanElementTheory);

    internal static bool IsSgp4Theory(string theory) =>
        theory.Contains("SGP", StringComparison.OrdinalIgnoreCase) || theory.Contains("SDP", StringComparison.OrdinalIgnoreCase);
}
