using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>nxc objects list: registered objects by catalogue number, every page; all organisations' unless
/// filtered.</summary>
internal static class ListCommand
{
    public static Command Build(VerbContext context)
    {
        var operatorId = ValueOptions.Text("--operator", "Only this organisation's objects", "ORG");
        var mine = new Option<bool>("--mine") { Description = "Only your organisation's objects" };
        var command = new Command("list", "Registered objects, by catalogue number") { operatorId, mine };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new ListObjectsRequest { PageSize = 500, OperatorId = session.Parse.GetValue(operatorId) ?? "" };
            if (session.Parse.GetValue(mine))
            {
                if (request.OperatorId.Length > 0)
                {
                    throw new UsageException("--mine and --operator: give one of them");
                }
                request.OperatorId = (await session.Client.Operators.WhoAmIAsync(new WhoAmIRequest(), cancellationToken)).Id;
            }
            var objects = await session.Client.Registry.ListAllObjectsAsync(request, cancellationToken).ToListAsync(cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Messages(objects);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("NORAD", "Name", "COSPAR", "Operator", "Regime", "Maneuverable", "Radius m", "Sharing", "Orbit", "Epoch");
            foreach (var o in objects)
            {
                table.AddRow(
                    o.Object.NoradCatId.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(o.Object.Name), Markup.Escape(o.Object.CosparId),
                    Markup.Escape(o.OperatorId), ObjectText.Regime(o.Regime), o.Maneuverable ? "yes" : "no", Words.Number(o.HardBodyRadiusM),
                    ObjectText.Sharing(o.Sharing), ObjectText.Orbit(o.Orbit), Words.Time(o.OrbitEpoch));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }
}
