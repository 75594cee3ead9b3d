using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult propose-time: a counterpart proposes other times for the live session (acknowledging too).</summary>
internal static class ProposeTimeCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        var windows = ValueOptions.Arguments("START/END", $"1 to 10 times that suit you, each {Values.WindowHelp}", Values.Window);
        return new Command("propose-time", "Propose other times for the live session (acknowledges the request; you may still accept later)") { id, windows }
            .Runs(context, async (session, cancellationToken) =>
            {
                var request = new ProposeTimeRequest { ConsultationId = session.Parse.GetValue(id)! };
                request.ProposedTimes.AddRange(session.Parse.GetValue(windows)!);
                return ConsultationText.PrintChange(session, await session.Client.Consultations.ProposeTimeAsync(request, cancellationToken), "times proposed");
            });
    }
}
