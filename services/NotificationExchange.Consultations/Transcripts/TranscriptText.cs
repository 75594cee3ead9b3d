using System.Text;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// The transcript for people to read: the request, each state change, each message as "[time] organisation: text",
/// the receipts, the outcome with its actions, and the digest of the JSON it was written from. It says what the JSON
/// says; the JSON is the record, this is its reading.
/// </summary>
internal static class TranscriptText
{
    private const string Indent = "  ";

    public static string Render(
        Consultation consultation,
        ConsultationState state,
        IReadOnlyList<LogEntry> events,
        IReadOnlyList<TranscriptMessage> messages,
        IReadOnlyList<TranscriptReceipt> receipts,
        string sha256)
    {
        var text = new StringBuilder();
        Line(text, $"Transcript of consultation {consultation.Id}");
        Line(text, $"Subject: {consultation.Subject}");
        Line(text, $"State: {WireNames.Of(state)}");
        Line(text, $"Requester: {consultation.Requester}");
        Line(text, $"Counterparts: {string.Join(", ", consultation.Counterparts.Select(c => c.OrganizationId))}");
        Line(text, $"About: {About(consultation.About)}");
        Line(text, $"Urgency: {WireNames.Of(consultation.Urgency)}, acknowledge by {Time(consultation.AcknowledgeBy)}");
        Line(text, $"Requested at: {Time(consultation.CreatedAt)}");
        if (consultation.DirectLineId is { } line)
        {
            Line(text, $"Direct line: {line}");
        }
        if (consultation.ProposedTimes.Count > 0)
        {
            Line(text, $"Proposed times: {Windows(consultation.ProposedTimes)}");
        }
        if (consultation.Body.Length > 0)
        {
            Line(text, "Body:");
            Line(text, Indent + Indented(consultation.Body, Indent));
        }

        text.Append('\n');
        Line(text, "State changes:");
        foreach (var entry in events)
        {
            Line(text, Indent + Indented(Event(entry), Indent + Indent));
        }

        text.Append('\n');
        Line(text, "Messages:");
        if (messages.Count == 0)
        {
            Line(text, Indent + "(none)");
        }
        foreach (var message in messages)
        {
            Line(text, $"{Indent}[{Time(message.SentAt)}] {message.FromOrganization}: {Indented(message.Text, Indent + Indent)}");
            foreach (var attachment in message.Attachments)
            {
                Line(text, $"{Indent}{Indent}attached {attachment.MediaType}, {attachment.SizeBytes} bytes, SHA-256 {attachment.Sha256}");
            }
        }

        text.Append('\n');
        Line(text, "Receipts:");
        if (receipts.Count == 0)
        {
            Line(text, Indent + "(none)");
        }
        foreach (var receipt in receipts)
        {
            Line(text, $"{Indent}{receipt.OrganizationId}: delivered through {receipt.DeliveredThrough}, read through {receipt.ReadThrough} (as of {Time(receipt.UpdatedAt)})");
        }

        text.Append('\n');
        if (consultation.Closure is { } closure)
        {
            Line(text, $"Outcome, proposed by {closure.ProposedBy} at {Time(closure.ProposedAt)}:");
            Line(text, Indent + Indented(closure.OutcomeSummary, Indent));
            Line(text, "Agreed actions:");
            if (closure.Actions.Count == 0)
            {
                Line(text, Indent + "(none)");
            }
            foreach (var action in closure.Actions)
            {
                Line(text, $"{Indent}- {action.OrganizationId}: {Indented(action.Action, Indent + Indent)}{(action.DueBy is { } due ? $" (due by {Time(due)})" : "")}");
            }
            Line(text, $"Confirmed by: {string.Join(", ", closure.ConfirmedBy)}");
        }
        else
        {
            Line(text, "Outcome: none proposed");
        }

        text.Append('\n');
        Line(text, $"SHA-256 of the canonical JSON: {sha256}");
        return text.ToString();
    }

    private static string Event(LogEntry entry)
    {
        var type = WireNames.Of(TranscriptBuilder.TypeOf(entry));
        if (entry is not ConsultationRecorded recorded)
        {
            return $"#{entry.Sequence} {Time(entry.RecordedAt)} {type} (cannot be read back)";
        }
        var change = recorded.Change;
        var line = new StringBuilder($"#{entry.Sequence} {Time(entry.RecordedAt)} {type}");
        line.Append(change.Actor is { } actor ? $" by {actor}" : " by the exchange");
        if (change.EscalatedOrganization is { } escalated)
        {
            line.Append($": {escalated} did not acknowledge by {Time(recorded.Consultation.AcknowledgeBy)}");
        }
        if (recorded.Type == ConsultationEventType.TimeProposed && change.Actor is { } proposer
            && recorded.Consultation.CounterpartOf(proposer) is { } counterpart)
        {
            line.Append($": {Windows(counterpart.ProposedTimes)}");
        }
        if (recorded.Type == ConsultationEventType.ClosureProposed && recorded.Consultation.Closure is { } closure)
        {
            line.Append($": {closure.OutcomeSummary}");
        }
        if (change.Reason is { } reason)
        {
            line.Append($": {reason}");
        }
        return line.ToString();
    }

    private static string About(ConsultationAbout about) => about switch
    {
        { NotificationId: { } notificationId } => $"notification {notificationId}",
        { AlertId: { } alertId } => $"proximity alert {alertId}",
        { Topic: { } topic } => $"topic \"{topic}\"",
        _ => "(nothing)",
    };

    private static string Windows(IReadOnlyList<TimeWindow> windows) =>
        string.Join("; ", windows.Select(w => $"{(w.Start is { } start ? Time(start) : "open")} to {(w.End is { } end ? Time(end) : "open")}"));

    private static string Time(DateTime time) => TranscriptBuilder.Time(time);

    /// <summary>Continues a text's further lines under the first, so that what a party wrote cannot pass for another entry.</summary>
    private static string Indented(string value, string indent) =>
        value.ReplaceLineEndings("\n").Replace("\n", "\n" + indent, StringComparison.Ordinal);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
