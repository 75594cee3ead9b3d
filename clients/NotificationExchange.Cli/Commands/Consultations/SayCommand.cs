using System.CommandLine;
using NotificationExchange.Cli.Cli;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Streams;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>
/// nxc consult say: one message on a consultation's conversation, for scripts. Done once the exchange has stored it
/// (its sequence is printed); the conversation reconnects by itself meanwhile, and the message, sent again with the
/// same client message id, is stored once. No answer within --timeout is exit status 4.
/// </summary>
internal static class SayCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        var text = new Argument<string>("TEXT") { Description = "The message, 1 to 10,000 characters; - reads it from stdin" };
        return new Command("say", "Send one message on a consultation's conversation (nxc consult talk for a live conversation)") { id, text }
            .Runs(context, async (session, cancellationToken) =>
            {
                var consultationId = session.Parse.GetValue(id)!;
                var message = session.Parse.GetValue(text)!;
                if (message == "-")
                {
                    message = (await session.Environment.In.ReadToEndAsync(cancellationToken)).TrimEnd('\n', '\r');
                }
                if (message.Length == 0)
                {
                    throw new UsageException("TEXT: the message is empty");
                }
                var lastDrop = "";
                var conversation = session.Client.Consultations.Converse(consultationId, new WatchOptions { OnReconnecting = r => lastDrop = r.Reason });
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                // The acceptance arrives on the conversation's stream, which must be read for it to come.
                var reading = DrainAsync(conversation, stop.Token);
                var saying = conversation.SayAsync(message, cancellationToken: stop.Token);
                var answered = await Task.WhenAny(saying, reading, Task.Delay(session.CallTimeout, stop.Token));
                try
                {
                    if (answered == reading)
                    {
                        await reading;
                    }
                    if (answered != saying)
                    {
                        throw new IOException($"the message was not stored within {session.CallTimeout.TotalSeconds:0.#} s{(lastDrop.Length > 0 ? $" ({lastDrop})" : "")}");
                    }
                    var accepted = await saying;
                    if (session.Print.Json)
                    {
                        session.Print.Message(accepted);
                    }
                    else
                    {
                        session.Print.Line($"message #{accepted.Sequence} stored on {consultationId}");
                    }
                    return ExitCodes.Ok;
                }
                finally
                {
                    await stop.CancelAsync();
                    await Task.WhenAll(reading, saying).ContinueWith(static _ => { }, TaskScheduler.Default);
                }
            });
    }

    private static async Task DrainAsync(ResilientConversation conversation, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in conversation.ReadAllAsync(cancellationToken))
            {
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException or NxException)
        {
            // Stopped by the caller: the stream ends as a cancellation of some kind, depending on where it was.
        }
    }
}
