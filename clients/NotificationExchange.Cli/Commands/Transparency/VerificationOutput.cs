using NotificationExchange.Cli.Cli;
using NotificationExchange.Client.Transparency;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>
/// A verification's answer: as text one line per check ("ok SUBJECT: what holds", "FAILED SUBJECT: what does not match
/// (expected X, found Y)") and a last line "verified" or "NOT VERIFIED: n of m checks failed"; with --output json one
/// document {verified, treeHead, checks}. The exit status is 0 when every check holds, else 5.
/// </summary>
internal static class VerificationOutput
{
    public static int Print(Session session, VerificationReport report)
    {
        if (session.Print.Json)
        {
            session.Print.Document(new
            {
                report.Verified,
                TreeHead = report.TreeHead is { } head ? Head(head) : null,
                Checks = report.Checks.Select(c => new
                {
                    c.Subject,
                    c.Verified,
                    c.Detail,
                    c.Sequence,
                    c.Expected,
                    c.Found,
                }),
            });
        }
        else
        {
            foreach (var check in report.Checks)
            {
                session.Print.Line(Verb.Printable(check.ToString()));
            }
            var failed = report.Checks.Count(c => !c.Verified);
            session.Print.Line(report.Verified ? "verified" : $"NOT VERIFIED: {failed} of {report.Checks.Count} checks failed");
        }
        return report.Verified ? ExitCodes.Ok : ExitCodes.NotVerified;
    }

    /// <summary>A head as a JSON document names it.</summary>
    public static object Head(SignedTreeHead head) => new
    {
        head.TreeSize,
        RootHash = Convert.ToBase64String(head.RootHash.Span),
        Timestamp = head.Timestamp?.ToDateTimeOffset(),
        head.KeyId,
        head.Origin,
    };
}
