using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Audit;

/// <summary>nxc audit: who did what with what (yours, and others' calls about what you own; everything for an
/// administrator), oldest first, every page.</summary>
internal static class AuditCommand
{
    public static Command Build(VerbContext context)
    {
        var target = ValueOptions.Text("--target", "Only calls about this id (MNV-7, CON-12, ALR-40, an object or organisation)", "ID");
        var organization = ValueOptions.Text("--organization", "Only calls by this organisation", "ID");
        var action = EnumWords<AuditAction>.Options("--action", "Only these actions");
        var since = ValueOptions.Reference("--since", $"Only records at or after this: {Values.TimeHelp}", Values.Time, "TIME");
        var until = ValueOptions.Reference("--until", $"Only records before this: {Values.TimeHelp}", Values.Time, "TIME");
        var command = new Command("audit", "Who filed, read, acknowledged, consulted or administered what: your calls, and others' about what you own")
        {
            target, organization, action, since, until,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var actions = parse.GetValue(action) ?? [];
            if (actions.Length > 1)
            {
                throw new UsageException("--action takes one action");
            }
            var request = new ListAuditRecordsRequest
            {
                PageSize = 1000,
                TargetId = parse.GetValue(target) ?? "",
                OrganizationId = parse.GetValue(organization) ?? "",
                Action = actions.Length == 1 ? actions[0] : AuditAction.Unspecified,
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
            };
            var records = await session.Client.Audit.ListAllAuditRecordsAsync(request, cancellationToken).ToListAsync(cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Messages(records);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Time", "Organisation", "Action", "Call", "Target", "Outcome", "Credential", "From");
            foreach (var r in records)
            {
                table.AddRow(
                    Words.Time(r.RecordedAt), Markup.Escape(r.OrganizationId), Words.Enum(r.Action), Markup.Escape(r.Rpc[(r.Rpc.IndexOf('/', StringComparison.Ordinal) + 1)..]),
                    Markup.Escape(r.TargetId + (r.TargetOwner.Length > 0 && r.TargetOwner != r.OrganizationId ? $" ({r.TargetOwner}'s)" : "")),
                    Markup.Escape(r.Outcome), Markup.Escape(r.Credential), Markup.Escape(r.ClientAddress));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }
}
