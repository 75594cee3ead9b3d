using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Execution reports between the wire and the domain; nothing is checked here (see <see cref="NoticeMapping"/>).</summary>
internal static class ReportMapping
{
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
                    WireScalars.Time(report.Launch.LiftoffTime), report.Launch.DeployedObjects.Select(o => o.ToDomain()).ToArray()),
                _ => null,
            },
            WireScalars.Text(report.Remarks));

    public static P.ExecutionReport ToProto(this D.ExecutionReport report)
    {
        var proto = new P.ExecutionReport
        {
            Outcome = (P.ExecutionOutcome)report.Outcome,
            Remarks = report.Remarks ?? "",
            ReportedAt = WireScalars.ToTimestamp(report.ReportedAt),
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
                    LiftoffTime = WireScalars.ToTimestamp(launch.LiftoffTime),
                    DeployedObjects = { launch.DeployedObjects.Select(o => o.ToProto()) },
                };
                break;
        }
        return proto;
    }
}
