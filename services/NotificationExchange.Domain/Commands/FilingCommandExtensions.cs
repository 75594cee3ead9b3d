using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

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

    /// <summary>What kind of request the command is, as answers name it.</summary>
    public static string Describe(this FilingCommand command) => command switch
    {
        FileNotificationCommand => "file",
        AmendNotificationCommand => "amend",
        CancelNotificationCommand => "cancel",
        _ => "report-execution",
    };

    private static string ContentField(NotificationContent content, IReadOnlyList<Attachment> attachments) =>
        attachments.Any(a => a.Role == AttachmentRole.Source) ? CcsdsManeuverField : content.FieldName;
}
