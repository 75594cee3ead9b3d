using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>nxc objects: the registry of the objects organisations operate, which the exchange screens for close
/// approaches (ObjectRegistryService).</summary>
internal static class ObjectsCommand
{
    public static Command Build(VerbContext context) => new("objects", "Objects your organisation operates: register, list, show, release")
    {
        RegisterCommand.Build(context),
        ListCommand.Build(context),
        ShowCommand.Build(context),
        ReleaseCommand.Build(context),
    };

    /// <summary>The NORAD argument of the verbs about one object.</summary>
    public static Argument<uint> NoradArgument() => ValueOptions.Argument("NORAD", "NORAD catalogue number (digits, or Alpha-5 such as A0001)", Values.Norad);
}
