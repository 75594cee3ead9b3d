using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Keys;

/// <summary>nxc keys issue [--label TEXT] [--expires TIME] [--organization ID]: a new API key, shown this once on the last line.</summary>
internal static class KeysIssueCommand
{
    public static Command Build(VerbContext context)
    {
        var label = ValueOptions.Text("--label", "What the key is for, to tell keys apart (at most 128 characters)", "TEXT");
        var expires = ValueOptions.Reference("--expires", "When the key stops working (ISO 8601 UTC, or now+90d); never when not given", Values.Time, "TIME");
        var organization = ValueOptions.Text("--organization", "Administrators: the organisation the key is for (default: your own)", "ID");
        var command = new Command("issue", "Issue a new API key; your other keys keep working until you revoke them") { label, expires, organization };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var issued = await session.Client.Operators.IssueApiKeyAsync(new IssueApiKeyRequest
            {
                Label = session.Parse.GetValue(label) ?? "",
                ExpiresAt = session.Parse.GetValue(expires),
                OperatorId = session.Parse.GetValue(organization) ?? "",
            }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(issued);
                return ExitCodes.Ok;
            }
            session.Print.Line($"new API key {issued.Key.KeyId} of {issued.Key.OperatorId}, shown this once:");
            session.Print.Line(issued.ApiKey);
            return ExitCodes.Ok;
        });
    }
}
