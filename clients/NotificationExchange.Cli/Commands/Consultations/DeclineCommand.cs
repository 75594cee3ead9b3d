using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult decline: a counterpart declines, with a reason; when every counterpart has, the consultation
/// is declined.</summary>
internal static class DeclineCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        var reason = ValueOptions.Text("--reason", "Why, 1 to 2,000 characters", null, required: true);
        return new Command("decline", "Decline a consultation request, saying why") { id, reason }
            .Runs(context, async (session, cancellationToken) => ConsultationText.PrintChange(session,
                await session.Client.Consultations.DeclineConsultationAsync(
                    new DeclineConsultationRequest { ConsultationId = session.Parse.GetValue(id)!, Reason = session.Parse.GetValue(reason)! }, cancellationToken),
                "declined"));
    }
}
