using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Filing;

/// <summary>
/// Files, amends, cancels and reports on notifications. Checks what can be checked without the store first, then
/// hands the rest of the work to the log writer, and answers once the result is durable.
/// </summary>
public sealed class FilingService(ILogWriter writer, NotificationValidator validator, NotificationLifecycle lifecycle)
{
    public Task<FilingOutcome> FileAsync(FileNotificationCommand command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        NotificationValidator.ValidateRequestId(command.RequestId, errors);
        validator.ValidateContent(command.Content, errors);
        NotificationValidator.ValidateRelatedIds(command.RelatedNotificationIds, errors);
        if (!Enum.IsDefined(command.Visibility))
        {
            errors.Add("visibility", $"unknown or not yet supported value {(int)command.Visibility}; only PUBLIC is accepted today");
        }
        errors.ThrowIfAny();
        var fingerprint = NotificationJson.Fingerprint(command);
        return writer.WriteAsync(session => lifecycle.File(session, command, fingerprint), cancellationToken);
    }

    public Task<FilingOutcome> AmendAsync(AmendNotificationCommand command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ValidateTarget(command.NotificationId, errors);
        NotificationValidator.ValidateRequestId(command.RequestId, errors);
        validator.ValidateContent(command.Content, errors);
        NotificationValidator.ValidateRelatedIds(command.RelatedNotificationIds, errors);
        errors.OptionalText("reason", command.Reason, NotificationValidator.LongTextLength);
        if (command.ExpectedVersion is < 1)
        {
            errors.Add("expected_version", $"{command.ExpectedVersion} is not a version (versions start at 1)");
        }
        errors.ThrowIfAny();
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
