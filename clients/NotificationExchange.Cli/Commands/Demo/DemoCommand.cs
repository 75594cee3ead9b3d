using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Demo;
using NotificationExchange.Cli.Output;

namespace NotificationExchange.Cli.Commands.Demo;

/// <summary>nxc demo: the first five minutes (<see cref="FirstFiveMinutes"/>) with an administrator's key; and
/// nxc demo encounter.</summary>
internal static class DemoCommand
{
    public static Command Build(VerbContext context)
    {
        var wait = ValueOptions.Scalar("--alert-wait", "Seconds to wait for the proximity alert before going on, 0 to 3600 (default 120)", Values.Number, "SECONDS");
        var command = new Command("demo", "A newcomer's first five minutes against a running exchange (needs an administrator's key): "
            + "two operators and an agency join, register objects, file a maneuver, an RPO intent and a launch, receive an alert, consult")
        {
            wait,
        };
        command.Subcommands.Add(EncounterCommand.Build(context));
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var seconds = session.Parse.GetValue(wait) ?? 120;
            if (seconds is < 0 or > 3600)
            {
                throw new UsageException($"--alert-wait: {Words.Number(seconds)} is not 0 to 3600 seconds");
            }
            var summary = await new FirstFiveMinutes(session.ClientOptions(), session.Print.Json ? session.Print.Note : session.Print.Line, TimeSpan.FromSeconds(seconds))
                .RunAsync(cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Document(summary);
            }
            return ExitCodes.Ok;
        });
    }
}
