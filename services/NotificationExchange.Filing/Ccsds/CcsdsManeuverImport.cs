using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Opm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>
/// A maneuver notice read from the operator's own OPM (maneuver blocks) or OCM (maneuver sections). The message gives
/// what it carries; the supplement fills what it does not; where both give a field, the message wins.
/// </summary>
public static class CcsdsManeuverImport
{
    /// <summary>
    /// The user-defined parameter in which the exchange's OCMs carry the planned delta-v magnitude (m/s): OCM has no
    /// keyword for it, and a notice may give it without components. Reading takes it over the DV_* lines' own.
    /// </summary>
    public const string DeltaVMagnitudeParameter = "NX_DELTA_V_MAGNITUDE_MPS";

    /// <summary>The same for the delta-v an execution report says was achieved (its DETERMINED section).</summary>
    public const string AchievedDeltaVMagnitudeParameter = "NX_ACHIEVED_DELTA_V_MAGNITUDE_MPS";

    /// <summary>Catalogue names under which an OCM's OBJECT_DESIGNATOR is a NORAD catalogue number.</summary>
    private static readonly HashSet<string> _noradCatalogs = ["SATCAT", "NORAD", "CSPOC", "18SDS", "SPACETRACK", "SPACE-TRACK", "USSPACECOM"];

    private sealed record Burn(DateTime Ignition, DateTime End, string Frame, RtnVector? DeltaVMps);

    /// <summary>
    /// The notice, and the message to keep as its source; null (with every problem in <paramref name="errors"/>,
    /// under <paramref name="field"/>) when the message cannot be read or holds no planned maneuver.
    /// </summary>
    public static (ManeuverNotice Notice, Attachment Source)? Read(string? message, ManeuverNotice? supplement, string field, ValidationErrors errors)
    {
        var messageField = $"{field}.message";
        // every problem of the message, then at most as many as an answer can carry
        var problems = new ValidationErrors();
        var read = CcsdsMessages.Read(message, messageField, problems, NdmMessageType.Opm, NdmMessageType.Ocm);
        var fromMessage = read switch
        {
            OpmMessage opm => FromOpm(opm, messageField, problems),
            OcmMessage ocm => FromOcm(ocm, messageField, problems),
            _ => null,
        };
        CcsdsMessages.Transfer(problems, errors);
        if (fromMessage is null)
        {
            return null;
        }
        var type = read is OpmMessage ? NdmMessageType.Opm : NdmMessageType.Ocm;
        var source = new Attachment(AttachmentRole.Source, CcsdsMessages.MediaType(type, NdmReader.DetectSyntax(message!)), message!);
        return (Merge(fromMessage, supplement), source);
    }

    private static ManeuverNotice? FromOpm(OpmMessage opm, string field, ValidationErrors errors)
    {
        var metadata = opm.Metadata;
        if (opm.Maneuvers.Count == 0)
        {
            errors.Add(field, "the OPM has no maneuver block (MAN_EPOCH_IGNITION ... MAN_DV_3)");
            return null;
        }
        if (!CcsdsMessages.ConvertsToUtc(metadata.TimeSystem, metadata, field, errors))
        {
            return null;
        }
        var burns = new List<Burn>();
        var complete = true;
        foreach (var maneuver in opm.Maneuvers)
        {
            var ignition = CcsdsMessages.ToUtc(maneuver.EpochIgnition, metadata.TimeSystem, maneuver.LocationOf("MAN_EPOCH_IGNITION"), "MAN_EPOCH_IGNITION", field, errors);
            var end = ignition is { } start ? End(start, maneuver.Duration ?? 0, maneuver.LocationOf("MAN_DURATION"), "MAN_DURATION", field, errors) : null;
            if (ignition is null || end is null)
            {
                complete = false;
                continue;
            }
            var dv = new RtnVector(maneuver.Dv1 * 1000.0, maneuver.Dv2 * 1000.0, maneuver.Dv3 * 1000.0);
            burns.Add(new Burn(ignition.Value, end.Value, maneuver.RefFrame, dv));
        }
        var state = opm.StateVector;
        var orbit = CcsdsMessages.IsInertial(metadata.RefFrame)
            && CcsdsMessages.ToUtc(state.Epoch, metadata.TimeSystem, state.LocationOf("EPOCH"), "EPOCH", field, errors) is { } epoch
            ? CcsdsMessages.OrbitOfState(epoch, state.X, state.Y, state.Z, state.XDot, state.YDot, state.ZDot)
            : null;
        if (!complete)
        {
            return null;
        }
        return Notice(
            new SpaceObjectRef(0, Designator(metadata.ObjectId), Text(metadata.ObjectName)),
            burns,
            purpose: 0,
            orbit,
            expectedOrbit: null,
            Remarks(opm.Maneuvers.SelectMany(m => m.Comments)),
            contact: null,
            deltaVMagnitude: null);
    }

    private static ManeuverNotice? FromOcm(OcmMessage ocm, string field, ValidationErrors errors)
    {
        var metadata = ocm.Metadata;
        if (!CcsdsMessages.ConvertsToUtc(metadata.TimeSystem, metadata, field, errors))
        {
            return null;
        }
        var magnitude = CcsdsMessages.UserNumber(ocm.UserDefined, DeltaVMagnitudeParameter, field, errors);
        var magnitudeOnly = ocm.UserDefined?.Parameters.Any(p => p.Key == DeltaVMagnitudeParameter) == true;
        var burns = new List<Burn>();
        var complete = true;
        ManeuverPurpose purpose = 0;
        string? purposeText = null;
        foreach (var section in ocm.Maneuvers)
        {
            if (section.ManBasis is "TELEMETRY" or "DETERMINED")
            {
                errors.Add(field, $"maneuver {section.ManId} has MAN_BASIS {section.ManBasis}: it has happened; file planned maneuvers, and report executions with ReportExecution");
                return null;
            }
            if (!MovesTheObject(section, magnitudeOnly))
            {
                continue; // deployments and mass changes move other objects, or none
            }
            var scale = DeltaVScale(section, field, errors);
            var timeKeyword = section.ManComposition.Contains("TIME_ABSOLUTE") ? "TIME_ABSOLUTE" : "TIME_RELATIVE";
            foreach (var line in section.Lines)
            {
                var ignition = CcsdsMessages.ToUtc(ocm, section.GetTime(line), line.Location, timeKeyword, field, errors);
                var end = ignition is { } start ? End(start, section.GetNumber(line, "MAN_DURA") ?? 0, line.Location, "MAN_DURA", field, errors) : null;
                if (ignition is null || end is null)
                {
                    complete = false;
                    continue;
                }
                var dv = section.ManComposition.Contains("DV_X")
                    ? new RtnVector((section.GetNumber(line, "DV_X") ?? 0) * scale, (section.GetNumber(line, "DV_Y") ?? 0) * scale, (section.GetNumber(line, "DV_Z") ?? 0) * scale)
                    : null;
                burns.Add(new Burn(ignition.Value, end.Value, section.ManRefFrame, dv));
            }
            if (purpose == 0 && purposeText is null && section.ManPurpose is { Length: > 0 } stated)
            {
                purposeText = stated;
                purpose = PurposeOf(stated);
            }
        }
        if (!complete)
        {
            return null;
        }
        if (burns.Count == 0)
        {
            errors.Add(field, $"the OCM has no maneuver section that moves the object (with DV_*, THR_* or ACC_* lines, or MAN_DURA lines with the exchange's {DeltaVMagnitudeParameter}, and no deployment)");
            return null;
        }
        var remarks = Remarks(ocm.Maneuvers.SelectMany(m => m.Comments));
        if (purpose == ManeuverPurpose.Other && purposeText is not null && !purposeText.Equals("OTHER", StringComparison.OrdinalIgnoreCase))
        {
            remarks = string.Join("; ", new[] { $"MAN_PURPOSE = {purposeText}", remarks }.OfType<string>());
        }
        var norad = metadata.ObjectDesignator is { } designator
            && (metadata.CatalogName is null || _noradCatalogs.Contains(metadata.CatalogName.ToUpperInvariant()))
            && TleParser.TryDecodeCatalogNumber(designator, out var number)
            ? number
            : 0;
        var contact = metadata.OriginatorPoc is null && metadata.OriginatorEmail is null && metadata.OriginatorPhone is null
            ? null
            : new PointOfContact(Text(metadata.OriginatorPoc), Text(metadata.Operator), Text(metadata.OriginatorEmail), Text(metadata.OriginatorPhone));
        return Notice(
            new SpaceObjectRef(norad, Designator(metadata.InternationalDesignator), Text(metadata.ObjectName)),
            burns,
            purpose,
            OcmOrbits.Current(ocm, field, errors),
            OcmOrbits.Expected(ocm, field, errors),
            remarks,
            contact,
            magnitude);
    }

    /// <summary>
    /// The end of a burn of <paramref name="durationSeconds"/> from <paramref name="ignition"/>; null, with an error
    /// naming the keyword and line, for a duration no maneuver window can span (checked before any arithmetic with it).
    /// </summary>
    private static DateTime? End(DateTime ignition, double durationSeconds, SourceLocation? location, string keyword, string field, ValidationErrors errors)
    {
        var longest = NotificationValidator.MaxWindowLength;
        if (!(durationSeconds >= 0))
        {
            CcsdsMessages.Report(errors, field, location, keyword, $"{CcsdsNumbers.Format(durationSeconds)} s is not a duration: it must not be negative");
            return null;
        }
        if (durationSeconds > longest.TotalSeconds)
        {
            CcsdsMessages.Report(errors, field, location, keyword,
                $"{CcsdsNumbers.Format(durationSeconds)} s is longer than the {longest.TotalDays} days a maneuver window may span");
            return null;
        }
        var ticks = (long)Math.Round(durationSeconds * TimeSpan.TicksPerSecond);
        if (ticks > DateTime.MaxValue.Ticks - ignition.Ticks)
        {
            CcsdsMessages.Report(errors, field, location, keyword,
                $"{CcsdsNumbers.Format(durationSeconds)} s after ignition {ignition:yyyy-MM-ddTHH:mm:ss}Z ends after 9999-12-31");
            return null;
        }
        return ignition.AddTicks(ticks);
    }

    private static ManeuverNotice Notice(
        SpaceObjectRef obj, List<Burn> burns, ManeuverPurpose purpose, OrbitSpec? orbit, OrbitSpec? expectedOrbit, string? remarks, PointOfContact? contact,
        double? deltaVMagnitude)
    {
        var start = burns.Min(b => b.Ignition);
        var end = burns.Max(b => b.End);
        var withDeltaV = burns.Where(b => b.DeltaVMps is not null).ToList();
        DeltaV? deltaV = null;
        if (withDeltaV.Count > 0 || deltaVMagnitude is not null)
        {
            // Several burns add up in magnitude; the components only mean something for a single burn in RTN axes.
            var single = burns.Count == 1 && withDeltaV.Count == 1 && CcsdsMessages.IsRtn(withDeltaV[0].Frame) ? withDeltaV[0].DeltaVMps : null;
            deltaV = new DeltaV(deltaVMagnitude ?? withDeltaV.Sum(b => b.DeltaVMps!.Norm), single);
        }
        return new ManeuverNotice
        {
            Object = obj,
            ExecutionWindow = new TimeWindow(start, end),
            Purpose = purpose,
            PlannedDeltaV = deltaV,
            CurrentOrbit = orbit,
            ExpectedOrbit = expectedOrbit,
            Remarks = remarks,
            Contact = contact,
        };
    }

    private static ManeuverNotice Merge(ManeuverNotice message, ManeuverNotice? supplement)
    {
        if (supplement is null)
        {
            return message;
        }
        var messageObject = message.Object;
        var supplied = supplement.Object;
        var obj = messageObject is null && supplied is null
            ? null
            : new SpaceObjectRef(
                messageObject is { NoradCatId: > 0 } ? messageObject.NoradCatId : supplied?.NoradCatId ?? 0,
                messageObject?.CosparId ?? supplied?.CosparId,
                messageObject?.Name ?? supplied?.Name);
        var contact = message.Contact is null && supplement.Contact is null
            ? null
            : new PointOfContact(
                message.Contact?.Name ?? supplement.Contact?.Name,
                message.Contact?.Organization ?? supplement.Contact?.Organization,
                message.Contact?.Email ?? supplement.Contact?.Email,
                message.Contact?.Phone ?? supplement.Contact?.Phone);
        return new ManeuverNotice
        {
            Object = obj,
            ExecutionWindow = message.ExecutionWindow ?? supplement.ExecutionWindow,
            Purpose = message.Purpose != 0 ? message.Purpose : supplement.Purpose,
            PlannedDeltaV = message.PlannedDeltaV ?? supplement.PlannedDeltaV,
            CurrentOrbit = message.CurrentOrbit ?? supplement.CurrentOrbit,
            ExpectedOrbit = message.ExpectedOrbit ?? supplement.ExpectedOrbit,
            Remarks = message.Remarks ?? supplement.Remarks,
            Contact = contact,
        };
    }

    /// <summary>
    /// Whether a section is a maneuver of the message's object: it gives delta-v, thrust or acceleration, or, in the
    /// exchange's own OCMs (which carry <see cref="DeltaVMagnitudeParameter"/>), a burn duration and no deployment:
    /// that is how a maneuver known only by its delta-v magnitude is written, no direction ever being made up. Any
    /// other section (deployments, mass changes: TIME, MAN_DURA and DELTA_MASS alone) moves other objects, or none.
    /// </summary>
    private static bool MovesTheObject(OcmManeuver section, bool magnitudeOnly) =>
        section.ManComposition.Any(f => f.StartsWith("DV_", StringComparison.Ordinal) || f.StartsWith("THR_", StringComparison.Ordinal) || f.StartsWith("ACC_", StringComparison.Ordinal))
        || (magnitudeOnly && section.ManComposition.Contains("MAN_DURA") && !section.ManComposition.Any(f => f.StartsWith("DEPLOY_", StringComparison.Ordinal)));

    /// <summary>The factor from the section's DV unit to m/s (the standard's default is km/s).</summary>
    private static double DeltaVScale(OcmManeuver section, string field, ValidationErrors errors)
    {
        var valueFields = section.ManComposition.Where(f => f is not ("TIME_ABSOLUTE" or "TIME_RELATIVE")).ToList();
        var index = valueFields.IndexOf("DV_X");
        var unit = index >= 0 && section.ManUnits is { } units && index < units.Count ? units[index].Trim().ToLowerInvariant() : "km/s";
        switch (unit)
        {
            case "km/s":
                return 1000.0;
            case "m/s":
                return 1.0;
            default:
                errors.Add(field, $"maneuver {section.ManId}: DV_X is in [{unit}]; expected km/s or m/s");
                return double.NaN;
        }
    }

    /// <summary>OCM's MAN_PURPOSE is free text; the usual words map onto the exchange's purposes, others are OTHER.</summary>
    private static ManeuverPurpose PurposeOf(string stated)
    {
        var words = stated.ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
        return words switch
        {
            "COLLISION_AVOIDANCE" or "COLA" or "CA" or "CAM" or "AVOIDANCE" => ManeuverPurpose.CollisionAvoidance,
            "STATION_KEEPING" or "STATIONKEEPING" or "SK" or "EW_SK" or "NS_SK" => ManeuverPurpose.StationKeeping,
            "ORBIT_RAISING" or "RAISING" or "ORBIT_RAISE" => ManeuverPurpose.OrbitRaising,
            "ORBIT_LOWERING" or "LOWERING" or "ORBIT_LOWER" => ManeuverPurpose.OrbitLowering,
            "INCLINATION_CHANGE" or "PLANE_CHANGE" => ManeuverPurpose.InclinationChange,
            "DISPOSAL" or "DEORBIT" or "DE_ORBIT" or "END_OF_LIFE" or "EOL" or "REORBIT" or "GRAVEYARD" => ManeuverPurpose.Disposal,
            _ => ManeuverPurpose.Other,
        };
    }

    /// <summary>A COSPAR designator as the notice keeps it; the standard's UNKNOWN (or nothing) is none.</summary>
    private static string? Designator(string? id) => string.IsNullOrWhiteSpace(id) || id.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase) ? null : id.Trim();

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The comments as remarks, one line each (a notice's remarks are written one COMMENT line per line).</summary>
    private static string? Remarks(IEnumerable<string> comments)
    {
        var text = string.Join("\n", comments.Select(c => c.Trim()).Where(c => c.Length > 0));
        return text.Length == 0 ? null : text[..Math.Min(text.Length, Domain.Notifications.NotificationValidator.LongTextLength)];
    }
}
