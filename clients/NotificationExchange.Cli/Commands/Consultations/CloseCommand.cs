using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>
/// nxc consult close: the closing of an open consultation, in one verb for its three steps. --summary proposes the
/// outcome (ProposeClosure; the proposer confirms by proposing), --confirm confirms it (ConfirmClosure; the last
/// confirmation closes the consultation), --contest REASON opens it again (ContestClosure). Exactly one is given.
/// </summary>
internal static class CloseCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        var summary = ValueOptions.Text("--summary", "Propose closing with this outcome (1 to 4,000 characters)");
        var actions = ValueOptions.List(
            "--action", "With --summary: something a party agreed to do, ORG=ACTION (e.g. esa-ops=\"WILL maneuver 25544 as filed\"); repeat for up to 50", Action, commaLists: false, "ORG=ACTION");
        var confirm = new Option<bool>("--confirm") { Description = "Confirm the outcome proposed; the last confirmation closes the consultation" };
        var contest = ValueOptions.Text("--contest", "Contest the outcome proposed, saying why (1 to 2,000 characters); the consultation is open again", "REASON");
        var command = new Command("close", "Close a consultation: propose an outcome (--summary), confirm it (--confirm) or contest it (--contest)")
        {
            id, summary, actions, confirm, contest,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var consultationId = parse.GetValue(id)!;
            var proposed = parse.GetValue(summary);
            var contested = parse.GetValue(contest);
            var agreed = parse.GetValue(actions) ?? [];
            var modes = new[] { proposed is null ? null : "--summary", parse.GetValue(confirm) ? "--confirm" : null, contested is null ? null : "--contest" }
                .OfType<string>().ToArray();
            if (modes.Length != 1)
            {
                throw new UsageException(modes.Length == 0
                    ? "close: give --summary TEXT to propose an outcome, --confirm to confirm it, or --contest REASON"
                    : $"{string.Join(" and ", modes)}: give one of them");
            }
            if (agreed.Length > 0 && proposed is null)
            {
                throw new UsageException("--action: goes with --summary, in the outcome proposed");
            }
            if (proposed is not null)
            {
                var request = new ProposeClosureRequest { ConsultationId = consultationId, OutcomeSummary = proposed };
                request.Actions.AddRange(agreed);
                return ConsultationText.PrintChange(session, await session.Client.Consultations.ProposeClosureAsync(request, cancellationToken), "closure proposed");
            }
            if (contested is not null)
            {
                return ConsultationText.PrintChange(session, await session.Client.Consultations.ContestClosureAsync(
                    new ContestClosureRequest { ConsultationId = consultationId, Reason = contested }, cancellationToken), "closure contested");
            }
            var confirmed = await session.Client.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { ConsultationId = consultationId }, cancellationToken);
            return ConsultationText.PrintChange(session, confirmed, confirmed.State == ConsultationState.Closed ? "closed" : "closure confirmed");
        });
    }

    /// <summary>ORG=ACTION; the organisation id has no '=', the action may.</summary>
    private static AgreedAction Action(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < text.Length - 1
            ? new AgreedAction { OrganizationId = text[..equals].Trim(), Action = text[(equals + 1)..].Trim() }
            : throw new FormatException($"'{text}' is not ORG=ACTION, e.g. esa-ops=\"WILL maneuver 25544 as filed\"");
    }
}
