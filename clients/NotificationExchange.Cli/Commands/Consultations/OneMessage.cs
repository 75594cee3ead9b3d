using Grpc.Core;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>
/// One message said on a consultation's conversation, done once the exchange has stored it (nxc consult say, nxc
/// demo). The acceptance arrives on the conversation's stream, which is read meanwhile; the conversation reconnects by
/// itself, and the message, sent again with the same client message id, is stored once.
/// </summary>
internal static class OneMessage
{
    /// <summary>The acceptance of <paramref name="text"/>; none within <paramref name="timeout"/> is an
    /// <see cref="NoAnswerException"/> (the exchange did not answer) saying why the stream last dropped, if it did.</summary>
    public static async Task<MessageAccepted> SayAsync(NxClient client, string consultationId, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lastDrop = "";
        var conversation = client.Consultations.Converse(consultationId, new WatchOptions { OnReconnecting = r => lastDrop = r.Reason });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = DrainAsync(conversation, stop.Token);
        var saying = conversation.SayAsync(text, cancellationToken: stop.Token);
        var answered = await Task.WhenAny(saying, reading, Task.Delay(timeout, stop.Token));
        try
        {
            if (answered == reading)
            {
                // The stream ended first: its failure (a refusal, the exchange gone) is the answer.
                await reading;
            }
            return answered == saying
                ? await saying
                : throw new NoAnswerException($"the message was not stored within {timeout.TotalSeconds:0.#} s{(lastDrop.Length > 0 ? $" ({lastDrop})" : "")}");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(reading, saying).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
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
