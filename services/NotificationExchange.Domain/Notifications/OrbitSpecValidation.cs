using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Domain.Notifications;

/// <summary>The rules an orbit (<see cref="OrbitSpec"/>) must satisfy wherever a notice or report gives one.</summary>
public static class OrbitSpecValidation
{
    /// <summary>Checks an orbit given at <paramref name="at"/>; an absent orbit is not a fault (every orbit is optional).</summary>
    public static void Validate(string at, OrbitSpec? orbit, ValidationErrors errors)
    {
        switch (orbit)
        {
            case null:
                return;
            case TleOrbit tle:
                if (!TleParser.TryParse(tle.Line1 ?? "", tle.Line2 ?? "", out _, out var error))
                {
                    var column = error!.FirstColumn == error.LastColumn ? $"column {error.FirstColumn}" : $"columns {error.FirstColumn}-{error.LastColumn}";
                    errors.Add($"{at}.tle.line{error.Line}", $"{column}: {error.Reason}");
                }
                return;
            case MeanElementsOrbit elements:
                ValidateMeanElements($"{at}.mean_elements", elements, errors);
                return;
        }
    }

    /// <summary>
    /// Mean elements given on their own rather than as an <see cref="OrbitSpec"/> (an insertion orbit), at their own
    /// path: an epoch, one way of giving size and shape, and every angle in range, so that they can be propagated.
    /// </summary>
    public static void ValidateMeanElements(string at, MeanElementsOrbit elements, ValidationErrors errors)
    {
        if (elements.Epoch is not { } epoch)
        {
            errors.Add($"{at}.epoch", "is required");
        }
        else
        {
            TimeValidation.Accepted($"{at}.epoch", epoch, errors);
        }
        if (elements.GivesSemiMajorAxis && elements.GivesApsides)
        {
            errors.Add(at, "give semi_major_axis_km and eccentricity, or apogee_altitude_km and perigee_altitude_km, not both");
        }
        else if (elements.GivesSemiMajorAxis)
        {
            ValidateSemiMajorAxis(at, elements, errors);
        }
        else if (elements.GivesApsides)
        {
            ValidateApsides(at, elements, errors);
        }
        else
        {
            errors.Add(at, "give semi_major_axis_km and eccentricity, or apogee_altitude_km and perigee_altitude_km");
        }
        errors.InRange($"{at}.inclination_deg", elements.InclinationDeg, 0, 180, "deg");
        errors.InRange($"{at}.raan_deg", elements.RaanDeg, 0, 360, "deg");
        errors.InRange($"{at}.arg_of_perigee_deg", elements.ArgOfPerigeeDeg, 0, 360, "deg");
        errors.InRange($"{at}.mean_anomaly_deg", elements.MeanAnomalyDeg, 0, 360, "deg");
    }

    private static void ValidateSemiMajorAxis(string at, MeanElementsOrbit elements, ValidationErrors errors)
    {
        if (elements.SemiMajorAxisKm is not { } a)
        {
            errors.Add($"{at}.semi_major_axis_km", "is required with eccentricity");
        }
        else if (elements.Eccentricity is not { } e)
        {
            errors.Add($"{at}.eccentricity", "is required with semi_major_axis_km");
        }
        else
        {
            errors.InRange($"{at}.semi_major_axis_km", a, EarthConstants.EquatorialRadiusKm, 1e6, "km");
            if (!double.IsFinite(e) || e < 0 || e >= 1)
            {
                errors.Add($"{at}.eccentricity", $"{e} is outside [0, 1): only closed orbits");
            }
            else if (a * (1 - e) < EarthConstants.EquatorialRadiusKm)
            {
                errors.Add($"{at}.eccentricity", $"puts the perigee {a * (1 - e) - EarthConstants.EquatorialRadiusKm:0.#} km below the Earth's surface");
            }
        }
    }

    private static void ValidateApsides(string at, MeanElementsOrbit elements, ValidationErrors errors)
    {
        if (elements.ApogeeAltitudeKm is not { } apogee)
        {
            errors.Add($"{at}.apogee_altitude_km", "is required with perigee_altitude_km");
        }
        else if (elements.PerigeeAltitudeKm is not { } perigee)
        {
            errors.Add($"{at}.perigee_altitude_km", "is required with apogee_altitude_km");
        }
        else
        {
            errors.InRange($"{at}.perigee_altitude_km", perigee, 0, 1e6, "km");
            errors.InRange($"{at}.apogee_altitude_km", apogee, 0, 1e6, "km");
            if (apogee < perigee)
            {
                errors.Add($"{at}.apogee_altitude_km", $"{apogee} km is below the perigee altitude {perigee} km");
            }
        }
    }
}
