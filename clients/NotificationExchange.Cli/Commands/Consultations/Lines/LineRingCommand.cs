using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations.Lines;

/// <summary>nxc consult line ring: rings an active line, which opens an urgent consultation, open at once.</summary>
internal static class LineRingCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The line's id, DL-..." };
        var subject = ValueOptions.Text("--subject", "One line, 1 to 200 characters", null, required: true);
        var body = ValueOptions.Text("--body", "More, up to 10,000 characters");
        var notification = ValueOptions.Text("--notification", "About this notification", "ID");
        var alert = ValueOptions.Text("--alert", "About this proximity alert", "ID");
        var command = new Command("ring", "Ring a direct line: an urgent consultation, open at once (then nxc consult talk)") { id, subject, body, notification, alert };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new RingDirectLineRequest
            {
                DirectLineId = session.Parse.GetValue(id)!,
                Subject = session.Parse.GetValue(subject)!,
                Body = session.Parse.GetValue(body) ?? "",
            };
            switch (session.Parse.GetValue(notification), session.Parse.GetValue(alert))
            {
                case ({ }, { }):
                    throw new UsageException("--notification and --alert: a call is about one thing; give one of them");
                case ({ } notificationId, null):
                    request.NotificationId = notificationId;
                    break;
                case (null, { } alertId):
                    request.AlertId = alertId;
                    break;
            }
            var consultation = await session.Client.Consultations.RingDirectLineAsync(request, cancellationToken);
            return ConsultationText.PrintChange(session, consultation, "rung");
        });
    }
}
