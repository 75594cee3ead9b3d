using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>
/// Orbits in OCM trajectory sections, both ways. The exchange writes a notice's orbits as mean Keplerian elements
/// (TRAJ_TYPE KEPLERIANMEAN: a, e, i, RAAN, argument of pericentre, mean anomaly) in sections named by TRAJ_ID;
/// reading also takes the first inertial Cartesian state of any other OCM, as osculating elements. An OCM has no form
/// for a TLE nor for apogee and perigee altitudes: the exchange keeps those as the operator gave them in its own
/// user-defined parameters (NX_CURRENT_ORBIT_TLE_LINE1, ..._APOGEE_ALTITUDE_KM, ...), so that filing the OCM back gives
/// the same orbit; the trajectory section holds the mean elements they give, for every other reader.
/// </summary>
internal static class OcmOrbits
{
    public const string CurrentOrbitId = "CURRENT_ORBIT";
    public const string ExpectedOrbitId = "EXPECTED_ORBIT";
    private const string MeanKeplerian = "KEPLERIANMEAN";

    public static OrbitSpec? Current(OcmMessage ocm, string field, ValidationErrors errors) =>
        Named(ocm, CurrentOrbitId, field, errors) ?? FirstInertialState(ocm, field, errors);

    public static OrbitSpec? Expected(OcmMessage ocm, string field, ValidationErrors errors) => Named(ocm, ExpectedOrbitId, field, errors);

    /// <summary>The user-defined parameters that keep what the trajectory section cannot of an orbit given as <paramref name="orbit"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Parameters(string id, OrbitSpec orbit)
    {
        switch (orbit)
        {
            case TleOrbit tle:
                // a KVN or XML value ends at its last non-blank, as the TLE parser reads a line
                yield return new(TleLine1(id), tle.Line1.TrimEnd());
                yield return new(TleLine2(id), tle.Line2.TrimEnd());
                break;
            case MeanElementsOrbit { GivesApsides: true } mean:
                if (mean.ApogeeAltitudeKm is { } apogee)
                {
                    yield return new(Apogee(id), CcsdsNumbers.Format(apogee));
                }
                if (mean.PerigeeAltitudeKm is { } perigee)
                {
                    yield return new(Perigee(id), CcsdsNumbers.Format(perigee));
                }
                break;
        }
    }

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
        var parameters = ocm.UserDefined?.Parameters ?? [];
        string? Parameter(string name) => parameters.FirstOrDefault(p => p.Key == name).Value;
        if (Parameter(TleLine1(id)) is { } line1 && Parameter(TleLine2(id)) is { } line2)
        {
            // the TLE as filed; the validator checks it as it checks any TLE
            return new TleOrbit(line1, line2);
        }
        var section = ocm.Trajectories.FirstOrDefault(t => t.TrajId == id && t.EffectiveTrajType is MeanKeplerian or "KEPLERIAN" && t.Lines.Count > 0);
        if (section is null || CcsdsMessages.ToUtc(ocm, section.Lines[0].Time, section.Lines[0].Location, "TIME", field, errors) is not { } epoch)
        {
            return null;
        }
        var v = section.Lines[0].Values;
        var apogee = CcsdsMessages.UserNumber(ocm.UserDefined, Apogee(id), field, errors);
        var perigee = CcsdsMessages.UserNumber(ocm.UserDefined, Perigee(id), field, errors);
        return apogee is null && perigee is null
            ? new MeanElementsOrbit(epoch, v[0], v[1], null, null, v[2], v[3], v[4], v[5])
            // size and shape as the operator gave them; the angles are the section's
            : new MeanElementsOrbit(epoch, null, null, apogee, perigee, v[2], v[3], v[4], v[5]);
    }

    private static string TleLine1(string id) => $"NX_{id}_TLE_LINE1";

    private static string TleLine2(string id) => $"NX_{id}_TLE_LINE2";

    private static string Apogee(string id) => $"NX_{id}_APOGEE_ALTITUDE_KM";

    private static string Perigee(string id) => $"NX_{id}_PERIGEE_ALTITUDE_KM";

    private static OrbitSpec? FirstInertialState(OcmMessage ocm, string field, ValidationErrors errors)
    {
        var section = ocm.Trajectories.FirstOrDefault(t =>
            t.EffectiveTrajType is "CARTPV" or "CARTPVA" && t.TrajRefFrame is { } frame && CcsdsMessages.IsInertial(frame) && t.Lines.Count > 0);
        if (section is null || CcsdsMessages.ToUtc(ocm, section.Lines[0].Time, section.Lines[0].Location, "TIME", field, errors) is not { } epoch)
        {
            return null;
        }
        var v = section.Lines[0].Values;
        return CcsdsMessages.OrbitOfState(epoch, v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
