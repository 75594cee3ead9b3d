using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc report ID --outcome WORD: the execution report of one of your notifications (it becomes completed). The
/// options are those of the notice, meaning what happened: --window-start/--window-end the actual window, --delta-v
/// the achieved velocity change, --tle/--elements the achieved orbit, --closest-approach the actual one; a launch
/// reports --liftoff and --deployed objects. Options that the notification's kind has no field for are a usage error.
/// </summary>
internal static class ReportCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The notification to report on, e.g. MNV-3" };
        var outcome = EnumWords<ExecutionOutcome>.Option("--outcome", "How it went");
        outcome.Required = true;
        var remarks = ValueOptions.Text("--remarks", "Remarks, at most 2,000 characters", "TEXT");
        var start = ValueOptions.Reference("--window-start", $"Maneuver, rpo: when it actually started, {Values.TimeHelp}", Values.Time, "TIME");
        var end = ValueOptions.Reference("--window-end", $"Maneuver, rpo: when it actually ended, {Values.TimeHelp}", Values.Time, "TIME");
        var deltaV = ValueOptions.Scalar("--delta-v", "Maneuver: achieved velocity change, m/s (computed from --delta-v-rtn when left out)", Values.Number, "M/S");
        var deltaVRtn = ValueOptions.Reference("--delta-v-rtn", "Maneuver: achieved velocity change by component, m/s: R,T,N", Values.Rtn, "R,T,N");
        var tle = ValueOptions.Tle("--tle", "Maneuver: the achieved orbit as a TLE: its two lines, each quoted");
        var elements = ValueOptions.Reference("--elements", $"Maneuver: the achieved orbit as mean elements: {Compound.ElementsKeys}", Compound.Elements, "KEY=VALUE,...");
        var closest = ValueOptions.Scalar("--closest-approach", "Rpo: actual closest approach to the target, metres", Values.Number, "M");
        var liftoff = ValueOptions.Reference("--liftoff", $"Launch: lift-off time, {Values.TimeHelp}", Values.Time, "TIME");
        var deployed = ValueOptions.List("--deployed", $"Launch: one object placed in orbit, as catalogued; repeat for each: {Compound.ObjectKeys}", Compound.Object, commaLists: false, "KEY=VALUE,...");
        var requestId = ValueOptions.Text("--request-id", "Id of this request, to repeat it safely (default: a new id)", "ID");
        var command = new Command("report", "Report how one of your notifications was executed (it becomes completed)")
        {
            id, outcome, remarks, start, end, deltaV, deltaVRtn, tle, elements, closest, liftoff, deployed, requestId,
        };
        Option[] windowed = [start, end];
        Option[] maneuverOnly = [deltaV, deltaVRtn, tle, elements];
        Option[] launchOnly = [liftoff, deployed];
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var current = (await session.Client.Notifications.GetNotificationAsync(
                new GetNotificationRequest { NotificationId = parse.GetValue(id)! }, cancellationToken)).Notification;
            var kind = NoticeKinds.Of(current.Kind) ?? throw new UsageException($"{current.Id} is of a kind nxc does not know ({current.Kind})");
            var misplaced = kind switch
            {
                NoticeKind.Maneuver => [closest, .. launchOnly],
                NoticeKind.Rpo => [.. maneuverOnly, .. launchOnly],
                _ => windowed.Concat(maneuverOnly).Append(closest).ToArray(),
            };
            if (misplaced.Where(parse.Given).Select(o => o.Name).ToArray() is { Length: > 0 } names)
            {
                throw new UsageException($"{string.Join(", ", names)}: not reported for {kind.Described()} ({current.Id})");
            }
            var report = new ExecutionReport { Outcome = parse.GetValue(outcome)!.Value, Remarks = parse.GetValue(remarks) ?? "" };
            TimeWindow? Window() => parse.Given(start) || parse.Given(end) ? new TimeWindow { Start = parse.GetValue(start), End = parse.GetValue(end) } : null;
            switch (kind)
            {
                case NoticeKind.Maneuver when windowed.Concat(maneuverOnly).Any(parse.Given):
                    report.Maneuver = new ManeuverExecution { ActualWindow = Window(), AchievedOrbit = NoticeOptions.Orbit(parse, null, tle, elements) };
                    if (parse.Given(deltaV) || parse.Given(deltaVRtn))
                    {
                        report.Maneuver.AchievedDeltaV = NoticeOptions.VelocityChange(parse.GetValue(deltaV), parse.GetValue(deltaVRtn));
                    }
                    break;
                case NoticeKind.Rpo when parse.Given(start) || parse.Given(end) || parse.Given(closest):
                    report.ProximityOperation = new ProximityOperationExecution { ActualWindow = Window(), ActualClosestApproachM = parse.GetValue(closest) ?? 0 };
                    break;
                case NoticeKind.Launch when launchOnly.Any(parse.Given):
                    report.Launch = new LaunchExecution { LiftoffTime = parse.GetValue(liftoff), DeployedObjects = { parse.GetValue(deployed) ?? [] } };
                    break;
            }
            var response = await session.Client.Notifications.ReportExecutionAsync(new ReportExecutionRequest
            {
                NotificationId = current.Id,
                RequestId = parse.GetValue(requestId) ?? "",
                Report = report,
            }, cancellationToken);
            FileCommand.Print(session, "reported", response);
            return ExitCodes.Ok;
        });
    }
}
