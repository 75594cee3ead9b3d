using System.Diagnostics.CodeAnalysis;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// An OMM (read by <see cref="OmmReader"/>) as SGP4's mean elements: the OMM keywords carry the TLE's numbers. It lives
/// on the message side so that the orbit engine knows nothing of CCSDS. An SGP4-family theory, MEAN_MOTION,
/// NORAD_CAT_ID and an epoch with a UTC are needed; absent BSTAR, MEAN_MOTION_DOT and MEAN_MOTION_DDOT are 0.
/// </summary>
public static class OmmSgp4Elements
{
    /// <summary>The elements; throws <see cref="ArgumentException"/> saying what the OMM lacks for SGP4.</summary>
    public static Sgp4Elements ToSgp4Elements(OmmMessage omm) =>
        TryToSgp4Elements(omm, out var elements, out var problem) ? elements : throw new ArgumentException(problem, nameof(omm));

    /// <summary>The elements, or false with what the OMM lacks for SGP4, naming the object and the keyword.</summary>
    public static bool TryToSgp4Elements(OmmMessage omm, [NotNullWhen(true)] out Sgp4Elements? elements, out string problem)
    {
        elements = null;
        problem = "";
        if (!omm.IsSgp4Family)
        {
            problem = $"OMM for '{omm.ObjectName}' uses MEAN_ELEMENT_THEORY {omm.Metadata.MeanElementTheory}, not SGP4";
            return false;
        }
        if (omm.MeanMotion is not { } meanMotion)
        {
            problem = $"OMM for '{omm.ObjectName}' has no MEAN_MOTION (SGP4 elements need it)";
            return false;
        }
        if (omm.NoradCatId is not { } catalogNumber)
        {
            problem = $"OMM for '{omm.ObjectName}' has no NORAD_CAT_ID";
            return false;
        }
        if (!CcsdsTimeSystems.TryToUtc(omm.Epoch, omm.Metadata.TimeSystem, out var epochUtc, out var timeProblem))
        {
            problem = $"OMM for '{omm.ObjectName}': EPOCH cannot be converted to UTC: {timeProblem}";
            return false;
        }
        elements = Sgp4Elements.FromMeanElements(
            catalogNumber, epochUtc, meanMotion, omm.Eccentricity, omm.Inclination, omm.RaOfAscNode, omm.ArgOfPericenter,
            omm.MeanAnomaly, omm.Bstar ?? 0.0, omm.MeanMotionDot ?? 0.0, omm.MeanMotionDdot ?? 0.0);
        return true;
    }
}
