using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc export ID: a maneuver or proximity operation as a CCSDS OCM (ExportNotification; KVN, or XML with --xml), or
/// any notification as proto3 JSON (--format json). The message goes to stdout as it is, to be redirected to a file;
/// with --output json, an OCM comes inside the ExportedMessage (media type, suggested file name, content).
/// </summary>
internal static class ExportCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The notification, e.g. MNV-3" };
        var format = EnumWords<NotificationFormat>.Option("--format", "ocm, a CCSDS Orbit Comprehensive Message of a maneuver or rpo (the default), or json, the notification in proto3 JSON");
        var xml = new Option<bool>("--xml") { Description = "The OCM in XML instead of KVN" };
        var version = ValueOptions.Scalar("--version", "That version instead of the latest", Values.Count, "N");
        var command = new Command("export", "A notification as a CCSDS OCM (KVN or XML) or as JSON, on stdout") { id, format, xml, version };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            if (parse.GetValue(format) == NotificationFormat.Json)
            {
                if (parse.GetValue(xml))
                {
                    throw new UsageException("--xml: only for --format ocm");
                }
                var get = new GetNotificationRequest { NotificationId = parse.GetValue(id)! };
                if (parse.GetValue(version) is { } at)
                {
                    get.Version = at;
                }
                session.Print.Message((await session.Client.Notifications.GetNotificationAsync(get, cancellationToken)).Notification);
                return ExitCodes.Ok;
            }
            var request = new ExportNotificationRequest { NotificationId = parse.GetValue(id)!, Format = parse.GetValue(xml) ? ExportFormat.OcmXml : ExportFormat.OcmKvn };
            if (parse.GetValue(version) is { } wanted)
            {
                request.Version = wanted;
            }
            var exported = await session.Client.Notifications.ExportNotificationAsync(request, cancellationToken);
            session.Print.File(exported, exported.Content);
            return ExitCodes.Ok;
        });
    }
}
