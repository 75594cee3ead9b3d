using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Account;

/// <summary>nxc whoami: the organisation the key belongs to, and where nxc is connected.</summary>
internal static class WhoAmICommand
{
    public static Command Build(VerbContext context) =>
        new Command("whoami", "The organisation your key belongs to, its role and contact points").Runs(context, async (session, cancellationToken) =>
        {
            var caller = await session.Client.Operators.WhoAmIAsync(new WhoAmIRequest(), cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(caller);
                return ExitCodes.Ok;
            }
            session.Print.Line($"{caller.Id} ({caller.DisplayName}): {Words.Kind(caller.Kind)}{(caller.Administrator ? ", administrator" : "")}"
                + $"{(caller.Country.Length > 0 ? $", {caller.Country}" : "")} at {session.ClientOptions().Address.ToString().TrimEnd('/')}");
            foreach (var contact in caller.Contacts)
            {
                session.Print.Line($"  {Words.Contact(contact)}");
            }
            return ExitCodes.Ok;
        });
}
