using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>nxc objects release: the caller's organisation stops operating an object (its alerts stay).</summary>
internal static class ReleaseCommand
{
    public static Command Build(VerbContext context)
    {
        var norad = ObjectsCommand.NoradArgument();
        return new Command("release", "Stop operating an object: it leaves the registry (its alerts stay)") { norad }.Runs(context, async (session, cancellationToken) =>
        {
            var number = session.Parse.GetValue(norad);
            var released = await session.Client.Registry.ReleaseObjectAsync(new ReleaseObjectRequest { NoradCatId = number }, cancellationToken);
            session.Print.Answer(released, $"released {number}");
            return ExitCodes.Ok;
        });
    }
}
