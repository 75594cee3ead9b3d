using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Directory;

/// <summary>nxc directory: who to call, every organisation (or of a kind or country) with its contact points, all
/// pages.</summary>
internal static class DirectoryCommand
{
    public static Command Build(VerbContext context)
    {
        var kind = EnumWords<OrganizationKind>.Option("--kind", "Only operators or only agencies");
        var country = ValueOptions.Text("--country", "Only this country or registry (ISO 3166-1 alpha-2, or ESA, EUMETSAT)");
        var command = new Command("directory", "Who to call: organisations and their contact points (nxc directory update changes yours)")
        {
            kind, country, UpdateCommand.Build(context),
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new ListDirectoryRequest { Country = session.Parse.GetValue(country) ?? "", PageSize = 500 };
            if (session.Parse.GetValue(kind) is { } chosen)
            {
                request.Kinds.Add(chosen);
            }
            var entries = await session.Client.Operators.ListAllDirectoryEntriesAsync(request, cancellationToken).ToListAsync(cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Messages(entries);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Organisation", "Name", "Kind", "Country", "Contacts");
            foreach (var entry in entries)
            {
                table.AddRow(
                    Markup.Escape(entry.OrganizationId), Markup.Escape(entry.DisplayName), Words.Kind(entry.Kind), Markup.Escape(entry.Country),
                    Markup.Escape(string.Join("\n", entry.Contacts.Select(Words.Contact))));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }
}
