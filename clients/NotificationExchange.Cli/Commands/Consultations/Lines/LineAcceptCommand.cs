using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations.Lines;

/// <summary>nxc consult line accept: the proposed-to organisation accepts a line, which makes it active.</summary>
internal static class LineAcceptCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The line's id, DL-..." };
        return new Command("accept", "Accept a direct line proposed to you; either side may then ring it") { id }
            .Runs(context, async (session, cancellationToken) => LineCommand.PrintChange(session,
                await session.Client.Consultations.AcceptDirectLineAsync(new AcceptDirectLineRequest { DirectLineId = session.Parse.GetValue(id)! }, cancellationToken),
                "accepted"));
    }
}
