using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Keys;

/// <summary>nxc keys list [--organization ID]: every key of the organisation, with when each expires, was revoked and last used.</summary>
internal static class KeysListCommand
{
    public static Command Build(VerbContext context)
    {
        var organization = ValueOptions.Text("--organization", "Administrators: whose keys (default: your own)", "ID");
        return new Command("list", "Your API keys: never the keys themselves") { organization }.Runs(context, async (session, cancellationToken) =>
        {
            var keys = (await session.Client.Operators.ListApiKeysAsync(new ListApiKeysRequest { OperatorId = session.Parse.GetValue(organization) ?? "" }, cancellationToken)).Keys;
            if (session.Print.Json)
            {
                session.Print.Messages(keys);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Key", "Label", "Created", "Expires", "Revoked", "Last used (to the minute)");
            foreach (var k in keys)
            {
                table.AddRow(Markup.Escape(k.KeyId), Markup.Escape(k.Label), Words.Time(k.CreatedAt), Optional(k.ExpiresAt, "never"), Optional(k.RevokedAt, "-"),
                    Optional(k.LastUsedAt, "never"));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }

    private static string Optional(Google.Protobuf.WellKnownTypes.Timestamp? time, string none) => time is null ? none : Words.Time(time);
}
