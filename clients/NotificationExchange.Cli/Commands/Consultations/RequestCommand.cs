using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult request: opens a consultation with one or more counterparts (RequestConsultation).</summary>
internal static class RequestCommand
{
    public static Command Build(VerbContext context)
    {
        var counterparts = new Argument<string[]>("COUNTERPART") { Description = "The organisations to consult (1 to 20 ids, as nxc directory lists them)", Arity = ArgumentArity.OneOrMore };
        var urgency = EnumWords<ConsultationUrgency>.Option("--urgency", "How soon each counterpart must acknowledge (routine 72 h, priority 4 h, urgent 15 min)", required: true);
        var subject = ValueOptions.Text("--subject", "One line, 1 to 200 characters", null, required: true);
        var body = ValueOptions.Text("--body", "What you want to discuss, up to 10,000 characters");
        var notification = ValueOptions.Text("--notification", "About this notification (MNV-, RPO- or LCH- id)", "ID");
        var alert = ValueOptions.Text("--alert", "About this proximity alert (ALR- id)", "ID");
        var topic = ValueOptions.Text("--topic", "About this free topic (1 to 200 characters); the subject when no --notification, --alert or --topic is given");
        var within = ValueOptions.Reference("--acknowledge-within", "Deadline to acknowledge instead of the urgency's: 1m to 30d, e.g. 30m, 4h, 2d or PT30M", Values.Duration, "DURATION");
        var propose = ValueOptions.List("--propose", $"A time for a live session, {Values.WindowHelp}; repeat for up to 10", Values.Window, commaLists: false, "START/END");
        var command = new Command("request", "Request a consultation with one or more organisations")
        {
            counterparts, urgency, subject, body, notification, alert, topic, within, propose,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var request = new RequestConsultationRequest
            {
                Subject = parse.GetValue(subject)!,
                Body = parse.GetValue(body) ?? "",
                Urgency = parse.GetValue(urgency)!.Value,
                AcknowledgeWithin = parse.GetValue(within),
            };
            request.Counterparts.AddRange(parse.GetValue(counterparts)!);
            var about = new (string Name, string? Value)[] { ("--notification", parse.GetValue(notification)), ("--alert", parse.GetValue(alert)), ("--topic", parse.GetValue(topic)) }
                .Where(a => a.Value is not null).ToArray();
            if (about.Length > 1)
            {
                throw new UsageException($"{string.Join(" and ", about.Select(a => a.Name))}: a consultation is about one thing; give one of them");
            }
            switch (about.SingleOrDefault())
            {
                case ("--notification", var id):
                    request.NotificationId = id!;
                    break;
                case ("--alert", var id):
                    request.AlertId = id!;
                    break;
                case ("--topic", var text):
                    request.Topic = text!;
                    break;
                default:
                    request.Topic = request.Subject;
                    break;
            }
            request.ProposedTimes.AddRange(parse.GetValue(propose) ?? []);
            var consultation = await session.Client.Consultations.RequestConsultationAsync(request, cancellationToken);
            return ConsultationText.PrintChange(session, consultation, "requested");
        });
    }
}
