using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>
/// Orbits in OCM trajectory sections, both ways. The exchange writes a notice's orbits as mean Keplerian elements
/// (TRAJ_TYPE KEPLERIANMEAN: a, e, i, RAAN, argument of pericentre, mean anomaly) in sections named by TRAJ_ID;
/// reading also takes the first inertial Cartesian state of any other OCM, as osculating elements.
/// </summary>
internal static class OcmOrbits
{
    public const string CurrentOrbitId = "CURRENT_ORBIT";
    public const string ExpectedOrbitId = "EXPECTED_ORBIT";
    private const string MeanKeplerian = "KEPLERIANMEAN";

    public static OrbitSpec? Current(OcmMessage ocm, string field, ValidationErrors errors) =>
        Named(ocm, CurrentOrbitId, field, errors) ?? FirstInertialState(ocm, field, errors);

    public static OrbitSpec? Expected(OcmMessage ocm, string field, ValidationErrors errors) => Named(ocm, ExpectedOrbitId, field, errors);

    /// <summary>A trajectory section holding one set of mean elements, or null when the orbit cannot be put so.</summary>
    public static OcmTrajectory? Section(string id, OrbitSpec orbit)
    {
        var (epoch, a, e, i, raan, argp, m, averaging) = orbit switch
        {
            TleOrbit tle when tle.Parse() is var set =>
                (set.Epoch, set.SemiMajorAxisKm, set.Eccentricity, set.InclinationDeg, set.RaanDeg, set.ArgOfPerigeeDeg, set.MeanAnomalyDeg, "SGP4"),
            MeanElementsOrbit { Epoch: { } at } mean when SizeAndShape(mean) is var (sma, ecc) =>
                (at, sma, ecc, mean.InclinationDeg, mean.RaanDeg, mean.ArgOfPerigeeDeg, mean.MeanAnomalyDeg, (string?)null),
            _ => (DateTime.MinValue, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, null),
        };
        if (epoch == DateTime.MinValue)
        {
            return null;
        }
        var section = new OcmTrajectory
        {
            TrajId = id,
            TrajBasis = "PREDICTED",
            CenterName = "EARTH",
            TrajRefFrame = "TEME",
            TrajType = MeanKeplerian,
            OrbAveraging = averaging,
            TrajUnits = ["km", "n/a", "deg", "deg", "deg", "deg"],
        };
        section.Lines.Add(new OcmStateLine { Time = CcsdsTime.FromDateTime(epoch), Values = [a, e, i, raan, argp, m] });
        return section;
    }

    private static (double SemiMajorAxisKm, double Eccentricity) SizeAndShape(MeanElementsOrbit mean)
    {
        if (mean.SemiMajorAxisKm is { } a)
        {
            return (a, mean.Eccentricity ?? 0);
        }
        var perigee = (mean.PerigeeAltitudeKm ?? 0) + EarthConstants.EquatorialRadiusKm;
        var apogee = (mean.ApogeeAltitudeKm ?? 0) + EarthConstants.EquatorialRadiusKm;
        return ((perigee + apogee) / 2, (apogee - perigee) / (apogee + perigee));
    }

    private static OrbitSpec? Named(OcmMessage ocm, string id, string field, ValidationErrors errors)
    {
        var section = ocm.Trajectories.FirstOrDefault(t => t.TrajId == id && t.EffectiveTrajType is MeanKeplerian or "KEPLERIAN" && t.Lines.Count > 0);
        if (section is null || CcsdsMessages.ToUtc(ocm.Resolve(section.Lines[0].Time), ocm.Metadata.TimeSystem, field, errors) is not { } epoch)
        {
            return null;
        }
        var v = section.Lines[0].Values;
        return new MeanElementsOrbit(epoch, v[0], v[1], null, null, v[2], v[3], v[4], v[5]);
    }

    private static OrbitSpec? FirstInertialState(OcmMessage ocm, string field, ValidationErrors errors)
    {
        var section = ocm.Trajectories.FirstOrDefault(t =>
            t.EffectiveTrajType is "CARTPV" or "CARTPVA" && t.TrajRefFrame is { } frame && CcsdsMessages.IsInertial(frame) && t.Lines.Count > 0);
        if (section is null || CcsdsMessages.ToUtc(ocm.Resolve(section.Lines[0].Time), ocm.Metadata.TimeSystem, field, errors) is not { } epoch)
        {
            return null;
        }
        var v = section.Lines[0].Values;
        return CcsdsMessages.OrbitOfState(epoch, v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
