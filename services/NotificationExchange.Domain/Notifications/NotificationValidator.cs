using System.Globalization;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// The rules a notice must satisfy before the exchange accepts it. Field paths are the wire contract's names, rooted
/// at the notice's field (maneuver, proximity_operation, launch) or at report.
/// </summary>
public sealed partial class NotificationValidator(TimeProvider clock)
{
    public const int MaxCatalogNumber = 339_999;
    public const int ShortTextLength = 128;
    public const int LongTextLength = 2_000;
    public const int AbortPlanLength = 4_000;
    public const int MaxListLength = 100;
    public static readonly TimeSpan MaxWindowLength = TimeSpan.FromDays(366);

    /// <summary>
    /// The times a notice or report may give (windows, epochs, liftoff): from the year before the first satellite up to
    /// (not including) 2100. Earlier or later values are mistakes, and far-off ones cannot be served to every client.
    /// </summary>
    public static readonly DateTime EarliestTime = new(1957, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LatestTime = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far in the future a report may date what happened (clock skew between operator and exchange).</summary>
    public static readonly TimeSpan ReportClockTolerance = TimeSpan.FromMinutes(5);

    private const double MaxDeltaVMps = 20_000.0;

    public void ValidateContent(NotificationContent? content, ValidationErrors errors)
    {
        switch (content)
        {
            case null:
                errors.Add("content", "one of maneuver, proximity_operation or launch is required");
                break;
            case ManeuverNotice maneuver:
                ValidateManeuver(maneuver, errors);
                break;
            case ProximityOperationNotice rpo:
                ValidateProximityOperation(rpo, errors);
                break;
            case LaunchNotice launch:
                ValidateLaunch(launch, errors);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, null);
        }
    }

    public static void ValidateRequestId(string? requestId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            errors.Add("request_id", "is required (a client-chosen id that makes retries safe)");
        }
        else if (requestId.Length > ShortTextLength)
        {
            errors.Add("request_id", $"is {requestId.Length} characters long; at most {ShortTextLength} allowed");
        }
        else if (requestId.Any(c => c is < '!' or > '~'))
        {
            errors.Add("request_id", "may contain only printable ASCII characters without spaces");
        }
    }

    public static void ValidateRelatedIds(IReadOnlyList<string> related, ValidationErrors errors)
    {
        if (related.Count > MaxListLength)
        {
            errors.Add("related_notification_ids", $"has {related.Count} entries; at most {MaxListLength} allowed");
        }
        for (var i = 0; i < related.Count; i++)
        {
            if (!NotificationIdPattern().IsMatch(related[i]))
            {
                errors.Add($"related_notification_ids[{i}]", $"'{related[i]}' is not a notification id (such as MNV-42)");
            }
        }
    }

    public void ValidateReport(ExecutionReport? report, NotificationKind kind, ValidationErrors errors)
    {
        const string path = "report";
        if (report is null)
        {
            errors.Add(path, "is required");
            return;
        }
        errors.KnownEnum($"{path}.outcome", report.Outcome);
        errors.OptionalText($"{path}.remarks", report.Remarks, LongTextLength);
        switch (report.Details)
        {
            case null:
                errors.Add(path, $"the {Describe(kind)} details (report.{kind.FieldName()}) are required");
                return;
            case var details when details.Kind != kind:
                errors.Add($"{path}.{details.FieldName}", $"is a {Describe(details.Kind)} report but the notification is a {Describe(kind)}");
                return;
            case ManeuverExecution maneuver:
                PastWindow($"{path}.maneuver.actual_window", maneuver.ActualWindow, errors);
                if (maneuver.AchievedDeltaV is not null)
                {
                    ValidateDeltaV($"{path}.maneuver.achieved_delta_v", maneuver.AchievedDeltaV, errors);
                }
                ValidateOrbit($"{path}.maneuver.achieved_orbit", maneuver.AchievedOrbit, errors);
                break;
            case ProximityOperationExecution rpo:
                PastWindow($"{path}.proximity_operation.actual_window", rpo.ActualWindow, errors);
                if (rpo.ActualClosestApproachM is { } approach)
                {
                    errors.InRange($"{path}.proximity_operation.actual_closest_approach_m", approach, 0, 1e9, "m");
                }
                break;
            case LaunchExecution launch:
                if (launch.LiftoffTime is not { } liftoff)
                {
                    errors.Add($"{path}.launch.liftoff_time", "is required");
                }
                else if (AcceptedTime($"{path}.launch.liftoff_time", liftoff, errors) && liftoff > clock.GetUtcNow().UtcDateTime + ReportClockTolerance)
                {
                    errors.Add($"{path}.launch.liftoff_time", $"{Format(liftoff)} is in the future; report what has happened");
                }
                ValidateObjectList($"{path}.launch.deployed_objects", launch.DeployedObjects, errors);
                break;
        }
    }

    private void ValidateManeuver(ManeuverNotice notice, ValidationErrors errors)
    {
        const string p = "maneuver";
        ValidateObject($"{p}.object", notice.Object, errors);
        PlannedWindow($"{p}.execution_window", notice.ExecutionWindow, errors);
        errors.KnownEnum($"{p}.purpose", notice.Purpose);
        if (notice.PlannedDeltaV is null)
        {
            errors.Add($"{p}.planned_delta_v", "is required");
        }
        else
        {
            ValidateDeltaV($"{p}.planned_delta_v", notice.PlannedDeltaV, errors);
        }
        ValidateOrbit($"{p}.current_orbit", notice.CurrentOrbit, errors);
        ValidateOrbit($"{p}.expected_orbit", notice.ExpectedOrbit, errors);
        errors.OptionalText($"{p}.remarks", notice.Remarks, LongTextLength);
        if (notice.Purpose == ManeuverPurpose.Other && string.IsNullOrWhiteSpace(notice.Remarks))
        {
            errors.Add($"{p}.remarks", "is required when purpose is OTHER: say what the maneuver is for");
        }
        ValidateContact($"{p}.contact", notice.Contact, errors);
    }

    private void ValidateProximityOperation(ProximityOperationNotice notice, ValidationErrors errors)
    {
        const string p = "proximity_operation";
        ValidateObject($"{p}.chaser", notice.Chaser, errors);
        ValidateObject($"{p}.target", notice.Target, errors);
        if (notice.Chaser is not null && notice.Target is not null && notice.Chaser.NoradCatId == notice.Target.NoradCatId)
        {
            errors.Add($"{p}.target.norad_cat_id", "is the chaser's own catalogue number");
        }
        errors.OptionalText($"{p}.target_operator", notice.TargetOperator, ShortTextLength, allowLineBreaks: false);
        errors.KnownEnum($"{p}.consent", notice.Consent);
        errors.OptionalText($"{p}.consent_reference", notice.ConsentReference, 256, allowLineBreaks: false);
        if (notice.Consent == TargetConsent.Cooperative && string.IsNullOrWhiteSpace(notice.ConsentReference))
        {
            errors.Add($"{p}.consent_reference", "is required when consent is COOPERATIVE: cite the target operator's agreement");
        }
        PlannedWindow($"{p}.operations_window", notice.OperationsWindow, errors);
        errors.InRange($"{p}.planned_closest_approach_m", notice.PlannedClosestApproachM, 0, 1e9, "m");
        var docking = notice.Purpose == ProximityOperationPurpose.Docking
            || notice.Phases.Any(phase => phase.Type == ApproachPhaseType.DockingOrCapture);
        if (!docking && notice.PlannedClosestApproachM == 0)
        {
            errors.Add($"{p}.planned_closest_approach_m", "0 m is contact: only a docking or capture plans to come to 0 m");
        }
        if (notice.KeepOutRadiusM is { } keepOut)
        {
            errors.InRange($"{p}.keep_out_radius_m", keepOut, 0, 1e9, "m");
            if (!docking && keepOut > 0 && notice.PlannedClosestApproachM < keepOut)
            {
                errors.Add($"{p}.planned_closest_approach_m",
                    $"{notice.PlannedClosestApproachM} m is inside the keep-out radius of {keepOut} m, and no docking or capture is planned");
            }
        }
        if (notice.Phases.Count > MaxListLength)
        {
            errors.Add($"{p}.phases", $"has {notice.Phases.Count} entries; at most {MaxListLength} allowed");
        }
        for (var i = 0; i < notice.Phases.Count; i++)
        {
            var phase = notice.Phases[i];
            var at = $"{p}.phases[{i}]";
            errors.KnownEnum($"{at}.type", phase.Type);
            errors.InRange($"{at}.range_m", phase.RangeM, 0, 1e9, "m");
            if (phase.Type != ApproachPhaseType.DockingOrCapture && phase.RangeM == 0)
            {
                errors.Add($"{at}.range_m", "is required: above 0 m for every phase but docking or capture");
            }
            else if (phase.Type != ApproachPhaseType.DockingOrCapture && phase.RangeM < notice.PlannedClosestApproachM)
            {
                errors.Add($"{at}.range_m",
                    $"{phase.RangeM} m is closer than planned_closest_approach_m ({notice.PlannedClosestApproachM} m)");
            }
            if (phase.Window is not null)
            {
                OrderedWindow($"{at}.window", phase.Window, errors);
                var ops = notice.OperationsWindow;
                if (ops?.Start is not null && ops.End is not null && phase.Window.Start is not null && phase.Window.End is not null
                    && (phase.Window.Start < ops.Start || phase.Window.End > ops.End))
                {
                    errors.Add($"{at}.window", "lies outside operations_window");
                }
            }
            errors.OptionalText($"{at}.description", phase.Description, 500);
        }
        errors.RequiredText($"{p}.abort_plan", notice.AbortPlan, AbortPlanLength);
        errors.KnownEnum($"{p}.purpose", notice.Purpose);
        errors.OptionalText($"{p}.purpose_description", notice.PurposeDescription, LongTextLength);
        if (notice.Purpose == ProximityOperationPurpose.Other && string.IsNullOrWhiteSpace(notice.PurposeDescription))
        {
            errors.Add($"{p}.purpose_description", "is required when purpose is OTHER");
        }
        ValidateOrbit($"{p}.chaser_orbit", notice.ChaserOrbit, errors);
        ValidateContact($"{p}.contact", notice.Contact, errors);
    }

    private void ValidateLaunch(LaunchNotice notice, ValidationErrors errors)
    {
        const string p = "launch";
        errors.RequiredText($"{p}.vehicle", notice.Vehicle, ShortTextLength);
        if (notice.Site is null)
        {
            errors.Add($"{p}.site", "is required");
        }
        else
        {
            errors.RequiredText($"{p}.site.name", notice.Site.Name, ShortTextLength);
            ValidateGeoPoint($"{p}.site.location", notice.Site.Location, errors);
        }
        PlannedWindow($"{p}.launch_window", notice.LaunchWindow, errors);
        if (!double.IsFinite(notice.LaunchAzimuthDeg) || notice.LaunchAzimuthDeg < 0 || notice.LaunchAzimuthDeg >= 360)
        {
            errors.Add($"{p}.launch_azimuth_deg", $"{notice.LaunchAzimuthDeg} deg is outside [0, 360) deg");
        }
        if (notice.PayloadOrbits.Count == 0)
        {
            errors.Add($"{p}.payload_orbits", "at least one payload's target orbit is required");
        }
        else if (notice.PayloadOrbits.Count > MaxListLength)
        {
            errors.Add($"{p}.payload_orbits", $"has {notice.PayloadOrbits.Count} entries; at most {MaxListLength} allowed");
        }
        for (var i = 0; i < notice.PayloadOrbits.Count; i++)
        {
            var orbit = notice.PayloadOrbits[i];
            var at = $"{p}.payload_orbits[{i}]";
            errors.RequiredText($"{at}.payload_name", orbit.PayloadName, ShortTextLength);
            errors.InRange($"{at}.perigee_altitude_km", orbit.PerigeeAltitudeKm, 80, 1e6, "km");
            errors.InRange($"{at}.apogee_altitude_km", orbit.ApogeeAltitudeKm, 80, 1e6, "km");
            if (orbit.ApogeeAltitudeKm < orbit.PerigeeAltitudeKm)
            {
                errors.Add($"{at}.apogee_altitude_km", $"{orbit.ApogeeAltitudeKm} km is below the perigee altitude {orbit.PerigeeAltitudeKm} km");
            }
            errors.InRange($"{at}.inclination_deg", orbit.InclinationDeg, 0, 180, "deg");
        }
        if (notice.PayloadCount < Math.Max(1, notice.PayloadOrbits.Count))
        {
            errors.Add($"{p}.payload_count",
                $"{notice.PayloadCount} is less than the number of payload orbits given ({notice.PayloadOrbits.Count}) or than 1");
        }
        if (notice.HazardAreas.Count > MaxListLength)
        {
            errors.Add($"{p}.hazard_areas", $"has {notice.HazardAreas.Count} entries; at most {MaxListLength} allowed");
        }
        for (var i = 0; i < notice.HazardAreas.Count; i++)
        {
            ValidateHazardArea($"{p}.hazard_areas[{i}]", notice.HazardAreas[i], errors);
        }
        errors.OptionalText($"{p}.hcoc_notification_reference", notice.HcocNotificationReference, ShortTextLength, allowLineBreaks: false);
        errors.OptionalText($"{p}.remarks", notice.Remarks, LongTextLength);
        ValidateContact($"{p}.contact", notice.Contact, errors);
    }

    private static void ValidateHazardArea(string at, HazardArea area, ValidationErrors errors)
    {
        errors.RequiredText($"{at}.discarded_item", area.DiscardedItem, ShortTextLength);
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
            OrderedWindow($"{at}.window", area.Window, errors);
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

    private static void ValidateObjectList(string at, IReadOnlyList<SpaceObjectRef> objects, ValidationErrors errors)
    {
        if (objects.Count > MaxListLength)
        {
            errors.Add(at, $"has {objects.Count} entries; at most {MaxListLength} allowed");
        }
        for (var i = 0; i < objects.Count; i++)
        {
            ValidateObject($"{at}[{i}]", objects[i], errors);
        }
    }

    public static void ValidateObject(string at, SpaceObjectRef? obj, ValidationErrors errors)
    {
        if (obj is null)
        {
            errors.Add(at, "is required");
            return;
        }
        ValidateCatalogNumber($"{at}.norad_cat_id", obj.NoradCatId, errors);
        if (!string.IsNullOrEmpty(obj.CosparId))
        {
            var match = CosparIdPattern().Match(obj.CosparId);
            if (!match.Success)
            {
                errors.Add($"{at}.cospar_id", $"'{obj.CosparId}' is not a COSPAR id of the form YYYY-NNNP{{PP}} (for example 1998-067A)");
            }
            else if (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is var year && (year < 1957 || year > 2100))
            {
                errors.Add($"{at}.cospar_id", $"launch year {year} is outside 1957 to 2100");
            }
        }
        errors.OptionalText($"{at}.name", obj.Name, 64, allowLineBreaks: false);
    }

    public static void ValidateCatalogNumber(string at, int number, ValidationErrors errors)
    {
        if (number == 0)
        {
            errors.Add(at, "is required");
        }
        else if (number is < 1 or > MaxCatalogNumber)
        {
            errors.Add(at, $"catalogue number {number} is outside 1 to {MaxCatalogNumber} (Alpha-5 Z9999)");
        }
    }

    public static void ValidateContact(string at, PointOfContact? contact, ValidationErrors errors)
    {
        if (contact is null)
        {
            errors.Add(at, "is required: who should others call about this?");
            return;
        }
        errors.RequiredText($"{at}.name", contact.Name, ShortTextLength);
        errors.OptionalText($"{at}.organization", contact.Organization, ShortTextLength, allowLineBreaks: false);
        var hasEmail = !string.IsNullOrWhiteSpace(contact.Email);
        var hasPhone = !string.IsNullOrWhiteSpace(contact.Phone);
        if (!hasEmail && !hasPhone)
        {
            errors.Add(at, "an email or a phone is required");
        }
        if (hasEmail && (contact.Email!.Length > 254 || !EmailPattern().IsMatch(contact.Email)))
        {
            errors.Add($"{at}.email", $"'{contact.Email}' is not an email address");
        }
        if (hasPhone && (contact.Phone!.Length > 40 || !PhonePattern().IsMatch(contact.Phone)))
        {
            errors.Add($"{at}.phone", $"'{contact.Phone}' is not a phone number (digits, spaces, + ( ) - . only, up to 40)");
        }
    }

    private static void ValidateDeltaV(string at, DeltaV deltaV, ValidationErrors errors)
    {
        errors.InRange($"{at}.magnitude_mps", deltaV.MagnitudeMps, 0, MaxDeltaVMps, "m/s");
        if (deltaV.ComponentsMps is not { } components)
        {
            return;
        }
        errors.InRange($"{at}.components_mps.radial", components.Radial, -MaxDeltaVMps, MaxDeltaVMps, "m/s");
        errors.InRange($"{at}.components_mps.in_track", components.InTrack, -MaxDeltaVMps, MaxDeltaVMps, "m/s");
        errors.InRange($"{at}.components_mps.cross_track", components.CrossTrack, -MaxDeltaVMps, MaxDeltaVMps, "m/s");
        var norm = components.Norm;
        if (double.IsFinite(norm) && double.IsFinite(deltaV.MagnitudeMps) && Math.Abs(norm - deltaV.MagnitudeMps) > Math.Max(0.01, 0.01 * deltaV.MagnitudeMps))
        {
            errors.Add($"{at}.components_mps",
                $"the components' norm is {norm.ToString("0.###", CultureInfo.InvariantCulture)} m/s but magnitude_mps is {deltaV.MagnitudeMps} m/s");
        }
    }

    private static void ValidateOrbit(string at, OrbitSpec? orbit, ValidationErrors errors)
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

    private static void ValidateMeanElements(string at, MeanElementsOrbit elements, ValidationErrors errors)
    {
        if (elements.Epoch is not { } epoch)
        {
            errors.Add($"{at}.epoch", "is required");
        }
        else
        {
            AcceptedTime($"{at}.epoch", epoch, errors);
        }
        if (elements.GivesSemiMajorAxis && elements.GivesApsides)
        {
            errors.Add(at, "give semi_major_axis_km and eccentricity, or apogee_altitude_km and perigee_altitude_km, not both");
        }
        else if (elements.GivesSemiMajorAxis)
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
        else if (elements.GivesApsides)
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
        else
        {
            errors.Add(at, "give semi_major_axis_km and eccentricity, or apogee_altitude_km and perigee_altitude_km");
        }
        errors.InRange($"{at}.inclination_deg", elements.InclinationDeg, 0, 180, "deg");
        errors.InRange($"{at}.raan_deg", elements.RaanDeg, 0, 360, "deg");
        errors.InRange($"{at}.arg_of_perigee_deg", elements.ArgOfPerigeeDeg, 0, 360, "deg");
        errors.InRange($"{at}.mean_anomaly_deg", elements.MeanAnomalyDeg, 0, 360, "deg");
    }

    /// <summary>
    /// A window for something planned: both ends, end not before start (an impulsive burn is an instant), not yet
    /// over, at most a year long.
    /// </summary>
    private void PlannedWindow(string at, TimeWindow? window, ValidationErrors errors)
    {
        if (!OrderedWindow(at, window, errors, allowInstant: true))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (window!.End < now)
        {
            errors.Add($"{at}.end", $"{Format(window.End!.Value)} has already passed (now {Format(now)}); file only what is still to come");
        }
        if (window.End - window.Start > MaxWindowLength)
        {
            errors.Add(at, $"spans {(window.End - window.Start)!.Value.TotalDays:0.#} days; at most {MaxWindowLength.TotalDays} allowed");
        }
    }

    /// <summary>A window for something that has happened: both ends, ordered, not in the future.</summary>
    private void PastWindow(string at, TimeWindow? window, ValidationErrors errors)
    {
        if (!OrderedWindow(at, window, errors, allowInstant: true))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (window!.Start > now + ReportClockTolerance)
        {
            errors.Add($"{at}.start", $"{Format(window.Start!.Value)} is in the future; report what has happened");
        }
    }

    private static bool OrderedWindow(string at, TimeWindow? window, ValidationErrors errors, bool allowInstant = false)
    {
        if (window is null)
        {
            errors.Add(at, "is required");
            return false;
        }
        if (window.Start is null)
        {
            errors.Add($"{at}.start", "is required");
        }
        if (window.End is null)
        {
            errors.Add($"{at}.end", "is required");
        }
        if (window.Start is not { } start || window.End is not { } end)
        {
            return false;
        }
        if (!AcceptedTime($"{at}.start", start, errors) | !AcceptedTime($"{at}.end", end, errors))
        {
            return false;
        }
        if (end < start || (!allowInstant && end == start))
        {
            errors.Add($"{at}.end", allowInstant ? $"{Format(end)} is before start {Format(start)}" : $"{Format(end)} is not after start {Format(start)}");
            return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="time"/> lies in the range of times the exchange accepts; otherwise says so.</summary>
    private static bool AcceptedTime(string at, DateTime time, ValidationErrors errors)
    {
        if (time >= EarliestTime && time < LatestTime)
        {
            return true;
        }
        errors.Add(at, $"{Format(time)} is outside the times the exchange accepts ({EarliestTime:yyyy-MM-dd} to {LatestTime.AddDays(-1):yyyy-MM-dd})");
        return false;
    }

    private static string Describe(NotificationKind kind) => kind.FieldName().Replace('_', ' ');

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})-\d{3}[A-Z]{1,3}$")]
    private static partial Regex CosparIdPattern();

    // no blanks and no control characters anywhere (they cannot be written into a CCSDS export, and no address has them)
    [GeneratedRegex(@"^[^@\s\p{Cc}]+@[^@\s\p{Cc}]+\.[^@\s\p{Cc}]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{3,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(MNV|RPO|LCH)-[1-9][0-9]{0,18}$")]
    public static partial Regex NotificationIdPattern();
}
