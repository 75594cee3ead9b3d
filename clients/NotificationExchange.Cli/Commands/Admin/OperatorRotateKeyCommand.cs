using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin operator rotate-key: issues a new key for an organisation and revokes its old one; the new key
/// is shown this once, on the last line.</summary>
internal static class OperatorRotateKeyCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The organisation's id" };
        return new Command("rotate-key", "Issue a new API key for an organisation; its old key stops working at once") { id }.Runs(context, async (session, cancellationToken) =>
        {
            var operatorId = session.Parse.GetValue(id)!;
            var rotated = await session.Client.Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = operatorId }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(rotated);
                return ExitCodes.Ok;
            }
            session.Print.Line($"new API key of {operatorId}, shown this once (the old one no longer works):");
            session.Print.Line(rotated.ApiKey);
            return ExitCodes.Ok;
        });
    }
}
