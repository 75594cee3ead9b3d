using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>nxc log: the exchange's transparency log, its key and its signed tree heads.</summary>
internal static class LogCommand
{
    public static Command Build(VerbContext context) => new("log", "The exchange's transparency log: pin its key, fetch and save its signed tree heads")
    {
        LogKeyCommand.Build(context),
        LogHeadCommand.Build(context),
    };
}
