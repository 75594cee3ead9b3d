using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc amend ID: a new version of one of your notifications. Without --from, the options change the current version
/// (what they do not name stays as it is), and the amendment is refused if someone amended it in between (expected
/// version = the version read); with --from, the file's notice (or AmendNotificationRequest, or CCSDS message) is the
/// new content, with the options over it.
/// </summary>
internal static class AmendCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The notification to amend, e.g. MNV-3" };
        var notice = new NoticeOptions(NoticeKinds.All);
        var filing = new FilingOptions();
        var reason = ValueOptions.Text("--reason", "Why it changes, at most 2,000 characters", "TEXT");
        var expected = ValueOptions.Scalar("--expected-version", "Refuse the amendment unless this is the current version (default without --from: the version the options change)", Values.Count, "N");
        var command = new Command("amend", "Amend one of your notifications: the options change the current version, or --from FILE gives the new content")
        {
            id, reason, expected,
        };
        notice.AddTo(command);
        filing.AddTo(command);
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var current = (await session.Client.Notifications.GetNotificationAsync(
                new GetNotificationRequest { NotificationId = parse.GetValue(id)! }, cancellationToken)).Notification;
            var kind = NoticeKinds.Of(current.Kind) ?? throw new UsageException($"{current.Id} is of a kind nxc does not know ({current.Kind})");
            notice.CheckApplies(parse, kind, current.Id);
            var from = parse.GetValue(filing.From);
            var request = from is null ? new AmendNotificationRequest() : NoticeFile.Amendment(from, kind);
            if (from is null)
            {
                NoticeContent.Of(current)!.WriteTo(request);
                request.ExpectedVersion = current.Version;
            }
            var content = NoticeContent.Of(request)!;
            if (content.Kind != kind)
            {
                throw new UsageException($"--from {from!.Name}: holds {content.Kind.Described()}; {current.Id} is {kind.Described()}");
            }
            request.NotificationId = current.Id;
            request.PlannedEphemerisOem = filing.EphemerisText(parse, kind) ?? request.PlannedEphemerisOem;
            await new DefaultContact(session).PrepareAsync(notice, content, cancellationToken);
            content.WriteTo(request);
            if (parse.Given(filing.Related))
            {
                request.RelatedNotificationIds.Clear();
                request.RelatedNotificationIds.Add(parse.GetValue(filing.Related)!);
            }
            else if (request.RelatedNotificationIds.Count == 0)
            {
                request.RelatedNotificationIds.Add(current.RelatedNotificationIds);
            }
            request.Reason = parse.GetValue(reason) ?? request.Reason;
            request.RequestId = parse.GetValue(filing.RequestId) ?? request.RequestId;
            // neither given: the amendment keeps the notification's audience and embargo
            var (audience, embargo) = filing.Sharing(parse);
            request.Audience = audience ?? request.Audience;
            request.Embargo = embargo ?? request.Embargo;
            if (parse.GetValue(expected) is { } version)
            {
                request.ExpectedVersion = version;
            }
            if (request.PlannedEphemerisOem.Length == 0 && current.Attachments.Any(a => a.Role == AttachmentRole.PlannedEphemeris))
            {
                session.Print.Note($"nxc: {current.Id} v{current.Version} has a planned ephemeris, which an amendment does not keep: give --ephemeris FILE to keep one");
            }
            var response = await session.Client.Notifications.AmendNotificationAsync(request, cancellationToken);
            FileCommand.Print(session, "amended", response);
            return ExitCodes.Ok;
        });
    }
}
