using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc file maneuver|rpo|launch: files a notification made of the options, or of --from FILE with the options over
/// it; nxc file --from FILE files what the file holds, whatever its kind (requests, CCSDS maneuver messages, .jsonl).
/// Prints "filed MNV-3 v1 (sequence 5): maneuver of 25544 at ...", or the FileNotificationResponse as JSON.
/// </summary>
internal static class FileCommand
{
    public static Command Build(VerbContext context)
    {
        var filing = new FilingOptions();
        var command = new Command("file", "File a notification of a maneuver, a proximity operation (rpo) or a launch; "
            + "nxc file --from FILE files the request(s) or CCSDS maneuver message FILE holds");
        filing.AddTo(command);
        command.Subcommands.Add(Kind(context, NoticeKind.Maneuver, "File a planned maneuver"));
        command.Subcommands.Add(Kind(context, NoticeKind.Rpo, "File a rendezvous or proximity operation (RPO/CPO) near another object"));
        command.Subcommands.Add(Kind(context, NoticeKind.Launch, "File a launch"));
        return command.Runs(context, (session, cancellationToken) =>
        {
            if (session.Parse.GetValue(filing.From) is null)
            {
                throw new UsageException("say what to file: nxc file maneuver|rpo|launch [options], or nxc file --from FILE");
            }
            return RunAsync(session, filing, notice: null, kind: null, cancellationToken);
        });
    }

    private static Command Kind(VerbContext context, NoticeKind kind, string description)
    {
        var notice = new NoticeOptions([kind]);
        var filing = new FilingOptions();
        var command = new Command(kind.Word(), $"{description}: every field of the notice has an option; with --from FILE the options apply over the file's notice");
        notice.AddTo(command);
        filing.AddTo(command);
        return command.Runs(context, (session, cancellationToken) => RunAsync(session, filing, notice, kind, cancellationToken));
    }

    private static async Task<int> RunAsync(Session session, FilingOptions filing, NoticeOptions? notice, NoticeKind? kind, CancellationToken cancellationToken)
    {
        var parse = session.Parse;
        var from = parse.GetValue(filing.From);
        if (from is not null && NoticeFile.IsBulk(from))
        {
            return await BulkFiling.RunAsync(session, from, filing, notice, kind, cancellationToken);
        }
        var request = from is null ? new FileNotificationRequest() : NoticeFile.Filing(from, kind);
        if (from is null)
        {
            NoticeContent.Empty(kind!.Value).WriteTo(request);
        }
        var contacts = new DefaultContact(session);
        await PrepareAsync(session, request, filing, notice, kind, contacts, $"--from {from?.Name}", cancellationToken);
        var response = await session.Client.Notifications.FileNotificationAsync(request, cancellationToken);
        Print(session, "filed", response);
        return ExitCodes.Ok;
    }

    /// <summary>Makes <paramref name="request"/> what the command line says: the notice options over its content
    /// (checked to be of the verb's kind), then the filing options; a notice without a contact gets the caller's.</summary>
    internal static async Task PrepareAsync(
        Session session, FileNotificationRequest request, FilingOptions filing, NoticeOptions? notice, NoticeKind? kind, DefaultContact contacts,
        string where, CancellationToken cancellationToken)
    {
        var content = NoticeContent.Of(request)!;
        if (kind is { } expected && content.Kind != expected)
        {
            throw new UsageException($"{where}: holds {content.Kind.Described()}, not {expected.Described()} (nxc file {content.Kind.Word()}, or nxc file --from)");
        }
        filing.Apply(session.Parse, request, content.Kind);
        await contacts.PrepareAsync(notice, content, cancellationToken);
        content.WriteTo(request);
    }

    internal static void Print(Session session, string done, FileNotificationResponse response)
    {
        session.Print.Answer(response, NotificationText.Change(done, response));
    }
}
