using Google.Protobuf.WellKnownTypes;
using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;
using R = NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Between the wire contract and the domain model. Nothing is checked here: a field the sender left out becomes null
/// (an empty string too), an enum keeps its number, and the domain's validator says what is wrong, by wire name.
/// Values the domain could not hold at all (invalid timestamps, NaN) are refused whatever the domain says of them:
/// <see cref="WireValueInterceptor"/>.
/// </summary>
internal static class ProtoMapping
{
    // ---- wire to domain ----

    public static D.NotificationContent? ToContent(P.ManeuverNotice? maneuver, P.ProximityOperationNotice? rpo, P.LaunchNotice? launch) =>
        maneuver?.ToDomain() ?? rpo?.ToDomain() ?? (D.NotificationContent?)launch?.ToDomain();

    public static D.ManeuverNotice ToDomain(this P.ManeuverNotice notice) => new()
    {
        Object = notice.Object?.ToDomain(),
        ExecutionWindow = notice.ExecutionWindow?.ToDomain(),
        Purpose = (D.ManeuverPurpose)notice.Purpose,
        PlannedDeltaV = notice.PlannedDeltaV?.ToDomain(),
        CurrentOrbit = notice.CurrentOrbit?.ToDomain(),
        ExpectedOrbit = notice.ExpectedOrbit?.ToDomain(),
        Remarks = Text(notice.Remarks),
        Contact = notice.Contact?.ToDomain(),
    };

    public static D.ProximityOperationNotice ToDomain(this P.ProximityOperationNotice notice) => new()
    {
        Chaser = notice.Chaser?.ToDomain(),
        Target = notice.Target?.ToDomain(),
        TargetOperator = Text(notice.TargetOperator),
        Consent = (D.TargetConsent)notice.Consent,
        ConsentReference = Text(notice.ConsentReference),
        OperationsWindow = notice.OperationsWindow?.ToDomain(),
        PlannedClosestApproachM = notice.PlannedClosestApproachM,
        KeepOutRadiusM = notice.KeepOutRadiusM == 0 ? null : notice.KeepOutRadiusM,
        Phases = notice.Phases.Select(p => new D.ApproachPhase((D.ApproachPhaseType)p.Type, p.RangeM, p.Window?.ToDomain(), Text(p.Description))).ToArray(),
        AbortPlan = Text(notice.AbortPlan),
        Purpose = (D.ProximityOperationPurpose)notice.Purpose,
        PurposeDescription = Text(notice.PurposeDescription),
        ChaserOrbit = notice.ChaserOrbit?.ToDomain(),
        Contact = notice.Contact?.ToDomain(),
    };

    public static D.LaunchNotice ToDomain(this P.LaunchNotice notice) => new()
    {
        Vehicle = Text(notice.Vehicle),
        Site = notice.Site is null ? null : new D.LaunchSite(Text(notice.Site.Name), notice.Site.Location?.ToDomain()),
        LaunchWindow = notice.LaunchWindow?.ToDomain(),
        LaunchAzimuthDeg = notice.LaunchAzimuthDeg,
        PayloadOrbits = notice.PayloadOrbits
            .Select(p => new D.PayloadOrbit(Text(p.PayloadName), p.PerigeeAltitudeKm, p.ApogeeAltitudeKm, p.InclinationDeg)).ToArray(),
        PayloadCount = (int)Math.Min(notice.PayloadCount, int.MaxValue),
        HazardAreas = notice.HazardAreas.Select(ToDomain).ToArray(),
        HcocNotificationReference = Text(notice.HcocNotificationReference),
        Remarks = Text(notice.Remarks),
        Contact = notice.Contact?.ToDomain(),
    };

    public static D.ExecutionReport? ToDomain(this P.ExecutionReport? report) => report is null
        ? null
        : new D.ExecutionReport(
            (D.ExecutionOutcome)report.Outcome,
            report.DetailsCase switch
            {
                P.ExecutionReport.DetailsOneofCase.Maneuver => new D.ManeuverExecution(
                    report.Maneuver.ActualWindow?.ToDomain(), report.Maneuver.AchievedDeltaV?.ToDomain(), report.Maneuver.AchievedOrbit?.ToDomain()),
                P.ExecutionReport.DetailsOneofCase.ProximityOperation => new D.ProximityOperationExecution(
                    report.ProximityOperation.ActualWindow?.ToDomain(), report.ProximityOperation.ActualClosestApproachM),
                P.ExecutionReport.DetailsOneofCase.Launch => new D.LaunchExecution(
                    Time(report.Launch.LiftoffTime), report.Launch.DeployedObjects.Select(o => o.ToDomain()).ToArray()),
                _ => null,
            },
            Text(report.Remarks));

    public static D.SpaceObjectRef ToDomain(this P.SpaceObject obj) =>
        new((int)Math.Min(obj.NoradCatId, int.MaxValue), Text(obj.CosparId), Text(obj.Name));

    public static D.TimeWindow ToDomain(this P.TimeWindow window) => new(Time(window.Start), Time(window.End));

    public static D.PointOfContact ToDomain(this P.PointOfContact contact) =>
        new(Text(contact.Name), Text(contact.Organization), Text(contact.Email), Text(contact.Phone));

    public static D.DeltaV ToDomain(this P.DeltaV deltaV) => new(
        deltaV.MagnitudeMps,
        deltaV.ComponentsMps is null ? null : new D.RtnVector(deltaV.ComponentsMps.Radial, deltaV.ComponentsMps.InTrack, deltaV.ComponentsMps.CrossTrack));

    public static D.GeoPoint ToDomain(this P.GeoPoint point) => new(point.LatitudeDeg, point.LongitudeDeg);

    public static D.OrbitSpec? ToDomain(this P.OrbitSpec orbit) => orbit.ElementsCase switch
    {
        P.OrbitSpec.ElementsOneofCase.Tle => new D.TleOrbit(orbit.Tle.Line1, orbit.Tle.Line2),
        P.OrbitSpec.ElementsOneofCase.MeanElements => new D.MeanElementsOrbit(
            Time(orbit.MeanElements.Epoch),
            orbit.MeanElements.HasSemiMajorAxisKm ? orbit.MeanElements.SemiMajorAxisKm : null,
            orbit.MeanElements.HasEccentricity ? orbit.MeanElements.Eccentricity : null,
            orbit.MeanElements.HasApogeeAltitudeKm ? orbit.MeanElements.ApogeeAltitudeKm : null,
            orbit.MeanElements.HasPerigeeAltitudeKm ? orbit.MeanElements.PerigeeAltitudeKm : null,
            orbit.MeanElements.InclinationDeg,
            orbit.MeanElements.RaanDeg,
            orbit.MeanElements.ArgOfPerigeeDeg,
            orbit.MeanElements.MeanAnomalyDeg),
        _ => null,
    };

    private static D.HazardArea ToDomain(P.HazardArea area) => new(
        Text(area.DiscardedItem),
        area.AreaCase == P.HazardArea.AreaOneofCase.Polygon ? area.Polygon.Vertices.Select(v => v.ToDomain()).ToArray() : null,
        area.AreaCase == P.HazardArea.AreaOneofCase.Box
            ? new D.LatLonBox(area.Box.MinLatitudeDeg, area.Box.MaxLatitudeDeg, area.Box.MinLongitudeDeg, area.Box.MaxLongitudeDeg)
            : null,
        area.Window?.ToDomain());

    private static string? Text(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// A timestamp, or null when absent or invalid. An invalid one is among the request's wire violations (see
    /// <see cref="WireValueInterceptor"/>), which refuse the request whatever the domain says of the field.
    /// </summary>
    private static DateTime? Time(Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            return null;
        }
        try
        {
            return timestamp.ToDateTime();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // ---- domain to wire ----

    public static P.Notification ToProto(this D.Notification notification)
    {
        var proto = new P.Notification
        {
            Id = notification.Id,
            Sequence = (ulong)notification.Sequence,
            FilingOperator = notification.FilingOperator,
            FiledAt = Timestamp.FromDateTime(notification.FiledAt),
            UpdatedAt = Timestamp.FromDateTime(notification.UpdatedAt),
            Version = (uint)notification.Version,
            Status = (P.NotificationStatus)notification.Status,
            Visibility = (P.Visibility)notification.Visibility,
            RelatedNotificationIds = { notification.RelatedNotificationIds },
            Kind = (P.NotificationKind)notification.Kind,
            Execution = notification.Execution?.ToProto(),
            Cancellation = notification.Cancellation is null
                ? null
                : new P.Cancellation { Reason = notification.Cancellation.Reason, CancelledAt = Timestamp.FromDateTime(notification.Cancellation.CancelledAt) },
            Regimes = { notification.Regimes.Select(ToProto) },
            ChangeReason = notification.ChangeReason ?? "",
            Attachments = { notification.Attachments.Select(ToProto) },
        };
        switch (notification.Content)
        {
            case D.ManeuverNotice maneuver:
                proto.Maneuver = maneuver.ToProto();
                break;
            case D.ProximityOperationNotice rpo:
                proto.ProximityOperation = rpo.ToProto();
                break;
            case D.LaunchNotice launch:
                proto.Launch = launch.ToProto();
                break;
        }
        return proto;
    }

    public static P.OrbitalRegime ToProto(this R.OrbitalRegime regime) => (P.OrbitalRegime)regime;

    public static P.AttachmentInfo ToProto(this D.AttachmentInfo info) => new()
    {
        Role = (P.AttachmentRole)info.Role,
        MediaType = info.MediaType,
        SizeBytes = (ulong)info.SizeBytes,
        Sha256 = info.Sha256,
    };

    public static P.NotificationEventType ToProto(this D.NotificationEventType type) => (P.NotificationEventType)type;

    public static P.ManeuverNotice ToProto(this D.ManeuverNotice notice) => new()
    {
        Object = notice.Object?.ToProto(),
        ExecutionWindow = notice.ExecutionWindow?.ToProto(),
        Purpose = (P.ManeuverPurpose)notice.Purpose,
        PlannedDeltaV = notice.PlannedDeltaV?.ToProto(),
        CurrentOrbit = notice.CurrentOrbit?.ToProto(),
        ExpectedOrbit = notice.ExpectedOrbit?.ToProto(),
        Remarks = notice.Remarks ?? "",
        Contact = notice.Contact?.ToProto(),
    };

    public static P.ProximityOperationNotice ToProto(this D.ProximityOperationNotice notice) => new()
    {
        Chaser = notice.Chaser?.ToProto(),
        Target = notice.Target?.ToProto(),
        TargetOperator = notice.TargetOperator ?? "",
        Consent = (P.TargetConsent)notice.Consent,
        ConsentReference = notice.ConsentReference ?? "",
        OperationsWindow = notice.OperationsWindow?.ToProto(),
        PlannedClosestApproachM = notice.PlannedClosestApproachM,
        KeepOutRadiusM = notice.KeepOutRadiusM ?? 0,
        Phases =
        {
            notice.Phases.Select(p => new P.ApproachPhase
            {
                Type = (P.ApproachPhaseType)p.Type, RangeM = p.RangeM, Window = p.Window?.ToProto(), Description = p.Description ?? "",
            }),
        },
        AbortPlan = notice.AbortPlan ?? "",
        Purpose = (P.ProximityOperationPurpose)notice.Purpose,
        PurposeDescription = notice.PurposeDescription ?? "",
        ChaserOrbit = notice.ChaserOrbit?.ToProto(),
        Contact = notice.Contact?.ToProto(),
    };

    public static P.LaunchNotice ToProto(this D.LaunchNotice notice) => new()
    {
        Vehicle = notice.Vehicle ?? "",
        Site = notice.Site is null ? null : new P.LaunchSite { Name = notice.Site.Name ?? "", Location = notice.Site.Location?.ToProto() },
        LaunchWindow = notice.LaunchWindow?.ToProto(),
        LaunchAzimuthDeg = notice.LaunchAzimuthDeg,
        PayloadOrbits =
        {
            notice.PayloadOrbits.Select(p => new P.PayloadOrbit
            {
                PayloadName = p.PayloadName ?? "", PerigeeAltitudeKm = p.PerigeeAltitudeKm, ApogeeAltitudeKm = p.ApogeeAltitudeKm, InclinationDeg = p.InclinationDeg,
            }),
        },
        PayloadCount = (uint)notice.PayloadCount,
        HazardAreas = { notice.HazardAreas.Select(ToProto) },
        HcocNotificationReference = notice.HcocNotificationReference ?? "",
        Remarks = notice.Remarks ?? "",
        Contact = notice.Contact?.ToProto(),
    };

    public static P.ExecutionReport ToProto(this D.ExecutionReport report)
    {
        var proto = new P.ExecutionReport
        {
            Outcome = (P.ExecutionOutcome)report.Outcome,
            Remarks = report.Remarks ?? "",
            ReportedAt = report.ReportedAt is { } reportedAt ? Timestamp.FromDateTime(reportedAt) : null,
        };
        switch (report.Details)
        {
            case D.ManeuverExecution maneuver:
                proto.Maneuver = new P.ManeuverExecution
                {
                    ActualWindow = maneuver.ActualWindow?.ToProto(),
                    AchievedDeltaV = maneuver.AchievedDeltaV?.ToProto(),
                    AchievedOrbit = maneuver.AchievedOrbit?.ToProto(),
                };
                break;
            case D.ProximityOperationExecution rpo:
                proto.ProximityOperation = new P.ProximityOperationExecution
                {
                    ActualWindow = rpo.ActualWindow?.ToProto(),
                    ActualClosestApproachM = rpo.ActualClosestApproachM ?? 0,
                };
                break;
            case D.LaunchExecution launch:
                proto.Launch = new P.LaunchExecution
                {
                    LiftoffTime = launch.LiftoffTime is { } liftoff ? Timestamp.FromDateTime(liftoff) : null,
                    DeployedObjects = { launch.DeployedObjects.Select(o => o.ToProto()) },
                };
                break;
        }
        return proto;
    }

    public static P.SpaceObject ToProto(this D.SpaceObjectRef obj) =>
        new() { NoradCatId = (uint)obj.NoradCatId, CosparId = obj.CosparId ?? "", Name = obj.Name ?? "" };

    public static P.TimeWindow ToProto(this D.TimeWindow window) => new()
    {
        Start = window.Start is { } start ? Timestamp.FromDateTime(start) : null,
        End = window.End is { } end ? Timestamp.FromDateTime(end) : null,
    };

    public static P.PointOfContact ToProto(this D.PointOfContact contact) => new()
    {
        Name = contact.Name ?? "",
        Organization = contact.Organization ?? "",
        Email = contact.Email ?? "",
        Phone = contact.Phone ?? "",
    };

    private static P.DeltaV ToProto(this D.DeltaV deltaV) => new()
    {
        MagnitudeMps = deltaV.MagnitudeMps,
        ComponentsMps = deltaV.ComponentsMps is { } c ? new P.RtnVector { Radial = c.Radial, InTrack = c.InTrack, CrossTrack = c.CrossTrack } : null,
    };

    private static P.GeoPoint ToProto(this D.GeoPoint point) => new() { LatitudeDeg = point.LatitudeDeg, LongitudeDeg = point.LongitudeDeg };

    private static P.OrbitSpec ToProto(this D.OrbitSpec orbit)
    {
        switch (orbit)
        {
            case D.TleOrbit tle:
                return new P.OrbitSpec { Tle = new P.TwoLineElementSet { Line1 = tle.Line1, Line2 = tle.Line2 } };
            case D.MeanElementsOrbit elements:
                var proto = new P.MeanElements
                {
                    Epoch = elements.Epoch is { } epoch ? Timestamp.FromDateTime(epoch) : null,
                    InclinationDeg = elements.InclinationDeg,
                    RaanDeg = elements.RaanDeg,
                    ArgOfPerigeeDeg = elements.ArgOfPerigeeDeg,
                    MeanAnomalyDeg = elements.MeanAnomalyDeg,
                };
                if (elements.SemiMajorAxisKm is { } a)
                {
                    proto.SemiMajorAxisKm = a;
                }
                if (elements.Eccentricity is { } e)
                {
                    proto.Eccentricity = e;
                }
                if (elements.ApogeeAltitudeKm is { } apogee)
                {
                    proto.ApogeeAltitudeKm = apogee;
                }
                if (elements.PerigeeAltitudeKm is { } perigee)
                {
                    proto.PerigeeAltitudeKm = perigee;
                }
                return new P.OrbitSpec { MeanElements = proto };
            default:
                throw new ArgumentOutOfRangeException(nameof(orbit), orbit.GetType().Name, null);
        }
    }

    private static P.HazardArea ToProto(D.HazardArea area)
    {
        var proto = new P.HazardArea { DiscardedItem = area.DiscardedItem ?? "", Window = area.Window?.ToProto() };
        if (area.Polygon is not null)
        {
            proto.Polygon = new P.GeoPolygon { Vertices = { area.Polygon.Select(ToProto) } };
        }
        else if (area.Box is { } box)
        {
            proto.Box = new P.LatLonBox
            {
                MinLatitudeDeg = box.MinLatitudeDeg,
                MaxLatitudeDeg = box.MaxLatitudeDeg,
                MinLongitudeDeg = box.MinLongitudeDeg,
                MaxLongitudeDeg = box.MaxLongitudeDeg,
            };
        }
        return proto;
    }
}
