using System.Globalization;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Frames;
using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Alerts.Cdm;

/// <summary>
/// An alert as a CCSDS Conjunction Data Message (508.0-B-1), as one of its parties may see it: OBJECT1 is the primary
/// and OBJECT2 the secondary (the relative position is the secondary's in the primary's RTN frame, as the alert has
/// it); MESSAGE_FOR names the asking operator's object.
/// </summary>
/// <remarks>
/// The standard makes each object's state vector at TCA mandatory, and this library reads none without it. The alert
/// carries a state only where its owner's sharing policy shares it (<see cref="AlertObject.StateAtTca"/>), and none
/// derived from a notification that withholds itself (<see cref="Alert.NoticeWithheld"/>); where it does not, nothing honest can stand in its place (zeros or a made-up state would be read as data), so the export is
/// refused with FAILED_PRECONDITION naming the object whose state is not shared. The covariance, also mandatory in the
/// standard, is one the alert never carries; the library allows a CDM without it (its writer checks with
/// <see cref="CcsdsReadOptions.AllowMissingCdmCovariance"/>), and the CDM says so in a comment: readers must accept a
/// CDM without covariance. States are TEME at TCA in the alert; CDM frames are EME2000, GCRF or ITRF, so they are
/// written in ITRF, rotated from TEME by the Greenwich mean sidereal time (<see cref="EarthRotation"/>: the
/// pseudo-Earth-fixed frame, ITRF to SGP4's accuracy).
/// </remarks>
public static class AlertCdm
{
    public const string Originator = "NOTIFICATION-EXCHANGE";

    /// <summary>
    /// The CDM of <paramref name="alert"/> for <paramref name="askingOperator"/>, with each object's operator named from
    /// <paramref name="profiles"/> (by operator id; missing or null: not named). FAILED_PRECONDITION when a state is not shared.
    /// </summary>
    public static ExportedAlertCdm Write(
        Alert alert, string askingOperator, IReadOnlyDictionary<string, OrganizationProfile?> profiles, CcsdsSyntax syntax, DateTime createdAt)
    {
        var unshared = new[] { alert.Primary, alert.Secondary }.Where(o => o.StateAtTca is null)
            .Select(o => $"{Describe(o)}, {(alert.NoticeWithheld && o.Source == OrbitSource.Notification
                ? "derived from a notification that not every party of the alert may read"
                : "whose operator's sharing policy gives derived values only")},")
            .ToArray();
        if (unshared.Length > 0)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"alert {alert.Id} cannot be written as a CDM: the CDM standard requires both objects' state vectors at TCA, and the state of "
                + $"{string.Join(" and of ", unshared)} is not shared with you; "
                + "GetAlert has the derived values (TCA, miss distance, relative position and speed, probability)");
        }
        var message = new CdmMessage
        {
            Header = new CdmHeader
            {
                CreationDate = CcsdsTime.FromDateTime(createdAt),
                Originator = Originator,
                MessageFor = alert.ObjectsOf(askingOperator).FirstOrDefault() is { } own ? Designation(own) : null,
                MessageId = $"{alert.Id}-v{alert.Version.ToString(CultureInfo.InvariantCulture)}",
            },
            RelativeMetadata = Relative(alert),
            Object1 = Object("OBJECT1", alert.Primary, alert, profiles),
            Object2 = Object("OBJECT2", alert.Secondary, alert, profiles),
        };
        message.Header.Comments.Add($"Alert {alert.Id} version {alert.Version}, {Name(alert.State)}; covariances are not given");
        string content;
        try
        {
            content = CdmWriter.Write(message, syntax);
        }
        catch (CcsdsFormatException e)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition, $"alert {alert.Id} cannot be written as a CDM: {e.Message}");
        }
        return syntax == CcsdsSyntax.Xml
            ? new ExportedAlertCdm("application/x-ccsds-cdm+xml", $"{alert.Id}-v{alert.Version}.cdm.xml", content)
            : new ExportedAlertCdm("text/x-ccsds-cdm", $"{alert.Id}-v{alert.Version}.cdm", content);
    }

    private static CdmRelativeMetadata Relative(Alert alert)
    {
        var relative = new CdmRelativeMetadata
        {
            Tca = CcsdsTime.FromDateTime(alert.Tca),
            MissDistance = alert.MissDistanceM,
            RelativeSpeed = alert.RelativeSpeedMps,
            RelativePositionR = alert.RelativePositionM.Radial,
            RelativePositionT = alert.RelativePositionM.InTrack,
            RelativePositionN = alert.RelativePositionM.CrossTrack,
            ScreenVolumeFrame = "RTN",
            // A sphere is the ellipsoid with equal half-axes.
            ScreenVolumeShape = "ELLIPSOID",
            ScreenVolumeX = alert.Volume.RadialKm * 1000.0,
            ScreenVolumeY = alert.Volume.InTrackKm * 1000.0,
            ScreenVolumeZ = alert.Volume.CrossTrackKm * 1000.0,
        };
        if (alert.Probability.Kind != ProbabilityKind.None)
        {
            relative.CollisionProbability = alert.Probability.Value;
            relative.CollisionProbabilityMethod = CcsdsText.AsValue(alert.Probability.Method);
            relative.Comments.Add(alert.Probability.Kind == ProbabilityKind.MaximumForHardBodyRadius
                ? $"COLLISION_PROBABILITY is the maximum over every covariance for a combined hard-body radius of {alert.Probability.CombinedHardBodyRadiusM.ToString(CultureInfo.InvariantCulture)} m: an upper bound, not an estimate"
                : $"COLLISION_PROBABILITY from both objects' covariances, combined hard-body radius {alert.Probability.CombinedHardBodyRadiusM.ToString(CultureInfo.InvariantCulture)} m");
        }
        return relative;
    }

    private static CdmObject Object(string name, AlertObject obj, Alert alert, IReadOnlyDictionary<string, OrganizationProfile?> profiles)
    {
        var profile = obj.OperatorId is { } operatorId ? profiles.GetValueOrDefault(operatorId) : null;
        var contact = profile?.Primary;
        var metadata = new CdmObjectMetadata
        {
            Object = name,
            ObjectDesignator = obj.Object.NoradCatId.ToString(CultureInfo.InvariantCulture),
            CatalogName = "SATCAT",
            ObjectName = CcsdsText.AsValue(obj.Object.Name) ?? "UNKNOWN",
            InternationalDesignator = CcsdsText.AsValue(obj.Object.CosparId) ?? "UNKNOWN",
            OperatorOrganization = CcsdsText.AsValue(profile?.DisplayName) ?? CcsdsText.AsValue(obj.OperatorId),
            OperatorContactPosition = CcsdsText.AsValue(contact?.Name),
            OperatorPhone = CcsdsText.AsValue(contact?.Phone),
            OperatorEmail = CcsdsText.AsValue(contact?.Email),
            EphemerisName = "NONE",
            CovarianceMethod = alert.Probability.Kind == ProbabilityKind.Computed ? "CALCULATED" : "DEFAULT",
            Maneuverable = obj.Maneuverable switch { true => "YES", false => "NO", null => "N/A" },
            OrbitCenter = "EARTH",
            RefFrame = "ITRF",
        };
        metadata.Comments.Add($"Orbit data: {Name(obj.Source)}, epoch {obj.DataEpoch.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}; "
            + $"hard-body radius {obj.HardBodyRadiusM.ToString(CultureInfo.InvariantCulture)} m");
        var state = obj.StateAtTca!;
        var fixedState = EarthRotation.TemeToEarthFixed(
            new StateVector(new Vector3d(state.XKm, state.YKm, state.ZKm), new Vector3d(state.XDotKmps, state.YDotKmps, state.ZDotKmps)), alert.Tca);
        var vector = new CdmStateVector
        {
            X = fixedState.PositionKm.X,
            Y = fixedState.PositionKm.Y,
            Z = fixedState.PositionKm.Z,
            XDot = fixedState.VelocityKmPerS.X,
            YDot = fixedState.VelocityKmPerS.Y,
            ZDot = fixedState.VelocityKmPerS.Z,
        };
        vector.Comments.Add("State at TCA from TEME, rotated by GMST (IAU 1982) into the pseudo-Earth-fixed frame (polar motion and UT1-UTC neglected)");
        return new CdmObject { Metadata = metadata, StateVector = vector };
    }

    /// <summary>The object as MESSAGE_FOR names it: its name, or its catalogue number.</summary>
    private static string Designation(AlertObject obj) =>
        CcsdsText.AsValue(obj.Object.Name) ?? obj.Object.NoradCatId.ToString(CultureInfo.InvariantCulture);

    private static string Describe(AlertObject obj) =>
        $"object {obj.Object.NoradCatId}{(obj.Object.Name is { } n ? $" ({n})" : "")}";

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToUpperInvariant();
}
