using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin operator list: every organisation, with who is an administrator (which the directory never
/// shows).</summary>
internal static class OperatorListCommand
{
    public static Command Build(VerbContext context) =>
        new Command("list", "Every organisation, administrators marked").Runs(context, async (session, cancellationToken) =>
        {
            var operators = (await session.Client.Operators.ListOperatorsAsync(new ListOperatorsRequest(), cancellationToken)).Operators;
            if (session.Print.Json)
            {
                session.Print.Messages(operators);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Organisation", "Name", "Kind", "Country", "Administrator", "Created", "Contacts");
            foreach (var o in operators)
            {
                table.AddRow(
                    Markup.Escape(o.Id), Markup.Escape(o.DisplayName), Words.Kind(o.Kind), Markup.Escape(o.Country), o.Administrator ? "yes" : "no",
                    Words.Time(o.CreatedAt), Markup.Escape(string.Join("\n", o.Contacts.Select(Words.Contact))));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
}
