using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult inbox: the consultations the caller is a party of, newest first, every page.</summary>
internal static class InboxCommand
{
    public static Command Build(VerbContext context)
    {
        var states = EnumWords<ConsultationState>.Options("--state", "Only consultations in these states");
        var command = new Command("inbox", "Your consultations, newest first") { states };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new ListConsultationsRequest { PageSize = 500 };
            request.States.AddRange(session.Parse.GetValue(states) ?? []);
            var consultations = await session.Client.Consultations.ListAllConsultationsAsync(request, cancellationToken).ToListAsync(cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Messages(consultations);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Consultation", "State", "Urgency", "From", "With", "Subject", "About", "Updated");
            foreach (var c in consultations)
            {
                table.AddRow(
                    Markup.Escape(c.Id), Words.Enum(c.State), Words.Enum(c.Urgency), Markup.Escape(c.Requester),
                    Markup.Escape(string.Join("\n", c.Counterparts.Select(p => $"{p.OrganizationId} {Words.Enum(p.State)}"))),
                    Markup.Escape(c.Subject), Markup.Escape(ConsultationText.About(c)), Words.Time(c.UpdatedAt));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });
    }
}
