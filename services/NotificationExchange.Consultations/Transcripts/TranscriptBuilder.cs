using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// Builds a consultation's transcript, the one way both of its users do: the write that closes a consultation
/// (<see cref="TranscriptDigester"/>, whose digest the closing event carries) and ExportTranscript
/// (<see cref="TranscriptExporter"/>). Given the same consultation, history and conversation, it gives the same bytes.
/// </summary>
/// <remarks>
/// What the transcript holds is what does not change once the consultation is closed, and nothing that the closing
/// itself adds: the parties, the request, every state change but the closing one (so the record at closing and the
/// record of the closed consultation are the same), the conversation and the outcome. The consultation's version,
/// its closing time and the digest itself are left out: they are the closing event's. Times are RFC 3339 UTC strings
/// to the exchange's 100 ns (trailing zeros of the fraction dropped), counts and sequences are integers, and no number
/// is fractional, so that any JCS implementation reproduces the bytes.
/// </remarks>
public static class TranscriptBuilder
{
    /// <summary>Names the form below; a changed form gets a new name, so that a kept digest is always recomputed from the form it was made of.</summary>
    public const string Format = "notification_exchange.v1.transcript/1";

    /// <param name="consultation">The consultation as the transcript describes it (its request, parties and outcome).</param>
    /// <param name="state">The state the transcript records: CLOSED when it is the closing transcript.</param>
    /// <param name="history">The consultation's events, oldest first; the closing event, if any, is left out.</param>
    /// <param name="conversation">Its messages and receipts.</param>
    public static Transcript Build(Consultation consultation, ConsultationState state, IEnumerable<LogEntry> history, TranscriptConversation conversation)
    {
        var events = history.Where(e => TypeOf(e) != ConsultationEventType.Closed).OrderBy(e => e.Sequence).ToArray();
        var messages = conversation.Messages.OrderBy(m => m.Sequence).ToArray();
        var receipts = conversation.Receipts.OrderBy(r => r.OrganizationId, StringComparer.Ordinal).ToArray();
        var json = new JsonObject
        {
            ["format"] = Format,
            ["consultation_id"] = consultation.Id,
            ["state"] = WireNames.Of(state),
            ["requester"] = consultation.Requester,
            ["counterparts"] = Array(consultation.Counterparts.Select(c => (JsonNode?)c.OrganizationId)),
            ["direct_line_id"] = consultation.DirectLineId,
            ["request"] = new JsonObject
            {
                ["subject"] = consultation.Subject,
                ["body"] = consultation.Body,
                ["about"] = About(consultation.About),
                ["urgency"] = WireNames.Of(consultation.Urgency),
                ["acknowledge_by"] = Time(consultation.AcknowledgeBy),
                ["proposed_times"] = Windows(consultation.ProposedTimes),
                ["created_at"] = Time(consultation.CreatedAt),
            },
            ["events"] = Array(events.Select(Event)),
            ["messages"] = Array(messages.Select(Message)),
            ["receipts"] = Array(receipts.Select(Receipt)),
            ["outcome"] = consultation.Closure is { } closure ? Outcome(closure) : null,
        };
        var canonical = JsonCanonicalizer.Canonicalize(json);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new Transcript(canonical, TranscriptText.Render(consultation, state, events, messages, receipts, sha256), sha256);
    }

    /// <summary>RFC 3339 in UTC, to 100 ns, without trailing zeros in the fraction (2026-12-02T00:30:00Z, 2026-12-02T00:30:00.25Z).</summary>
    public static string Time(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    internal static ConsultationEventType TypeOf(LogEntry entry) => entry switch
    {
        ConsultationRecorded recorded => recorded.Type,
        UnreadableConsultationEvent unreadable => unreadable.Type,
        _ => throw new ArgumentException($"{entry.GetType().Name} at sequence {entry.Sequence} is not a consultation's event", nameof(entry)),
    };

    private static JsonObject Event(LogEntry entry)
    {
        var type = TypeOf(entry);
        var json = new JsonObject
        {
            ["sequence"] = entry.Sequence,
            ["type"] = WireNames.Of(type),
            ["recorded_at"] = Time(entry.RecordedAt),
        };
        switch (entry)
        {
            case ConsultationRecorded recorded:
                json["version"] = recorded.Consultation.Version;
                json["actor"] = recorded.Change.Actor;
                json["reason"] = recorded.Change.Reason;
                json["escalated_organization"] = recorded.Change.EscalatedOrganization;
                // What the change itself proposed, which later versions no longer show (a contested closure is gone).
                if (type == ConsultationEventType.TimeProposed && recorded.Change.Actor is { } actor
                    && recorded.Consultation.CounterpartOf(actor) is { } counterpart)
                {
                    json["proposed_times"] = Windows(counterpart.ProposedTimes);
                }
                if (type == ConsultationEventType.ClosureProposed && recorded.Consultation.Closure is { } closure)
                {
                    json["outcome_summary"] = closure.OutcomeSummary;
                    json["actions"] = Array(closure.Actions.Select(Action));
                }
                break;
            case UnreadableConsultationEvent unreadable:
                // Its place, kind and time are known; what it said is not. The reason is left out: it is this build's
                // words, and the record must not change with them.
                json["version"] = unreadable.Version;
                json["unreadable"] = true;
                break;
        }
        return json;
    }

    private static JsonObject About(ConsultationAbout about) => about switch
    {
        { NotificationId: { } notificationId } => new JsonObject { ["notification_id"] = notificationId },
        { AlertId: { } alertId } => new JsonObject { ["alert_id"] = alertId },
        { Topic: { } topic } => new JsonObject { ["topic"] = topic },
        _ => new JsonObject(),
    };

    private static JsonArray Windows(IReadOnlyList<TimeWindow> windows) => Array(windows.Select(w => (JsonNode?)new JsonObject
    {
        ["start"] = w.Start is { } start ? Time(start) : null,
        ["end"] = w.End is { } end ? Time(end) : null,
    }));

    private static JsonObject Message(TranscriptMessage message) => new()
    {
        ["sequence"] = message.Sequence,
        ["from_organization"] = message.FromOrganization,
        ["client_message_id"] = message.ClientMessageId,
        ["sent_at"] = Time(message.SentAt),
        ["text"] = message.Text,
        ["attachments"] = Array(message.Attachments.Select(a => (JsonNode?)new JsonObject
        {
            ["media_type"] = a.MediaType,
            ["sha256"] = a.Sha256,
            ["size_bytes"] = a.SizeBytes,
        })),
    };

    private static JsonObject Receipt(TranscriptReceipt receipt) => new()
    {
        ["organization_id"] = receipt.OrganizationId,
        ["delivered_through"] = receipt.DeliveredThrough,
        ["read_through"] = receipt.ReadThrough,
        ["updated_at"] = Time(receipt.UpdatedAt),
    };

    private static JsonObject Outcome(Closure closure) => new()
    {
        ["proposed_by"] = closure.ProposedBy,
        ["proposed_at"] = Time(closure.ProposedAt),
        ["summary"] = closure.OutcomeSummary,
        ["actions"] = Array(closure.Actions.Select(Action)),
        ["confirmed_by"] = Array(closure.ConfirmedBy.Select(c => (JsonNode?)c)),
    };

    private static JsonNode? Action(AgreedAction action) => new JsonObject
    {
        ["organization_id"] = action.OrganizationId,
        ["action"] = action.Action,
        ["due_by"] = action.DueBy is { } due ? Time(due) : null,
    };

    private static JsonArray Array(IEnumerable<JsonNode?> items) => [.. items];
}
