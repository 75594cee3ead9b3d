using System.Globalization;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>
/// A maneuver or proximity-operation notification as an Orbit Comprehensive Message. Metadata: the object (name,
/// international designator, OBJECT_DESIGNATOR as its SATCAT number), the filing operator and the point of contact.
/// A maneuver becomes a PLANNED maneuver section (RTN delta-v when its components are known, the execution window as
/// ignition and duration) and, once reported, a DETERMINED one; orbits become KEPLERIANMEAN trajectory sections;
/// remarks become the section's COMMENT lines. What OCM has no keyword for (the delta-v magnitude, which is all a
/// notice may give; a TLE or apogee/perigee altitudes; an RPO's target, consent, phases and abort plan) is in
/// USER_DEFINED_NX_* parameters. No direction is ever made up for a delta-v given only by its magnitude. Filing the
/// result back (<see cref="CcsdsManeuverImport"/>) gives the same maneuver notice: text comes back as single trimmed
/// lines, since KVN and XML values cannot hold line breaks or other control characters (they become blanks; a
/// character XML cannot carry becomes U+FFFD), and delta-v components come back from km/s, the unit the standard
/// fixes, to within a unit in the last place.
/// </summary>
public static class OcmNoticeExport
{
    public static (string MediaType, string FileName, string Content) Write(Notification notification, CcsdsSyntax syntax)
    {
        var ocm = notification.Content switch
        {
            ManeuverNotice maneuver => Maneuver(notification, maneuver),
            ProximityOperationNotice rpo => ProximityOperation(notification, rpo),
            _ => throw ExchangeRuleException.Invalid("notification_id",
                $"{notification.Id} is a {notification.Content.FieldName} notification; only maneuvers and proximity operations have an OCM form"),
        };
        var extension = syntax == CcsdsSyntax.Xml ? "ocm.xml" : "ocm";
        return (CcsdsMessages.MediaType(NdmMessageType.Ocm, syntax), $"{notification.Id}-v{notification.Version}.{extension}", OcmWriter.Write(ocm, syntax));
    }

    private static OcmMessage Maneuver(Notification notification, ManeuverNotice notice)
    {
        var window = notice.ExecutionWindow!;
        var ocm = Envelope(notification, notice.Object!, notice.Contact, window.Start!.Value);
        var planned = ManeuverSection(notification.Id, "PLANNED", window, notice.PlannedDeltaV);
        planned.ManPurpose = Word(notice.Purpose);
        if (notice.Remarks is { } remarks)
        {
            // one COMMENT line per line of the remarks; the import joins them with line breaks again
            planned.Comments.AddRange(remarks.Split('\n').Select(Line).OfType<string>());
        }
        ocm.Maneuvers.Add(planned);
        if (notification.Execution is { Details: ManeuverExecution { ActualWindow: { Start: not null, End: not null } actual } executed } report)
        {
            var determined = ManeuverSection($"{notification.Id}-EXECUTED", "DETERMINED", actual, executed.AchievedDeltaV);
            determined.ManPrevId = notification.Id;
            determined.ManPurpose = planned.ManPurpose;
            determined.Comments.Add($"execution reported {Time(report.ReportedAt ?? notification.UpdatedAt)}: {report.Outcome}");
            ocm.Maneuvers.Add(determined);
            if (executed.AchievedDeltaV is { } achieved)
            {
                ocm.UserDefined!.Parameters.Add(new(CcsdsManeuverImport.AchievedDeltaVMagnitudeParameter, CcsdsNumbers.Format(achieved.MagnitudeMps)));
            }
        }
        AddOrbit(ocm, OcmOrbits.CurrentOrbitId, notice.CurrentOrbit);
        AddOrbit(ocm, OcmOrbits.ExpectedOrbitId, notice.ExpectedOrbit);
        if (notice.PlannedDeltaV is { } deltaV)
        {
            // the magnitude as filed: OCM has no keyword for it, and a notice may give nothing else
            ocm.UserDefined!.Parameters.Add(new(CcsdsManeuverImport.DeltaVMagnitudeParameter, CcsdsNumbers.Format(deltaV.MagnitudeMps)));
        }
        return ocm;
    }

    private static OcmMessage ProximityOperation(Notification notification, ProximityOperationNotice notice)
    {
        var window = notice.OperationsWindow!;
        var ocm = Envelope(notification, notice.Chaser!, notice.Contact, window.Start!.Value);
        AddOrbit(ocm, OcmOrbits.CurrentOrbitId, notice.ChaserOrbit);
        var parameters = ocm.UserDefined!.Parameters;
        void Add(string name, string? value)
        {
            if (Line(value) is { } line)
            {
                parameters.Add(new($"NX_{name}", line));
            }
        }
        Add("TARGET_NORAD_CAT_ID", notice.Target!.NoradCatId.ToString(CultureInfo.InvariantCulture));
        Add("TARGET_COSPAR_ID", notice.Target.CosparId);
        Add("TARGET_NAME", notice.Target.Name);
        Add("TARGET_OPERATOR", notice.TargetOperator);
        Add("CONSENT", Word(notice.Consent));
        Add("CONSENT_REFERENCE", notice.ConsentReference);
        Add("OPERATIONS_START", Time(window.Start!.Value));
        Add("OPERATIONS_STOP", Time(window.End!.Value));
        Add("PLANNED_CLOSEST_APPROACH_M", CcsdsNumbers.Format(notice.PlannedClosestApproachM));
        Add("KEEP_OUT_RADIUS_M", notice.KeepOutRadiusM is { } keepOut ? CcsdsNumbers.Format(keepOut) : null);
        Add("PURPOSE", Word(notice.Purpose));
        Add("PURPOSE_DESCRIPTION", notice.PurposeDescription);
        Add("ABORT_PLAN", notice.AbortPlan);
        Add("PHASE_COUNT", notice.Phases.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < notice.Phases.Count; i++)
        {
            var phase = notice.Phases[i];
            Add($"PHASE_{i + 1}_TYPE", Word(phase.Type));
            Add($"PHASE_{i + 1}_RANGE_M", CcsdsNumbers.Format(phase.RangeM));
            Add($"PHASE_{i + 1}_START", phase.Window?.Start is { } start ? Time(start) : null);
            Add($"PHASE_{i + 1}_STOP", phase.Window?.End is { } end ? Time(end) : null);
            Add($"PHASE_{i + 1}_DESCRIPTION", phase.Description);
        }
        return ocm;
    }

    private static OcmMessage Envelope(Notification notification, SpaceObjectRef obj, PointOfContact? contact, DateTime epoch)
    {
        var ocm = new OcmMessage
        {
            Header = new() { Version = "3.0", CreationDate = CcsdsTime.FromDateTime(notification.UpdatedAt), Originator = Line(notification.FilingOperator) ?? "" },
            Metadata = new OcmMetadata
            {
                ObjectName = Line(obj.Name),
                InternationalDesignator = Line(obj.CosparId),
                CatalogName = "SATCAT",
                ObjectDesignator = TleParser.EncodeCatalogNumber(obj.NoradCatId).TrimStart('0'),
                OriginatorPoc = Line(contact?.Name),
                OriginatorEmail = Line(contact?.Email),
                OriginatorPhone = Line(contact?.Phone),
                Operator = Line(contact?.Organization),
                TimeSystem = CcsdsTimeSystems.Utc,
                EpochTzero = CcsdsTime.FromDateTime(epoch),
            },
            UserDefined = new(),
        };
        ocm.Header.Comments.Add($"{notification.Content.FieldName} notification {notification.Id} version {notification.Version} ({notification.Status}) from NotificationExchange");
        ocm.UserDefined.Parameters.Add(new("NX_NOTIFICATION_ID", notification.Id));
        ocm.UserDefined.Parameters.Add(new("NX_VERSION", notification.Version.ToString(CultureInfo.InvariantCulture)));
        ocm.UserDefined.Parameters.Add(new("NX_STATUS", Word(notification.Status)));
        return ocm;
    }

    private static OcmManeuver ManeuverSection(string id, string basis, TimeWindow window, DeltaV? deltaV)
    {
        var components = deltaV?.ComponentsMps;
        var section = new OcmManeuver
        {
            ManId = id,
            ManBasis = basis,
            ManRefFrame = "RTN",
            ManComposition = components is null ? ["TIME_ABSOLUTE", "MAN_DURA"] : ["TIME_ABSOLUTE", "MAN_DURA", "DV_X", "DV_Y", "DV_Z"],
            ManUnits = components is null ? ["s"] : ["s", "km/s", "km/s", "km/s"],
        };
        var start = CcsdsTime.FromDateTime(window.Start!.Value);
        var duration = (window.End!.Value - window.Start.Value).TotalSeconds;
        if (components is null)
        {
            section.AddLine(start, duration);
        }
        else
        {
            section.AddLine(start, duration, components.Radial / 1000.0, components.InTrack / 1000.0, components.CrossTrack / 1000.0);
        }
        return section;
    }

    private static void AddOrbit(OcmMessage ocm, string id, OrbitSpec? orbit)
    {
        if (orbit is not null && OcmOrbits.Section(id, orbit) is { } section)
        {
            ocm.Trajectories.Add(section);
            ocm.UserDefined!.Parameters.AddRange(OcmOrbits.Parameters(id, orbit));
        }
    }

    /// <summary>A text as one OCM value (<see cref="CcsdsText.AsValue"/>): what KVN and XML cannot carry, and the writer refuses, replaced.</summary>
    private static string? Line(string? text) => CcsdsText.AsValue(text);

    /// <summary>
    /// An enum value as an upper-case CCSDS-style word: CollisionAvoidance becomes COLLISION_AVOIDANCE (maneuver
    /// purposes so written are what the import maps back).
    /// </summary>
    private static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    private static string Time(DateTime value) => CcsdsTime.FromDateTime(value).ToString();
}
