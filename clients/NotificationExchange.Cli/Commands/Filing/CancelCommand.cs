using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>nxc cancel ID --reason TEXT: cancels one of your notifications.</summary>
internal static class CancelCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The notification to cancel, e.g. MNV-3" };
        var reason = ValueOptions.Text("--reason", "Why it is cancelled, at most 2,000 characters", "TEXT", required: true);
        var requestId = ValueOptions.Text("--request-id", "Id of this request, to repeat it safely (default: a new id)", "ID");
        var command = new Command("cancel", "Cancel one of your notifications") { id, reason, requestId };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var response = await session.Client.Notifications.CancelNotificationAsync(new CancelNotificationRequest
            {
                NotificationId = session.Parse.GetValue(id)!,
                Reason = session.Parse.GetValue(reason)!,
                RequestId = session.Parse.GetValue(requestId) ?? "",
            }, cancellationToken);
            FileCommand.Print(session, "cancelled", response);
            return ExitCodes.Ok;
        });
    }
}
