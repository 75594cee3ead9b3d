using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Commands.Registry;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>nxc alerts list: the alerts the caller is a party to, by time of closest approach, every page.</summary>
internal static class ListCommand
{
    public static Command Build(VerbContext context)
    {
        var states = EnumWords<AlertState>.Options("--state", "Only alerts in these states");
        var norad = ValueOptions.Scalar("--object", "Only alerts about this object", Values.Norad, "NORAD");
        var unannounced = new Option<bool>("--unannounced") { Description = "Only approaches that look deliberate with no proximity-operation notice covering them" };
        var command = new Command("list", "Your alerts, by time of closest approach") { states, norad, unannounced };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new ListAlertsRequest { PageSize = 500, UnannouncedOnly = session.Parse.GetValue(unannounced) };
            if (session.Parse.GetValue(norad) is { } number)
            {
                request.NoradCatId = number;
            }
            request.States.AddRange(session.Parse.GetValue(states) ?? []);
            var alerts = await session.Client.Alerts.ListAllAlertsAsync(request, cancellationToken).ToListAsync(cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Messages(alerts);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Alert", "State", "TCA", "Primary", "Secondary", "Miss m", "Speed m/s", "Pc", "From");
            foreach (var a in alerts)
            {
                table.AddRow(
                    $"{Markup.Escape(a.Id)} v{a.Version}", Words.Enum(a.State) + (a.Unannounced is null ? "" : "\nunannounced"), Words.Time(a.Tca),
                    Markup.Escape(Party(a.Primary)), Markup.Escape(Party(a.Secondary)), Words.Number(a.MissDistanceM, "0"),
                    Words.Number(a.RelativeSpeedMps, "0.0"), Markup.Escape(AlertText.Probability(a.Probability)), Markup.Escape(a.NotificationId));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }

    /// <summary>"25544 ISS (ZARYA)\niss-ops: will not maneuver"</summary>
    private static string Party(AlertObject o) =>
        ObjectText.Name(o.Object) + "\n" + (o.OperatorId.Length == 0 ? "unregistered"
            : $"{o.OperatorId}: {(o.Response is { AcknowledgedAt: not null } r ? Words.Enum(r.Intent) : "not acknowledged")}");
}
