using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin claims list: the refused registrations waiting for a decision (all of them with --all).</summary>
internal static class ClaimsListCommand
{
    public static Command Build(VerbContext context)
    {
        var all = new Option<bool>("--all") { Description = "Also the claims already awarded or rejected" };
        return new Command("list", "Claims on objects another organisation operates, waiting for a decision") { all }.Runs(context, async (session, cancellationToken) =>
        {
            var claims = (await session.Client.Registry.ListObjectClaimsAsync(new ListObjectClaimsRequest { IncludeResolved = session.Parse.GetValue(all) }, cancellationToken)).Claims;
            if (session.Print.Json)
            {
                session.Print.Messages(claims);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Claim", "NORAD", "Claimant", "Holder", "State", "Claimed", "Resolved", "Note");
            foreach (var c in claims)
            {
                table.AddRow(
                    Markup.Escape(c.Id), c.NoradCatId.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(c.ClaimantId), Markup.Escape(c.HolderId),
                    Words.Enum(c.State), Words.Time(c.ClaimedAt), Words.Time(c.ResolvedAt), Markup.Escape(c.ResolutionNote));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }
}
