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
        var windows = new Argument<string[]>("START/END") { Description = "1 to 10 times that suit you, each START/END in UTC, e.g. 2026-01-02T10:00:00Z/2026-01-02T11:00:00Z", Arity = ArgumentArity.OneOrMore };
        return new Command("propose-time", "Propose other times for the live session (acknowledges the request; you may still accept later)") { id, windows }
            .Runs(context, async (session, cancellationToken) =>
            {
                var request = new ProposeTimeRequest { ConsultationId = session.Parse.GetValue(id)! };
                request.ProposedTimes.AddRange(session.Parse.GetValue(windows)!.Select(w => Values.Window(w, "START/END")));
                return ConsultationText.PrintChange(session, await session.Client.Consultations.ProposeTimeAsync(request, cancellationToken), "times proposed");
            });
    }
}
