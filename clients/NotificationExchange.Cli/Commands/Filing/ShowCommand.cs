using System.CommandLine;
using System.Globalization;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc show ID: one notification (its latest version, or --version N) with every field of its notice and its history,
/// every version with the event that made it; JSON: the GetNotificationResponse. --attachment ROLE prints a message
/// kept with it (the CCSDS message it was filed from, its planned ephemeris) exactly as filed; JSON: the Attachment.
/// </summary>
internal static class ShowCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The notification, e.g. MNV-3" };
        var version = ValueOptions.Scalar("--version", "That version instead of the latest", Values.Count, "N");
        var attachment = EnumWords<AttachmentRole>.Option("--attachment", "Print the message kept with it instead, exactly as filed");
        var command = new Command("show", "A notification with its history, or a message kept with it (--attachment)") { id, version, attachment };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            if (parse.GetValue(attachment) is { } role)
            {
                var request = new GetAttachmentRequest { NotificationId = parse.GetValue(id)!, Role = role };
                if (parse.GetValue(version) is { } wanted)
                {
                    request.Version = wanted;
                }
                var found = await session.Client.Notifications.GetAttachmentAsync(request, cancellationToken);
                session.Print.File(found, found.Content);
                return ExitCodes.Ok;
            }
            var get = new GetNotificationRequest { NotificationId = parse.GetValue(id)!, IncludeHistory = true };
            if (parse.GetValue(version) is { } at)
            {
                get.Version = at;
            }
            var response = await session.Client.Notifications.GetNotificationAsync(get, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(response);
                return ExitCodes.Ok;
            }
            Print(session, response);
            return ExitCodes.Ok;
        });
    }

    private static void Print(Session session, GetNotificationResponse response)
    {
        var n = response.Notification;
        var print = session.Print;
        print.Line($"{n.Id} v{n.Version} {Words.Token(n.Status)}: {NotificationText.Detail(n)}");
        print.Line($"filed by {n.FilingOperator} at {Words.Time(n.FiledAt)}, updated {Words.Time(n.UpdatedAt)}, sequence {n.Sequence}"
            + (n.Regimes.Count > 0 ? $", regime {string.Join(", ", n.Regimes.Select(r => Words.Token(r)))}" : ""));
        print.Line(AudienceWords.Sharing(n) is { Length: > 0 } sharing ? sharing : "audience public");
        if (n.RelatedNotificationIds.Count > 0)
        {
            print.Line($"related: {string.Join(", ", n.RelatedNotificationIds)}");
        }
        if (n.Screening is { } screening)
        {
            print.Line($"screening: {Words.Token(screening.State)}"
                + (screening.ScreenedAt is not null ? $" at {Words.Time(screening.ScreenedAt)}" : "")
                + (screening.Span is not null ? $", span {Words.Window(screening.Span)}" : "")
                + (screening.State == ScreeningState.Screened ? $", {screening.ObjectsScreened} objects, {screening.Alerts} alert{(screening.Alerts == 1 ? "" : "s")}" : "")
                + (screening.AlertIds.Count > 0 ? $" ({string.Join(", ", screening.AlertIds)})" : "")
                + (screening.Reasons.Count > 0 ? $"; {string.Join("; ", screening.Reasons)}" : ""));
        }
        foreach (var attachment in n.Attachments)
        {
            print.Line($"attachment {Words.Token(attachment.Role)}: {attachment.MediaType}, {attachment.SizeBytes} bytes, sha256 {attachment.Sha256}"
                + $" (nxc show {n.Id} --attachment {Words.Token(attachment.Role)})");
        }
        IEnumerable<string> content = n.ContentCase switch
        {
            Notification.ContentOneofCase.Maneuver => ProtoText.Lines(n.Maneuver, 2),
            Notification.ContentOneofCase.ProximityOperation => ProtoText.Lines(n.ProximityOperation, 2),
            Notification.ContentOneofCase.Launch => ProtoText.Lines(n.Launch, 2),
            _ => [],
        };
        print.Line($"{Words.Token(n.Kind)}:");
        foreach (var line in content)
        {
            print.Line(line);
        }
        if (n.Execution is { } execution)
        {
            print.Line("execution:");
            foreach (var line in ProtoText.Lines(execution, 2))
            {
                print.Line(line);
            }
        }
        if (n.Cancellation is { } cancellation)
        {
            print.Line($"cancelled at {Words.Time(cancellation.CancelledAt)}: {cancellation.Reason}");
        }
        if (response.History.Count == 0)
        {
            return;
        }
        var table = new Table().AddColumns("Version", "Sequence", "Event", "Recorded", "Status", "Says");
        foreach (var revision in response.History)
        {
            var says = revision.Notification is { } version ? NotificationText.Detail(version) : $"cannot be read: {revision.UnreadableReason}";
            table.AddRow(
                revision.Version.ToString(CultureInfo.InvariantCulture), revision.Sequence.ToString(CultureInfo.InvariantCulture),
                Words.Token(revision.EventType), Words.Time(revision.RecordedAt),
                revision.Notification is { } v ? Words.Token(v.Status) : "-", Markup.Escape(says));
        }
        print.Table(table);
    }
}
