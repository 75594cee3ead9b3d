using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>
/// An OMM (read by <see cref="OmmReader"/>) as SGP4's mean elements: the OMM keywords carry the TLE's numbers. It lives
/// on the message side so that the orbit engine knows nothing of CCSDS.
/// </summary>
public static class OmmSgp4Elements
{
    public static Sgp4Elements ToSgp4Elements(OmmMessage omm)
    {
        if (!omm.IsSgp4Family)
        {
            throw new ArgumentException($"OMM for '{omm.ObjectName}' uses MEAN_ELEMENT_THEORY {omm.Metadata.MeanElementTheory}, not SGP4", nameof(omm));
        }
        var meanMotion = omm.MeanMotion
            ?? throw new ArgumentException($"OMM for '{omm.ObjectName}' has no MEAN_MOTION (SGP4 elements need it)", nameof(omm));
        var catalogNumber = omm.NoradCatId
            ?? throw new ArgumentException($"OMM for '{omm.ObjectName}' has no NORAD_CAT_ID", nameof(omm));
        return Sgp4Elements.FromMeanElements(
            catalogNumber, omm.EpochUtc, meanMotion, omm.Eccentricity, omm.Inclination, omm.RaOfAscNode, omm.ArgOfPericenter,
            omm.MeanAnomaly, omm.Bstar ?? 0.0, omm.MeanMotionDot ?? 0.0, omm.MeanMotionDdot ?? 0.0);
    }
}
