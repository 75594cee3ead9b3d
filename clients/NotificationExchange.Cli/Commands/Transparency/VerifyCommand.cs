using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client.Transparency;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>
/// nxc verify: checks what the exchange serves against its transparency log, with the pinned log key (nxc log key).
/// One line per check, a failure naming what does not match; exit 0 verified, 5 not verified.
/// </summary>
internal static class VerifyCommand
{
    public static Command Build(VerbContext context) => new("verify", "Check a notification, a transcript, the whole log or a saved tree head against the transparency log")
    {
        Notification(context),
        Transcript(context),
        Log(context),
        Head(context),
    };

    private static Command Notification(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The notification's id, e.g. MNV-7" };
        return new Command("notification", "Every version of a notification: committed to by the log and included in a signed tree head") { id }
            .Runs(context, async (session, cancellationToken) => VerificationOutput.Print(session,
                await session.Client.Transparency.VerifyNotificationAsync(session.Parse.GetValue(id)!, LogKeys.Pinned(session), cancellationToken)));
    }

    private static Command Transcript(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "The consultation's id, e.g. CON-3" };
        return new Command("transcript", "A closed consultation's transcript: its SHA-256, the closing event's digest, and that event in the log") { id }
            .Runs(context, async (session, cancellationToken) => VerificationOutput.Print(session,
                await session.Client.Transparency.VerifyTranscriptAsync(session.Parse.GetValue(id)!, LogKeys.Pinned(session), cancellationToken)));
    }

    private static Command Log(VerbContext context)
    {
        var file = ValueOptions.Reference("--head", "A file of saved heads (nxc log head --save): audit the log against the largest; else against the newest head", Values.FilePath, "FILE");
        return new Command("log", "The whole log: every leaf, every entry you may see re-committed, the root of the saved head's size, consistency with the newest") { file }
            .Runs(context, async (session, cancellationToken) =>
            {
                var key = LogKeys.Pinned(session);
                var transparency = session.ClientWithOptionalKey.Transparency;
                (SignedTreeHead Head, string Description) saved;
                if (session.Parse.GetValue(file) is { } heads)
                {
                    var all = await HeadFiles.ReadingAsync(heads, () => new TreeHeadFile(heads.FullName).LoadAsync(cancellationToken));
                    saved = all.MaxBy(h => h.TreeSize) is { } largest
                        ? (largest, $"the head of size {largest.TreeSize} saved in {heads.FullName}")
                        : throw new UsageException($"--head: {heads.FullName} holds no saved tree head (nxc log head --save {heads.Name})");
                }
                else
                {
                    var newest = await transparency.GetSignedTreeHeadAsync(0, cancellationToken);
                    saved = (newest, $"the newest head, of size {newest.TreeSize}");
                }
                session.Print.Note($"auditing the log against {saved.Description}");
                return VerificationOutput.Print(session, await transparency.VerifyLogAsync(saved.Head, key, cancellationToken));
            });
    }

    private static Command Head(VerbContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The saved heads (nxc log head --save FILE)" };
        return new Command("head", "Saved heads against the newest: signatures, forks (two heads of one size with different roots), consistency; the newest is saved when all hold") { file }
            .Runs(context, async (session, cancellationToken) =>
            {
                var heads = session.Parse.GetValue(file)!;
                if (!heads.Exists)
                {
                    throw new UsageException($"{heads.FullName} does not exist (nxc log head --save {heads.Name} saves heads)");
                }
                var key = LogKeys.Pinned(session);
                var transparency = session.ClientWithOptionalKey.Transparency;
                var newest = await transparency.GetSignedTreeHeadAsync(0, cancellationToken);
                return VerificationOutput.Print(session,
                    await HeadFiles.ReadingAsync(heads, () => transparency.CheckHeadAsync(newest, key, new TreeHeadFile(heads.FullName), cancellationToken)));
            });
    }
}
