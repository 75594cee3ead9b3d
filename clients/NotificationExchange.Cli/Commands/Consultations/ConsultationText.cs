using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>How nxc writes consultations and direct lines for people; in JSON mode the verbs print the messages.</summary>
internal static class ConsultationText
{
    /// <summary>"CON-3 v2 open: subject (urgent, esa-ops with cnes-ops accepted)"</summary>
    public static string Summary(Consultation c) =>
        $"{c.Id} v{c.Version} {Words.Enum(c.State)}: {c.Subject} ({Words.Enum(c.Urgency)}, {c.Requester} with "
        + string.Join(", ", c.Counterparts.Select(p => $"{p.OrganizationId} {Words.Enum(p.State)}")) + ")";

    /// <summary>What the consultation is about, in words.</summary>
    public static string About(Consultation c) => c.AboutCase switch
    {
        Consultation.AboutOneofCase.NotificationId => $"notification {c.NotificationId}",
        Consultation.AboutOneofCase.AlertId => $"alert {c.AlertId}",
        Consultation.AboutOneofCase.Topic => $"topic: {c.Topic}",
        _ => "-",
    };

    public static string Window(TimeWindow window) => $"{Words.Time(window.Start)} to {Words.Time(window.End)}";

    /// <summary>A change made by the caller: the consultation in JSON, or its summary after what was done.</summary>
    public static int PrintChange(Session session, Consultation consultation, string done)
    {
        session.Print.Answer(consultation, $"{done}: {Summary(consultation)}");
        return ExitCodes.Ok;
    }

    /// <summary>The consultation in full: who, what, every counterpart's answer, the closure and the conversation's
    /// receipts.</summary>
    public static IEnumerable<string> Details(Consultation c)
    {
        yield return Summary(c);
        yield return $"  about {About(c)}; requested by {c.Requester} at {Words.Time(c.CreatedAt)}, updated {Words.Time(c.UpdatedAt)}";
        if (c.DirectLineId.Length > 0)
        {
            yield return $"  rung on direct line {c.DirectLineId}";
        }
        if (c.Body.Length > 0)
        {
            yield return $"  body: {c.Body}";
        }
        if (c.State == ConsultationState.Requested)
        {
            yield return $"  acknowledge by {Words.Time(c.AcknowledgeBy)}";
        }
        foreach (var window in c.ProposedTimes)
        {
            yield return $"  {c.Requester} proposes {Window(window)}";
        }
        foreach (var p in c.Counterparts)
        {
            var line = $"  {p.OrganizationId}: {Words.Enum(p.State)}";
            if (p.AcknowledgedAt is not null)
            {
                line += $", acknowledged {Words.Time(p.AcknowledgedAt)}";
            }
            if (p.DeclineReason.Length > 0)
            {
                line += $", declined: {p.DeclineReason}";
            }
            if (p.EscalatedAt is not null)
            {
                line += $", escalated {Words.Time(p.EscalatedAt)}";
            }
            yield return line;
            foreach (var window in p.ProposedTimes)
            {
                yield return $"    proposes {Window(window)}";
            }
        }
        if (c.WithdrawReason.Length > 0)
        {
            yield return $"  withdrawn: {c.WithdrawReason}";
        }
        if (c.Closure is { } closure)
        {
            yield return $"  outcome proposed by {closure.ProposedBy} at {Words.Time(closure.ProposedAt)}: {closure.OutcomeSummary}";
            foreach (var action in closure.Actions)
            {
                yield return $"    {action.OrganizationId}: {action.Action}{(action.DueBy is null ? "" : $" (by {Words.Time(action.DueBy)})")}";
            }
            yield return $"  confirmed by {string.Join(", ", closure.ConfirmedBy)}";
            if (closure.ClosedAt is not null)
            {
                yield return $"  closed {Words.Time(closure.ClosedAt)}, transcript sha256 {closure.TranscriptSha256}";
            }
        }
        yield return $"  messages: {c.LastMessageSequence}"
            + string.Concat(c.Receipts.Select(r => $"; {r.OrganizationId} read through #{r.ReadThrough}"));
    }

    /// <summary>The history as a table: one row per change.</summary>
    public static Table History(IEnumerable<ConsultationEvent> history)
    {
        var table = new Table().AddColumns("#", "Recorded", "Change", "By", "Detail");
        foreach (var e in history)
        {
            var detail = e.Reason;
            if (e.EscalatedOrganization.Length > 0)
            {
                detail = $"{e.EscalatedOrganization} did not acknowledge; call " + string.Join("; ", e.Contacts.Select(Words.Contact));
            }
            table.AddRow(
                e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Words.Time(e.RecordedAt), Words.Enum(e.EventType),
                Markup.Escape(e.Actor.Length > 0 ? e.Actor : "the exchange"), Markup.Escape(detail));
        }
        return table;
    }

    /// <summary>"DL-... active: esa-ops and cnes-ops, GEO slot coordination"</summary>
    public static string Line(DirectLine line) =>
        $"{line.Id} {Words.Enum(line.State)}: proposed by {line.ProposedBy} to {line.Counterpart}, {line.Purpose}";
}
