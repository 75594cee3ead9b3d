using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// The three kinds of notice between the wire and the domain. Nothing is checked here: a field the sender left out
/// becomes null, an enum keeps its number, and the domain's validator says what is wrong, by wire name.
/// </summary>
internal static class NoticeMapping
{
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
        Remarks = WireScalars.Text(notice.Remarks),
        Contact = notice.Contact?.ToDomain(),
    };

    public static D.ProximityOperationNotice ToDomain(this P.ProximityOperationNotice notice) => new()
    {
        Chaser = notice.Chaser?.ToDomain(),
        Target = notice.Target?.ToDomain(),
        TargetOperator = WireScalars.Text(notice.TargetOperator),
        Consent = (D.TargetConsent)notice.Consent,
        ConsentReference = WireScalars.Text(notice.ConsentReference),
        OperationsWindow = notice.OperationsWindow?.ToDomain(),
        PlannedClosestApproachM = notice.PlannedClosestApproachM,
        KeepOutRadiusM = notice.KeepOutRadiusM == 0 ? null : notice.KeepOutRadiusM,
        Phases = notice.Phases.Select(p => new D.ApproachPhase((D.ApproachPhaseType)p.Type, p.RangeM, p.Window?.ToDomain(), WireScalars.Text(p.Description))).ToArray(),
        AbortPlan = WireScalars.Text(notice.AbortPlan),
        Purpose = (D.ProximityOperationPurpose)notice.Purpose,
        PurposeDescription = WireScalars.Text(notice.PurposeDescription),
        ChaserOrbit = notice.ChaserOrbit?.ToDomain(),
        Contact = notice.Contact?.ToDomain(),
        PlannedManeuvers = notice.PlannedManeuvers.Select(b => new D.PlannedBurn(WireScalars.Time(b.Ignition), b.DeltaVMps?.ToDomain())).ToArray(),
    };

    public static D.LaunchNotice ToDomain(this P.LaunchNotice notice) => new()
    {
        Vehicle = WireScalars.Text(notice.Vehicle),
        Site = notice.Site is null ? null : new D.LaunchSite(WireScalars.Text(notice.Site.Name), notice.Site.Location?.ToDomain()),
        LaunchWindow = notice.LaunchWindow?.ToDomain(),
        LaunchAzimuthDeg = notice.LaunchAzimuthDeg,
        PayloadOrbits = notice.PayloadOrbits
            .Select(p => new D.PayloadOrbit(
                WireScalars.Text(p.PayloadName), p.PerigeeAltitudeKm, p.ApogeeAltitudeKm, p.InclinationDeg, p.InsertionOrbit?.ToDomain()))
            .ToArray(),
        PayloadCount = (int)Math.Min(notice.PayloadCount, int.MaxValue),
        HazardAreas = notice.HazardAreas.Select(ToDomain).ToArray(),
        HcocNotificationReference = WireScalars.Text(notice.HcocNotificationReference),
        Remarks = WireScalars.Text(notice.Remarks),
        Contact = notice.Contact?.ToDomain(),
        StageOrbits = notice.StageOrbits.Select(s => new D.StageOrbit(WireScalars.Text(s.Name), s.InsertionOrbit?.ToDomain())).ToArray(),
    };

    private static D.HazardArea ToDomain(this P.HazardArea area) => new(
        WireScalars.Text(area.DiscardedItem),
        area.AreaCase == P.HazardArea.AreaOneofCase.Polygon ? area.Polygon.Vertices.Select(v => v.ToDomain()).ToArray() : null,
        area.AreaCase == P.HazardArea.AreaOneofCase.Box
            ? new D.LatLonBox(area.Box.MinLatitudeDeg, area.Box.MaxLatitudeDeg, area.Box.MinLongitudeDeg, area.Box.MaxLongitudeDeg)
            : null,
        area.Window?.ToDomain());

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
        PlannedManeuvers =
        {
            notice.PlannedManeuvers.Select(b => new P.PlannedBurn { Ignition = WireScalars.ToTimestamp(b.Ignition), DeltaVMps = b.DeltaVMps?.ToProto() }),
        },
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
                InsertionOrbit = p.InsertionOrbit?.ToProto(),
            }),
        },
        PayloadCount = (uint)notice.PayloadCount,
        HazardAreas = { notice.HazardAreas.Select(ToProto) },
        HcocNotificationReference = notice.HcocNotificationReference ?? "",
        Remarks = notice.Remarks ?? "",
        Contact = notice.Contact?.ToProto(),
        StageOrbits = { notice.StageOrbits.Select(s => new P.StageOrbit { Name = s.Name ?? "", InsertionOrbit = s.InsertionOrbit?.ToProto() }) },
    };

    private static P.HazardArea ToProto(this D.HazardArea area)
    {
        var proto = new P.HazardArea { DiscardedItem = area.DiscardedItem ?? "", Window = area.Window?.ToProto() };
        if (area.Polygon is not null)
        {
            proto.Polygon = new P.GeoPolygon { Vertices = { area.Polygon.Select(v => v.ToProto()) } };
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
