using System.CommandLine;
using System.Net.Sockets;
using Grpc.Core;
using NotificationExchange.Client.Errors;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// Runs a verb's action and turns every way it can fail into one line on stderr and an exit status
/// (<see cref="ExitCodes"/>): never a stack trace. A refusal prints the status and message on the first line, then each
/// field violation on a line of its own ("  field.path: what was wrong").
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
                error.WriteLine($"nxc: {usage.Message}");
                return ExitCodes.Usage;
            case NxException nx:
                return ReportRpc(error, nx.Error, session);
            case RpcException rpc:
                return ReportRpc(error, NxError.From(rpc), session);
            case HttpRequestException or SocketException or IOException when session is not null:
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
            default:
                error.WriteLine($"nxc: refused: {rpc.Code}: {OneLine(rpc.Message)}");
                foreach (var violation in rpc.FieldViolations)
                {
                    error.WriteLine($"  {violation.Field}: {OneLine(violation.Description)}");
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
        message.Split('\n', 2)[0].Trim();
}
