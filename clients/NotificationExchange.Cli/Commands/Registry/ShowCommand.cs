using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>nxc objects show: one registered object; its orbit data when the caller operates it or its operator
/// shares it.</summary>
internal static class ShowCommand
{
    public static Command Build(VerbContext context)
    {
        var norad = ObjectsCommand.NoradArgument();
        return new Command("show", "One registered object, with its orbit data when you may see it") { norad }.Runs(context, async (session, cancellationToken) =>
        {
            var found = await session.Client.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = session.Parse.GetValue(norad) }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(found);
                return ExitCodes.Ok;
            }
            session.Print.Line(ObjectText.Summary(found));
            session.Print.Line($"  registered {Words.Time(found.RegisteredAt)}, updated {Words.Time(found.UpdatedAt)}");
            switch (found.Orbit?.DataCase)
            {
                case ObjectOrbit.DataOneofCase.Tle:
                    session.Print.Line(found.Orbit.Tle.Line1);
                    session.Print.Line(found.Orbit.Tle.Line2);
                    break;
                case ObjectOrbit.DataOneofCase.Omm:
                    session.Print.Line(found.Orbit.Omm.TrimEnd('\n'));
                    break;
                case ObjectOrbit.DataOneofCase.Oem:
                    session.Print.Line(found.Orbit.Oem.TrimEnd('\n'));
                    break;
            }
            return ExitCodes.Ok;
        });
    }
}
