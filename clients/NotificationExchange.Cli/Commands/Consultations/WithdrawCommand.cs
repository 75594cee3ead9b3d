using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult withdraw: the requester withdraws a consultation that is not closed.</summary>
internal static class WithdrawCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        var reason = ValueOptions.Text("--reason", "Why, 1 to 2,000 characters", null, required: true);
        return new Command("withdraw", "Withdraw a consultation you requested, saying why") { id, reason }
            .Runs(context, async (session, cancellationToken) => ConsultationText.PrintChange(session,
                await session.Client.Consultations.WithdrawConsultationAsync(
                    new WithdrawConsultationRequest { ConsultationId = session.Parse.GetValue(id)!, Reason = session.Parse.GetValue(reason)! }, cancellationToken),
                "withdrawn"));
    }
}
