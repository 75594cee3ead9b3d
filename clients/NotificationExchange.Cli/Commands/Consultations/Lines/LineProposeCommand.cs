using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations.Lines;

/// <summary>nxc consult line propose: proposes a standing direct line; it is active once the other accepts.</summary>
internal static class LineProposeCommand
{
    public static Command Build(VerbContext context)
    {
        var counterpart = new Argument<string>("ORG") { Description = "The organisation to have a direct line to" };
        var purpose = ValueOptions.Text("--purpose", "What the line is for, 1 to 200 characters (e.g. \"GEO slot coordination\")", null, required: true);
        return new Command("propose", "Propose a standing direct line to another organisation") { counterpart, purpose }
            .Runs(context, async (session, cancellationToken) => LineCommand.PrintChange(session,
                await session.Client.Consultations.ProposeDirectLineAsync(
                    new ProposeDirectLineRequest { Counterpart = session.Parse.GetValue(counterpart)!, Purpose = session.Parse.GetValue(purpose)! }, cancellationToken),
                "proposed"));
    }
}
