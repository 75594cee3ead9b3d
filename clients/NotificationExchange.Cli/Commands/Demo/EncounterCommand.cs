using System.CommandLine;
using System.Globalization;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Demo;
using NotificationExchange.Cli.Output;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Demo;

/// <summary>nxc demo encounter: files a maneuver of the caller's object whose new orbit passes a registered object at a
/// chosen time and distance, so that the exchange raises a proximity alert. The target's element set must be shared
/// with the caller (its operator's FULL_STATE policy).</summary>
internal static class EncounterCommand
{
    public static Command Build(VerbContext context)
    {
        var own = ValueOptions.Scalar("--object", "NORAD catalogue number of the object that maneuvers (yours)", Values.Norad, "NORAD", required: true);
        var target = ValueOptions.Scalar("--target", "NORAD catalogue number of the registered object to pass", Values.Norad, "NORAD", required: true);
        var minutes = ValueOptions.Scalar("--tca-in", "Minutes from the exchange's now to the encounter, 20 to 10080 (default 90); the burn is half-way", Values.Number, "MINUTES");
        var miss = ValueOptions.Scalar("--miss-km", "How far above the target the new orbit passes, 0 to 50 km (default 0.2)", Values.Number, "KM");
        var command = new Command("encounter", "File a demonstration maneuver whose new orbit passes a registered object (raises an alert)") { own, target, minutes, miss };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var minutesToTca = session.Parse.GetValue(minutes) ?? 90;
            var missKm = session.Parse.GetValue(miss) ?? 0.2;
            if (minutesToTca is < 20 or > 7 * 24 * 60)
            {
                throw new UsageException($"--tca-in: {Words.Number(minutesToTca)} is not 20 to 10080 minutes (the burn is half-way, at least 10 minutes from now)");
            }
            if (missKm is < 0 or > 50)
            {
                throw new UsageException($"--miss-km: {Words.Number(missKm)} is not 0 to 50");
            }
            var targetNorad = session.Parse.GetValue(target)!.Value;
            var registered = await session.Client.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = targetNorad }, cancellationToken);
            if (registered.Orbit?.DataCase != ObjectOrbit.DataOneofCase.Tle)
            {
                throw new UsageException(registered.Orbit is null
                    ? $"--target: {targetNorad}'s orbit is not shared with you (its operator {registered.OperatorId} shares {registered.Sharing}); the encounter is designed from its TLE"
                    : $"--target: {targetNorad} is registered with an {registered.Orbit.DataCase}; the encounter is designed from a TLE");
            }
            var status = await session.Client.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken);
            var path = Trajectory.FromTle(TleParser.Parse(registered.Orbit.Tle.Line1, registered.Orbit.Tle.Line2));
            var ownNorad = session.Parse.GetValue(own)!.Value;
            var design = EncounterManeuver.Design(ownNorad, null, path, targetNorad, status.Now.ToDateTime(), minutesToTca, missKm);
            var filed = await session.Client.Notifications.FileNotificationAsync(design.Request, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(filed);
                return ExitCodes.Ok;
            }
            var n = filed.Notification;
            session.Print.Line(string.Create(CultureInfo.InvariantCulture,
                $"filed {n.Id} (sequence {n.Sequence}): maneuver of {ownNorad} at {Words.Time(design.Request.Maneuver.ExecutionWindow.Start)}, "
                + $"{EncounterManeuver.BurnMps} m/s in-track; its new orbit crosses {targetNorad} {missKm} km above it at {Words.Time(DemoOrbits.At(design.Tca))}"));
            return ExitCodes.Ok;
        });
    }
}
