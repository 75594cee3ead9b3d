using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult show: one consultation, its state and every change so far.</summary>
internal static class ShowCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        return new Command("show", "A consultation: its parties, state, closure and every change") { id }.Runs(context, async (session, cancellationToken) =>
        {
            var found = await session.Client.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = session.Parse.GetValue(id)! }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(found);
                return ExitCodes.Ok;
            }
            foreach (var line in ConsultationText.Details(found.Consultation))
            {
                session.Print.Line(line);
            }
            session.Print.Table(ConsultationText.History(found.History));
            return ExitCodes.Ok;
        });
    }
}
