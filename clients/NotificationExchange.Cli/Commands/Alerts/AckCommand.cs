using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>nxc alerts ack: acknowledges an alert as the operator of one of its objects and declares the intent; may
/// be repeated to change it.</summary>
internal static class AckCommand
{
    public static Command Build(VerbContext context)
    {
        var id = AlertsCommand.IdArgument();
        var intent = EnumWords<ManeuverIntent>.Option("--intent", "Whether you will maneuver", required: true);
        var note = ValueOptions.Text("--note", "A note for the other operator, at most 2,000 characters");
        var norad = ValueOptions.Scalar("--object", "Which of your objects you answer for, when both are yours", Values.Norad, "NORAD");
        var command = new Command("ack", "Acknowledge an alert and say whether you will maneuver (again to change your intent)") { id, intent, note, norad };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new AcknowledgeAlertRequest
            {
                AlertId = session.Parse.GetValue(id)!,
                Note = session.Parse.GetValue(note) ?? "",
                Intent = session.Parse.GetValue(intent)!.Value,
            };
            if (session.Parse.GetValue(norad) is { } number)
            {
                request.NoradCatId = number;
            }
            var alert = await session.Client.Alerts.AcknowledgeAlertAsync(request, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(alert);
                return ExitCodes.Ok;
            }
            session.Print.Line($"acknowledged: {AlertText.Summary(alert)}");
            session.Print.Line(AlertText.Side("primary", alert.Primary));
            session.Print.Line(AlertText.Side("secondary", alert.Secondary));
            return ExitCodes.Ok;
        });
    }
}
