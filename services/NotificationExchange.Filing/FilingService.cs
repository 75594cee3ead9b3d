using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Ccsds;

namespace NotificationExchange.Filing;

/// <summary>
/// Files, amends, cancels and reports on notifications. Checks what can be checked without the store first (the
/// notice, or the CCSDS message it comes from, and its attachments), then hands the rest of the work to the log
/// writer, and answers once the result is durable.
/// </summary>
public sealed class FilingService(ILogWriter writer, NotificationValidator validator, NotificationLifecycle lifecycle)
{
    /// <summary>The request field a CCSDS maneuver comes in; violations of the notice read from it are named under it.</summary>
    public const string CcsdsManeuverField = "ccsds_maneuver";
    public const string PlannedEphemerisField = "planned_ephemeris_oem";

    public Task<FilingOutcome> FileAsync(
        string operatorId, string requestId, NoticeDraft draft, IReadOnlyList<string> relatedNotificationIds, Visibility visibility, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        NotificationValidator.ValidateRequestId(requestId, errors);
        var (content, attachments) = Resolve(draft, errors);
        NotificationValidator.ValidateRelatedIds(relatedNotificationIds, errors);
        if (!Enum.IsDefined(visibility))
        {
            errors.Add("visibility", $"unknown or not yet supported value {(int)visibility}; only PUBLIC is accepted today");
        }
        errors.ThrowIfAny();
        var command = new FileNotificationCommand(operatorId, requestId, content, relatedNotificationIds, visibility) { Attachments = attachments };
        var fingerprint = NotificationJson.Fingerprint(command);
        return writer.WriteAsync(session => lifecycle.File(session, command, fingerprint), cancellationToken);
    }

    public Task<FilingOutcome> AmendAsync(
        string operatorId, string requestId, string notificationId, int? expectedVersion, NoticeDraft draft, IReadOnlyList<string> relatedNotificationIds,
        string? reason, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ValidateTarget(notificationId, errors);
        NotificationValidator.ValidateRequestId(requestId, errors);
        var (content, attachments) = Resolve(draft, errors);
        NotificationValidator.ValidateRelatedIds(relatedNotificationIds, errors);
        errors.OptionalText("reason", reason, NotificationValidator.LongTextLength);
        if (expectedVersion is < 1)
        {
            errors.Add("expected_version", $"{expectedVersion} is not a version (versions start at 1)");
        }
        errors.ThrowIfAny();
        var command = new AmendNotificationCommand(operatorId, requestId, notificationId, expectedVersion, content, relatedNotificationIds, reason)
        {
            Attachments = attachments,
        };
        var fingerprint = NotificationJson.Fingerprint(command);
        return writer.WriteAsync(session => lifecycle.Amend(session, command, fingerprint), cancellationToken);
    }

    public Task<FilingOutcome> CancelAsync(CancelNotificationCommand command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ValidateTarget(command.NotificationId, errors);
        NotificationValidator.ValidateRequestId(command.RequestId, errors);
        errors.RequiredText("reason", command.Reason, NotificationValidator.LongTextLength);
        errors.ThrowIfAny();
        var fingerprint = NotificationJson.Fingerprint(command);
        return writer.WriteAsync(session => lifecycle.Cancel(session, command, fingerprint), cancellationToken);
    }

    public Task<FilingOutcome> ReportExecutionAsync(ReportExecutionCommand command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ValidateTarget(command.NotificationId, errors);
        NotificationValidator.ValidateRequestId(command.RequestId, errors);
        errors.ThrowIfAny();
        // the report's own fields are checked in the write, where the notification's kind is known
        var fingerprint = NotificationJson.Fingerprint(command);
        return writer.WriteAsync(session => lifecycle.ReportExecution(session, command, fingerprint), cancellationToken);
    }

    /// <summary>The notice a draft brings, checked, and the messages to keep with it.</summary>
    private (NotificationContent? Content, IReadOnlyList<Attachment> Attachments) Resolve(NoticeDraft draft, ValidationErrors errors)
    {
        var attachments = new List<Attachment>();
        var content = draft.Content;
        if (draft.Ccsds is { } ccsds)
        {
            if (CcsdsManeuverImport.Read(ccsds.Message, ccsds.Supplement, CcsdsManeuverField, errors) is not var (notice, source))
            {
                return (null, attachments);
            }
            content = notice;
            attachments.Add(source);
            var noticeErrors = new ValidationErrors();
            validator.ValidateContent(notice, noticeErrors);
            foreach (var violation in noticeErrors.Violations)
            {
                errors.Add(CcsdsManeuverField + violation.Field[NotificationKind.Maneuver.FieldName().Length..], violation.Description.StartsWith("is required", StringComparison.Ordinal)
                    ? $"{violation.Description}; the message does not give it: add it to {CcsdsManeuverField}.supplement"
                    : violation.Description);
            }
        }
        else
        {
            validator.ValidateContent(content, errors);
        }
        if (!string.IsNullOrEmpty(draft.PlannedEphemerisOem))
        {
            if (content is not ManeuverNotice maneuver)
            {
                errors.Add(PlannedEphemerisField, "only a maneuver has a planned ephemeris");
            }
            else if (PlannedEphemeris.Read(draft.PlannedEphemerisOem, maneuver, PlannedEphemerisField, errors) is { } ephemeris)
            {
                attachments.Add(ephemeris);
            }
        }
        return (content, attachments);
    }

    private static void ValidateTarget(string notificationId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(notificationId))
        {
            errors.Add("notification_id", "is required");
        }
        else if (!NotificationValidator.NotificationIdPattern().IsMatch(notificationId))
        {
            errors.Add("notification_id", $"'{notificationId}' is not a notification id (such as MNV-42)");
        }
    }
}
