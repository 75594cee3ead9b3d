using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>
/// nxc consult say: one message on a consultation's conversation, for scripts. Done once the exchange has stored it
/// (its sequence is printed; <see cref="OneMessage"/>). No answer within --timeout is exit status 4.
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
                var accepted = await OneMessage.SayAsync(session.Client, consultationId, message, session.CallTimeout, cancellationToken);
                session.Print.Answer(accepted, $"message #{accepted.Sequence} stored on {consultationId}");
                return ExitCodes.Ok;
            });
    }
}
