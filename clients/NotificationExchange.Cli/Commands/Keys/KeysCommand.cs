using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Keys;

/// <summary>nxc keys: your organisation's API keys (any organisation's for administrators), so that a key is replaced with an overlap.</summary>
internal static class KeysCommand
{
    public static Command Build(VerbContext context) => new("keys", "API keys: issue a new one, list them, revoke one")
    {
        KeysIssueCommand.Build(context),
        KeysListCommand.Build(context),
        KeysRevokeCommand.Build(context),
    };
}
