using System.Text.Json.Nodes;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

/// <summary>
/// Says where a request reusing a request id differs from the request that first used it, so that a client which
/// rebuilt its request on retry (recomputing "now + 6 h", say) learns what changed. The first request is not kept; its
/// answer is (the version it made), and everything a request asks for is in that version but an amendment's
/// expected_version. Paths are the request's wire paths, as far as the stored form follows them.
/// </summary>
public static class RequestDifferences
{
    private const int MaxReported = 3;

    /// <summary>Up to three differences, each "path (first X, now Y)"; empty when none can be named.</summary>
    public static IReadOnlyList<string> Between(FilingCommand command, RecordedEvent first)
    {
        var differences = new List<string>();
        var made = first.Notification;
        var firstKind = first.Type switch
        {
            NotificationEventType.Filed => "file",
            NotificationEventType.Amended => "amend",
            NotificationEventType.Cancelled => "cancel",
            _ => "report-execution",
        };
        var kind = command.Describe();
        if (kind != firstKind)
        {
            return [$"the first was a {firstKind} request, this is a {kind} request"];
        }
        switch (command)
        {
            case FileNotificationCommand file:
                Compare(command.RequestField(), Node(file.Content), Node(made.Content), differences);
                Compare("related_notification_ids", Node(file.RelatedNotificationIds), Node(made.RelatedNotificationIds), differences);
                Compare("visibility", Node(file.Visibility), Node(made.Visibility), differences);
                Compare("audience", Node(file.Audience ?? Audiences.NotificationAudience.Public), Node(made.Audience), differences);
                Compare("embargo", Node(file.Embargo), Node(made.Embargo), differences);
                CompareAttachments(file.Attachments, made, differences);
                break;
            case AmendNotificationCommand amend:
                Compare("notification_id", Node(amend.NotificationId), Node(made.Id), differences);
                Compare(command.RequestField(), Node(amend.Content), Node(made.Content), differences);
                Compare("related_notification_ids", Node(amend.RelatedNotificationIds), Node(made.RelatedNotificationIds), differences);
                Compare("reason", Node(string.IsNullOrWhiteSpace(amend.Reason) ? null : amend.Reason), Node(made.ChangeReason), differences);
                if (amend.Audience is not null || amend.Embargo is not null)
                {
                    // an amendment that keeps the sharing asked for none; what it kept is not its to compare
                    Compare("audience", Node(amend.Audience ?? made.Audience), Node(made.Audience), differences);
                    Compare("embargo", Node(amend.Embargo), Node(made.Embargo), differences);
                }
                CompareAttachments(amend.Attachments, made, differences);
                break;
            case CancelNotificationCommand cancel:
                Compare("notification_id", Node(cancel.NotificationId), Node(made.Id), differences);
                Compare("reason", Node(cancel.Reason), Node(made.Cancellation?.Reason), differences);
                break;
            case ReportExecutionCommand report:
                Compare("notification_id", Node(report.NotificationId), Node(made.Id), differences);
                Compare("report", Node(report.Report), Node(made.Execution is { } execution ? execution with { ReportedAt = null } : null), differences);
                break;
        }
        if (differences.Count == 0 && command is AmendNotificationCommand { ExpectedVersion: not null })
        {
            differences.Add("expected_version (or another value the exchange does not keep)");
        }
        return differences.Take(MaxReported).ToArray();
    }

    private static void CompareAttachments(IReadOnlyList<Attachment> attachments, Notification made, List<string> differences)
    {
        var now = attachments.Select(a => a.Info()).Select(i => $"{i.Role}:{i.Sha256}").Order();
        var then = made.Attachments.Select(i => $"{i.Role}:{i.Sha256}").Order();
        if (!now.SequenceEqual(then))
        {
            differences.Add("the attached CCSDS messages (ccsds_maneuver.message or planned_ephemeris_oem)");
        }
    }

    private static JsonNode? Node<T>(T value) => value is null ? null : JsonNode.Parse(NotificationJson.SerializeAny(value));

    private static void Compare(string path, JsonNode? now, JsonNode? then, List<string> differences)
    {
        if (differences.Count >= MaxReported || JsonNode.DeepEquals(now, then))
        {
            return;
        }
        switch (now, then)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    Compare($"{path}.{key}", a[key], b[key], differences);
                }
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    Compare($"{path}[{i}]", a[i], b[i], differences);
                }
                break;
            default:
                differences.Add($"{path} (first {Text(then)}, now {Text(now)})");
                break;
        }
    }

    private static string Text(JsonNode? node)
    {
        var text = node is null ? "unset" : node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
