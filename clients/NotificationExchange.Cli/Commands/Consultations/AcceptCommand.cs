using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult accept: a counterpart accepts; the consultation is open once one has.</summary>
internal static class AcceptCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        return new Command("accept", "Accept a consultation request (acknowledges it too); the parties may then talk") { id }
            .Runs(context, async (session, cancellationToken) => ConsultationText.PrintChange(session,
                await session.Client.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { ConsultationId = session.Parse.GetValue(id)! }, cancellationToken),
                "accepted"));
    }
}
