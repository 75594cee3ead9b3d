using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Consultations.Lines;

/// <summary>nxc consult line list: the caller's direct lines, proposed and active.</summary>
internal static class LineListCommand
{
    public static Command Build(VerbContext context) =>
        new Command("list", "Your direct lines, proposed and active").Runs(context, async (session, cancellationToken) =>
        {
            var lines = (await session.Client.Consultations.ListDirectLinesAsync(new ListDirectLinesRequest(), cancellationToken)).DirectLines;
            if (session.Print.Json)
            {
                session.Print.Messages(lines);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Line", "State", "Proposed by", "To", "Purpose", "Proposed", "Active since");
            foreach (var line in lines)
            {
                table.AddRow(
                    Markup.Escape(line.Id), Words.Enum(line.State), Markup.Escape(line.ProposedBy), Markup.Escape(line.Counterpart),
                    Markup.Escape(line.Purpose), Words.Time(line.ProposedAt), Words.Time(line.ActivatedAt));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
}
