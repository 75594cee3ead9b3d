using System.Globalization;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>The rules a launch notice must satisfy, as of <c>now</c> (its window must still be to come).</summary>
internal static class LaunchNoticeValidation
{
    public const int MaxStageOrbits = 20;
    public const double ApsisToleranceKm = 1.0;
    public const double InclinationToleranceDeg = 0.01;

    public static void Validate(LaunchNotice notice, DateTime now, ValidationErrors errors)
    {
        const string p = "launch";
        errors.RequiredText($"{p}.vehicle", notice.Vehicle, NotificationValidator.ShortTextLength);
        if (notice.Site is null)
        {
            errors.Add($"{p}.site", "is required");
        }
        else
        {
            errors.RequiredText($"{p}.site.name", notice.Site.Name, NotificationValidator.ShortTextLength);
            ValidateGeoPoint($"{p}.site.location", notice.Site.Location, errors);
        }
        TimeValidation.Planned($"{p}.launch_window", notice.LaunchWindow, now, errors);
        if (!double.IsFinite(notice.LaunchAzimuthDeg) || notice.LaunchAzimuthDeg < 0 || notice.LaunchAzimuthDeg >= 360)
        {
            errors.Add($"{p}.launch_azimuth_deg", $"{notice.LaunchAzimuthDeg} deg is outside [0, 360) deg");
        }
        if (notice.PayloadOrbits.Count == 0)
        {
            errors.Add($"{p}.payload_orbits", "at least one payload's target orbit is required");
        }
        else if (notice.PayloadOrbits.Count > NotificationValidator.MaxListLength)
        {
            errors.Add($"{p}.payload_orbits", $"has {notice.PayloadOrbits.Count} entries; at most {NotificationValidator.MaxListLength} allowed");
        }
        for (var i = 0; i < notice.PayloadOrbits.Count; i++)
        {
            var orbit = notice.PayloadOrbits[i];
            var at = $"{p}.payload_orbits[{i}]";
            errors.RequiredText($"{at}.payload_name", orbit.PayloadName, NotificationValidator.ShortTextLength);
            errors.InRange($"{at}.perigee_altitude_km", orbit.PerigeeAltitudeKm, 80, 1e6, "km");
            errors.InRange($"{at}.apogee_altitude_km", orbit.ApogeeAltitudeKm, 80, 1e6, "km");
            if (orbit.ApogeeAltitudeKm < orbit.PerigeeAltitudeKm)
            {
                errors.Add($"{at}.apogee_altitude_km", $"{orbit.ApogeeAltitudeKm} km is below the perigee altitude {orbit.PerigeeAltitudeKm} km");
            }
            errors.InRange($"{at}.inclination_deg", orbit.InclinationDeg, 0, 180, "deg");
            if (orbit.InsertionOrbit is { } insertion)
            {
                ValidateInsertionOrbit($"{at}.insertion_orbit", insertion, orbit, errors);
            }
        }
        if (notice.PayloadCount < Math.Max(1, notice.PayloadOrbits.Count))
        {
            errors.Add($"{p}.payload_count",
                $"{notice.PayloadCount} is less than the number of payload orbits given ({notice.PayloadOrbits.Count}) or than 1");
        }
        if (notice.HazardAreas.Count > NotificationValidator.MaxListLength)
        {
            errors.Add($"{p}.hazard_areas", $"has {notice.HazardAreas.Count} entries; at most {NotificationValidator.MaxListLength} allowed");
        }
        for (var i = 0; i < notice.HazardAreas.Count; i++)
        {
            ValidateHazardArea($"{p}.hazard_areas[{i}]", notice.HazardAreas[i], errors);
        }
        if (notice.StageOrbits.Count > MaxStageOrbits)
        {
            errors.Add($"{p}.stage_orbits", $"has {notice.StageOrbits.Count} entries; at most {MaxStageOrbits} allowed");
        }
        for (var i = 0; i < notice.StageOrbits.Count; i++)
        {
            var stage = notice.StageOrbits[i];
            var at = $"{p}.stage_orbits[{i}]";
            errors.RequiredText($"{at}.name", stage.Name, NotificationValidator.ShortTextLength);
            if (stage.InsertionOrbit is null)
            {
                errors.Add($"{at}.insertion_orbit", "is required: the mean elements the stage is left in, with epoch and every angle");
            }
            else
            {
                OrbitSpecValidation.ValidateMeanElements($"{at}.insertion_orbit", stage.InsertionOrbit, errors);
            }
        }
        errors.OptionalText($"{p}.hcoc_notification_reference", notice.HcocNotificationReference, NotificationValidator.ShortTextLength, allowLineBreaks: false);
        errors.OptionalText($"{p}.remarks", notice.Remarks, NotificationValidator.LongTextLength);
        ContactValidation.Validate($"{p}.contact", notice.Contact, errors);
    }

    /// <summary>
    /// A payload's insertion orbit: valid mean elements that are the payload's target orbit (apsides within
    /// <see cref="ApsisToleranceKm"/>, inclination within <see cref="InclinationToleranceDeg"/>), so that the orbit
    /// screened is the one the notice announces.
    /// </summary>
    private static void ValidateInsertionOrbit(string at, MeanElementsOrbit insertion, PayloadOrbit payload, ValidationErrors errors)
    {
        var before = errors.Violations.Count;
        OrbitSpecValidation.ValidateMeanElements(at, insertion, errors);
        if (errors.Violations.Count > before)
        {
            return; // elements that are wrong in themselves cannot be compared
        }
        var (perigee, apogee) = insertion.AltitudesKm();
        // given as apsides, the field that disagrees is named; given as a and e, both make the apsides
        var perigeeField = insertion.GivesApsides ? $"{at}.perigee_altitude_km" : at;
        var apogeeField = insertion.GivesApsides ? $"{at}.apogee_altitude_km" : at;
        if (Math.Abs(perigee - payload.PerigeeAltitudeKm) > ApsisToleranceKm)
        {
            errors.Add(perigeeField,
                $"puts the perigee at {Km(perigee)} km, not at perigee_altitude_km {Km(payload.PerigeeAltitudeKm)} km (within {ApsisToleranceKm} km)");
        }
        if (Math.Abs(apogee - payload.ApogeeAltitudeKm) > ApsisToleranceKm)
        {
            errors.Add(apogeeField,
                $"puts the apogee at {Km(apogee)} km, not at apogee_altitude_km {Km(payload.ApogeeAltitudeKm)} km (within {ApsisToleranceKm} km)");
        }
        if (Math.Abs(insertion.InclinationDeg - payload.InclinationDeg) > InclinationToleranceDeg)
        {
            errors.Add($"{at}.inclination_deg",
                $"{insertion.InclinationDeg} deg is not inclination_deg {payload.InclinationDeg} deg (within {InclinationToleranceDeg} deg)");
        }
    }

    private static string Km(double km) => km.ToString("0.###", CultureInfo.InvariantCulture);

    private static void ValidateHazardArea(string at, HazardArea area, ValidationErrors errors)
    {
        errors.RequiredText($"{at}.discarded_item", area.DiscardedItem, NotificationValidator.ShortTextLength);
        switch (area)
        {
            case { Polygon: null, Box: null }:
                errors.Add(at, "a polygon or a box is required");
                break;
            case { Polygon: not null, Box: not null }:
                errors.Add(at, "give a polygon or a box, not both");
                break;
            case { Polygon: { } polygon }:
                if (polygon.Count is < 3 or > 1000)
                {
                    errors.Add($"{at}.polygon.vertices", $"has {polygon.Count} vertices; a polygon needs 3 to 1000");
                }
                for (var v = 0; v < polygon.Count; v++)
                {
                    ValidateGeoPoint($"{at}.polygon.vertices[{v}]", polygon[v], errors);
                }
                break;
            case { Box: { } box }:
                errors.InRange($"{at}.box.min_latitude_deg", box.MinLatitudeDeg, -90, 90, "deg");
                errors.InRange($"{at}.box.max_latitude_deg", box.MaxLatitudeDeg, -90, 90, "deg");
                errors.InRange($"{at}.box.min_longitude_deg", box.MinLongitudeDeg, -180, 180, "deg");
                errors.InRange($"{at}.box.max_longitude_deg", box.MaxLongitudeDeg, -180, 180, "deg");
                if (box.MaxLatitudeDeg < box.MinLatitudeDeg)
                {
                    errors.Add($"{at}.box.max_latitude_deg", $"{box.MaxLatitudeDeg} deg is south of min_latitude_deg {box.MinLatitudeDeg} deg");
                }
                break;
        }
        if (area.Window is null)
        {
            errors.Add($"{at}.window", "is required: when is the area hazardous?");
        }
        else
        {
            TimeValidation.Ordered($"{at}.window", area.Window, errors);
        }
    }

    private static void ValidateGeoPoint(string at, GeoPoint? point, ValidationErrors errors)
    {
        if (point is null)
        {
            errors.Add(at, "is required");
            return;
        }
        errors.InRange($"{at}.latitude_deg", point.LatitudeDeg, -90, 90, "deg");
        errors.InRange($"{at}.longitude_deg", point.LongitudeDeg, -180, 180, "deg");
    }
}
