using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Keys;

/// <summary>nxc keys revoke KEY-ID: the key stops working at once, on every instance of the exchange within a second.</summary>
internal static class KeysRevokeCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("KEY-ID") { Description = "The key to revoke, e.g. KEY-3F9A0C11D2E4B567 (nxc keys list)" };
        return new Command("revoke", "Revoke an API key for good") { id }.Runs(context, async (session, cancellationToken) =>
        {
            var revoked = await session.Client.Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = session.Parse.GetValue(id)! }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(revoked);
                return ExitCodes.Ok;
            }
            session.Print.Line($"revoked {revoked.KeyId} of {revoked.OperatorId}");
            return ExitCodes.Ok;
        });
    }
}
