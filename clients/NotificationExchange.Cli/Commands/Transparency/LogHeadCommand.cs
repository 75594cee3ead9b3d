using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client.Services;
using NotificationExchange.Client.Transparency;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>
/// nxc log head: the newest signed tree head, its signature checked with the pinned key. With --save FILE it is also
/// checked against the heads saved in FILE (a fork: a saved head of its size with another root; consistency with the
/// newest saved head) and appended to FILE when every check holds (JSON lines, one head a line).
/// </summary>
internal static class LogHeadCommand
{
    public static Command Build(VerbContext context)
    {
        var save = ValueOptions.Reference("--save", "Check the head against the heads saved in FILE and append it (JSON lines)", Values.FilePath, "FILE");
        return new Command("head", "The newest signed tree head, checked with the pinned key (and against saved heads with --save)") { save }
            .Runs(context, async (session, cancellationToken) =>
            {
                var key = LogKeys.Pinned(session);
                var transparency = session.ClientWithOptionalKey.Transparency;
                var head = await transparency.GetSignedTreeHeadAsync(0, cancellationToken);
                if (session.Parse.GetValue(save) is { } file)
                {
                    var report = await HeadFiles.ReadingAsync(file, () => transparency.CheckHeadAsync(head, key, new TreeHeadFile(file.FullName), cancellationToken));
                    var status = VerificationOutput.Print(session, report);
                    if (report.Verified)
                    {
                        session.Print.Note($"saved in {file.FullName}");
                    }
                    return status;
                }
                return VerificationOutput.Print(session, new VerificationReport([TransparencyApi.HeadCheck(head, key)], head));
            });
    }
}
