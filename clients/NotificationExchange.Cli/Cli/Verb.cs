using System.CommandLine;
using System.Net.Sockets;
using Grpc.Core;
using NotificationExchange.Cli.Output;
using NotificationExchange.Client.Errors;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// Runs a verb's action and turns every way it can fail into one line on stderr and an exit status
/// (<see cref="ExitCodes"/>): never a stack trace. A refusal is one line with the status and the exchange's message;
/// a refusal naming fields is the status and how many on the first line, then each field violation on a line of its
/// own ("  field.path: what was wrong"), as the exchange's message for it repeats the violations.
/// </summary>
internal static class Verb
{
    /// <summary>Sets <paramref name="command"/>'s action: <paramref name="action"/> with a session, failures mapped.</summary>
    public static Command Runs(this Command command, VerbContext context, Func<Session, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new Session(context.Environment, context.Globals, parse);
            try
            {
                return await action(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return Report(context.Environment.Error, e, cancellationToken.IsCancellationRequested, session);
            }
        });
        return command;
    }

    internal static int Report(TextWriter error, Exception failure, bool interrupted, Session? session)
    {
        switch (failure)
        {
            case OperationCanceledException or NxException { Error.Kind: FailureKind.Cancelled } when interrupted:
                return ExitCodes.Interrupted;
            case UsageException usage:
                error.WriteLine($"nxc: {Printable(usage.Message)}");
                return ExitCodes.Usage;
            case NxException nx:
                return ReportRpc(error, nx.Error, session);
            case RpcException rpc:
                return ReportRpc(error, NxError.From(rpc), session);
            case OutputClosedException:
                // The reader of stdout has gone; there is nobody to tell but stderr, and shells know this status.
                return ExitCodes.OutputClosed;
            case HttpRequestException or SocketException or NoAnswerException when session is not null:
                error.WriteLine($"nxc: cannot reach the exchange at {Address(session)}: {OneLine(failure.Message)}");
                return ExitCodes.Unreachable;
            default:
                error.WriteLine($"nxc: {OneLine(failure.Message)}");
                return ExitCodes.Failed;
        }
    }

    private static int ReportRpc(TextWriter error, NxError rpc, Session? session)
    {
        switch (rpc.Kind)
        {
            case FailureKind.Unreachable:
                error.WriteLine($"nxc: cannot reach the exchange at {Address(session)}: {rpc.Code}: {OneLine(rpc.Message)}");
                return ExitCodes.Unreachable;
            case FailureKind.ServerFault or FailureKind.Cancelled:
                error.WriteLine($"nxc: the exchange failed: {rpc.Code}: {OneLine(rpc.Message)}");
                return ExitCodes.Failed;
            case var _ when rpc.Reason == "RATE_LIMITED":
                // the client library already waited and retried as the exchange asked; this is what remained
                error.WriteLine($"nxc: rate limited (RATE_LIMITED): {OneLine(rpc.Message)}");
                return ExitCodes.Refused;
            case var _ when rpc.FieldViolations.Count == 0:
                error.WriteLine($"nxc: refused: {rpc.Code}: {Printable(rpc.Message)}");
                return ExitCodes.Refused;
            default:
                error.WriteLine($"nxc: refused: {rpc.Code}: {rpc.FieldViolations.Count} field{(rpc.FieldViolations.Count == 1 ? "" : "s")}");
                foreach (var violation in rpc.FieldViolations)
                {
                    error.WriteLine($"  {Printable(violation.Field)}: {Printable(violation.Description)}");
                }
                return ExitCodes.Refused;
        }
    }

    private static string Address(Session? session)
    {
        try
        {
            return session?.ClientOptions(needsKey: false).Address.ToString().TrimEnd('/') ?? "?";
        }
        catch (UsageException)
        {
            return "?";
        }
    }

    /// <summary>Messages from the network stack run over several lines; the first says what happened.</summary>
    internal static string OneLine(string message) =>
        Printable(message.Split('\n', 2)[0].Trim());

    /// <summary>
    /// <paramref name="text"/> safe to print as part of one line: control characters (a value given on the command
    /// line may hold a newline, and messages quote values) and the Unicode line and paragraph separators written as
    /// escapes (\n, \u001b), so that each failure stays one line and cannot move a terminal's cursor.
    /// </summary>
    internal static string Printable(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }
        var printable = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            printable.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return printable.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
