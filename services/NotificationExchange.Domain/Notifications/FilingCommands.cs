namespace NotificationExchange.Domain.Notifications;

/// <summary>A change an operator asks for. The request id makes it idempotent per operator.</summary>
public abstract record FilingCommand(string OperatorId, string RequestId);

public sealed record FileNotificationCommand(
    string OperatorId,
    string RequestId,
    NotificationContent? Content,
    IReadOnlyList<string> RelatedNotificationIds,
    Visibility Visibility) : FilingCommand(OperatorId, RequestId)
{
    /// <summary>Messages to keep with the notification (the CCSDS message it came from, a planned ephemeris).</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}

public sealed record AmendNotificationCommand(
    string OperatorId,
    string RequestId,
    string NotificationId,
    int? ExpectedVersion,
    NotificationContent? Content,
    IReadOnlyList<string> RelatedNotificationIds,
    string? Reason) : FilingCommand(OperatorId, RequestId)
{
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}

public sealed record CancelNotificationCommand(string OperatorId, string RequestId, string NotificationId, string? Reason)
    : FilingCommand(OperatorId, RequestId);

public sealed record ReportExecutionCommand(string OperatorId, string RequestId, string NotificationId, ExecutionReport? Report)
    : FilingCommand(OperatorId, RequestId);

public static class FilingCommandExtensions
{
    /// <summary>The request field a maneuver read from the operator's CCSDS message comes in.</summary>
    public const string CcsdsManeuverField = "ccsds_maneuver";

    /// <summary>
    /// The request field that carries what the command records: the notice's field (or ccsds_maneuver when the notice
    /// was read from the operator's CCSDS message, which is then kept as its source), the cancellation's reason, or
    /// the report. Faults of the recorded version as a whole are named by it.
    /// </summary>
    public static string RequestField(this FilingCommand command) => command switch
    {
        FileNotificationCommand c => ContentField(c.Content, c.Attachments),
        AmendNotificationCommand c => ContentField(c.Content, c.Attachments),
        CancelNotificationCommand => "reason",
        _ => "report",
    };

    private static string ContentField(NotificationContent? content, IReadOnlyList<Attachment> attachments) =>
        attachments.Any(a => a.Role == AttachmentRole.Source) ? CcsdsManeuverField : content?.FieldName ?? "content";
}

/// <summary>The notification as the command left it; <see cref="Replayed"/> when it answers a retry.</summary>
public sealed record FilingOutcome(RecordedEvent Event, bool Replayed)
{
    public Notification Notification => Event.Notification;
}
