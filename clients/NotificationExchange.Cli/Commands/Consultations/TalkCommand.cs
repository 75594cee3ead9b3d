using System.CommandLine;
using System.Threading.Channels;
using Grpc.Core;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Commands.Consultations.Talk;
using NotificationExchange.Cli.Output;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>
/// nxc consult talk: the live conversation of an open consultation. It shows the conversation so far, then messages
/// and the other parties' read receipts as they arrive, while the user types below them (<see cref="TalkScreen"/>);
/// each line typed is sent, and shows up in the conversation once the exchange has stored it. What is shown counts as
/// read, and a receipt says so. /close SUMMARY proposes closing; /quit (or Ctrl+D on an empty line, or the end of
/// piped input) leaves once every line typed is stored. The conversation reconnects by itself
/// (<see cref="ResilientConversation"/>); a refusal (not open, not a party) ends it with exit status 3.
/// </summary>
internal static class TalkCommand
{
    private const string Help = "type a message and Enter to send; /close SUMMARY proposes closing; /quit leaves";

    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        return new Command("talk", "Talk live on an open consultation: its messages so far, then new ones as they come while you type") { id }
            .Runs(context, async (session, cancellationToken) =>
            {
                var consultationId = session.Parse.GetValue(id)!;
                var environment = session.Environment;
                var interactive = environment.OutputIsTerminal && environment.InputIsTerminal && !session.Print.Json;
                var screen = new TalkScreen(environment.Out, interactive, () => Console.WindowWidth);
                var conversation = session.Client.Consultations.Converse(consultationId, new WatchOptions
                {
                    OnReconnecting = r => Remark(session, screen, $"-- connection lost ({Verb.OneLine(r.Reason)}); reconnecting, attempt {r.Attempt}"),
                });
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var progress = new ConversationProgress();
                var reading = ShowAsync(session, screen, conversation, consultationId, progress, stop.Token);
                var lines = interactive ? TerminalLineEditor.Start(screen) : ReaderLines.Start(environment.In);
                var sent = new List<Task<MessageAccepted>>();
                try
                {
                    if (interactive)
                    {
                        screen.Typed("");
                    }
                    while (await NextLineAsync(lines, reading, stop.Token) is { } line)
                    {
                        var text = line.Trim();
                        if (text == "/quit")
                        {
                            break;
                        }
                        if (text.StartsWith('/'))
                        {
                            await CommandAsync(session, screen, consultationId, text, stop.Token);
                        }
                        else if (text.Length > 0)
                        {
                            sent.Add(conversation.SayAsync(line, cancellationToken: stop.Token));
                        }
                    }
                    await StoredAsync(session, sent, progress, reading, stop.Token);
                    return ExitCodes.Ok;
                }
                finally
                {
                    screen.Close();
                    await stop.CancelAsync();
                    await reading.ContinueWith(static _ => { }, TaskScheduler.Default);
                }
            });
    }

    /// <summary>The next line typed; null when the input has ended. The conversation ending first (a refusal) is
    /// thrown from here.</summary>
    private static async Task<string?> NextLineAsync(ChannelReader<string> lines, Task reading, CancellationToken cancellationToken)
    {
        var typed = lines.WaitToReadAsync(cancellationToken).AsTask();
        if (await Task.WhenAny(typed, reading) == reading)
        {
            await reading;
        }
        return await typed && lines.TryRead(out var line) ? line : null;
    }

    /// <summary>Waits, at most --timeout, until the exchange has stored every line typed and the conversation shown
    /// has come through the last of them.</summary>
    private static async Task StoredAsync(Session session, List<Task<MessageAccepted>> sent, ConversationProgress progress, Task reading, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(session.CallTimeout);
        var stored = Task.WhenAll(sent);
        if (await Task.WhenAny(stored, reading, Task.Delay(Timeout.Infinite, timeout.Token)) == reading)
        {
            await reading;
        }
        if (!stored.IsCompleted)
        {
            throw new NoAnswerException($"{sent.Count(s => !s.IsCompleted)} of the messages typed not stored within {session.CallTimeout.TotalSeconds:0.#} s");
        }
        var last = (await stored).Select(a => a.Sequence).DefaultIfEmpty(0UL).Max();
        var shown = progress.ReachedAsync(last, timeout.Token);
        if (await Task.WhenAny(shown, reading) == reading)
        {
            await reading;
        }
        if (!shown.IsCompletedSuccessfully)
        {
            throw new NoAnswerException($"the conversation did not come through message #{last} within {session.CallTimeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>The conversation as it arrives, until stopped: messages (each then counts as read), receipts, and
    /// where the past ends and the live part begins.</summary>
    private static async Task ShowAsync(Session session, TalkScreen screen, ResilientConversation conversation, string consultationId, ConversationProgress progress, CancellationToken cancellationToken)
    {
        ulong shown = 0;
        var live = false;
        try
        {
            await foreach (var response in conversation.ReadAllAsync(cancellationToken))
            {
                if (session.Print.Json)
                {
                    session.Print.Message(response);
                }
                switch (response.KindCase)
                {
                    case ConverseResponse.KindOneofCase.Message:
                        shown = response.Message.Sequence;
                        if (!session.Print.Json)
                        {
                            screen.Show(MessageText(response.Message));
                        }
                        if (live)
                        {
                            await conversation.SendReceiptAsync(shown, shown, cancellationToken);
                        }
                        progress.Shown(shown);
                        break;
                    case ConverseResponse.KindOneofCase.CaughtUp:
                        Remark(session, screen, live
                            ? "-- back, live again"
                            : $"-- {consultationId}: {(shown == 0 ? "no messages yet" : $"{shown} message{(shown == 1 ? "" : "s")} so far")}; live now: {Help}");
                        live = true;
                        if (shown > 0)
                        {
                            await conversation.SendReceiptAsync(shown, shown, cancellationToken);
                        }
                        progress.CaughtUp();
                        break;
                    case ConverseResponse.KindOneofCase.Receipt when !session.Print.Json:
                        screen.Show($"   {response.Receipt.OrganizationId} has read through #{response.Receipt.ReadThrough}");
                        break;
                }
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException or NxException)
        {
            // Left: the stream ends as a cancellation of some kind, depending on where it was.
        }
    }

    /// <summary>"#3 2026-01-02 10:00:05Z cnes-ops: text", later lines of the text indented under it.</summary>
    private static string MessageText(ConversationMessage message)
    {
        var text = $"#{message.Sequence} {Words.Time(message.SentAt)} {message.FromOrganization}: "
            + message.Text.Replace("\n", "\n    ", StringComparison.Ordinal);
        foreach (var attachment in message.Attachments)
        {
            text += $"\n    [attachment {attachment.MediaType}, {attachment.SizeBytes} bytes, sha256 {attachment.Sha256}]";
        }
        return text;
    }

    /// <summary>A slash command typed in the conversation.</summary>
    private static async Task CommandAsync(Session session, TalkScreen screen, string consultationId, string text, CancellationToken cancellationToken)
    {
        if (text.StartsWith("/close", StringComparison.Ordinal) && (text.Length == 6 || text[6] == ' '))
        {
            var summary = text[6..].Trim();
            if (summary.Length == 0)
            {
                Remark(session, screen, "-- /close needs the outcome: /close SUMMARY");
                return;
            }
            try
            {
                var proposed = await session.Client.Consultations.ProposeClosureAsync(
                    new ProposeClosureRequest { ConsultationId = consultationId, OutcomeSummary = summary }, cancellationToken);
                Remark(session, screen, $"-- closure proposed: {ConsultationText.Summary(proposed)}; the others confirm with nxc consult close {consultationId} --confirm");
            }
            catch (NxException e) when (e.Error.Kind == FailureKind.Refused)
            {
                Remark(session, screen, $"-- closure refused: {e.Error.Code}: {Verb.OneLine(e.Error.Message)}"
                    + string.Concat(e.Error.FieldViolations.Select(v => $"; {v.Field}: {v.Description}")));
            }
            return;
        }
        Remark(session, screen, $"-- {text.Split(' ')[0]} is not a command here: {Help}");
    }

    /// <summary>A remark for the user: on the screen in text mode, on stderr in JSON mode (stdout is the stream's).</summary>
    private static void Remark(Session session, TalkScreen screen, string text)
    {
        if (session.Print.Json)
        {
            session.Print.Note(text);
        }
        else
        {
            screen.Show(text);
        }
    }
}
