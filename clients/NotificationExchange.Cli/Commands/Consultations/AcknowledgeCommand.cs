using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult acknowledge: a counterpart confirms it has the request, which stops its escalation.</summary>
internal static class AcknowledgeCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        return new Command("acknowledge", "Confirm you have received a consultation request (stops escalation); accept or decline later") { id }
            .Runs(context, async (session, cancellationToken) => ConsultationText.PrintChange(session,
                await session.Client.Consultations.AcknowledgeConsultationAsync(new AcknowledgeConsultationRequest { ConsultationId = session.Parse.GetValue(id)! }, cancellationToken),
                "acknowledged"));
    }
}
