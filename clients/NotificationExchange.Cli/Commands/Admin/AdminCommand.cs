using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin: what administrators do: organisations and their keys, the reference catalogue, and the claims
/// on objects another organisation already operates.</summary>
internal static class AdminCommand
{
    public static Command Build(VerbContext context) => new("admin", "Administrators: operators and keys, the reference catalogue, object claims")
    {
        new Command("operator", "Organisations and their API keys")
        {
            OperatorCreateCommand.Build(context),
            OperatorListCommand.Build(context),
            OperatorRotateKeyCommand.Build(context),
        },
        new Command("catalogue", "The reference catalogue the exchange screens against")
        {
            CatalogueLoadCommand.Build(context),
            CatalogueStatusCommand.Build(context),
        },
        new Command("claims", "Registrations refused because another organisation operated the object")
        {
            ClaimsListCommand.Build(context),
            ClaimsResolveCommand.Build(context),
        },
    };
}
